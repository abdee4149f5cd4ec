import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Registry, Gauge } from 'prom-client';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database';
import { notFound } from '../errors';
import { RetryLaterProblem } from '../http/problems';
import { botParams, problems } from '../http/route-schemas';
import { EventHub, HUB_LIMITS, type HubLimits } from './event-hub';
import { createEventsRepository, type StoredEvent } from './events-repository';
import { PRESENCE_CHANNEL, PRESENCE_TTL_MS, PresenceBoard, type Author, type PresenceMessage } from './presence';

/** The channel the bot_events triggers NOTIFY (migration 0010_bot_events). */
const EVENTS_CHANNEL = 'bot_events';
/** How often a server deletes events older than the replay window. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** How long a new stream waits for this server's LISTEN before it starts anyway (the database is away). */
const LISTEN_WAIT_MS = 5_000;

const tabSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'tab must be 1-64 letters, digits, - or _.')
  .describe('An id the tab makes for itself, the same on its stream and its presence, so it is one tab on the board.');

const presenceInputSchema = z.strictObject({
  integrationId: z.uuid('integrationId must be a UUID.').optional(),
  field: z.string().min(1).max(200, 'field must be at most 200 characters.').optional(),
  tab: tabSchema.optional(),
  leave: z.boolean().optional().describe('The tab is closing: it leaves at once rather than after 30 s.'),
});

export interface LiveOptions {
  database: DatabaseHandle;
  bots: { exists(botId: string): Promise<boolean> };
  metrics: { registry: Registry; openStreams: Gauge };
  limits?: Partial<HubLimits>;
  presenceTtlMs?: number;
  /**
   * Who makes the request, for presence: null until the app knows people (#25), shown as "another tab".
   * The same seam decides which bots a person may stream.
   */
  authorOf?: (request: FastifyRequest) => Author | null;
  /**
   * For a stream opened with a session or a key: whether its credential still holds, asked again every
   * heartbeat; null when nothing can end it (AUTH=none, ADMIN_TOKEN).
   */
  accessCheckOf?: (request: FastifyRequest) => (() => Promise<boolean>) | null;
}

/** A tab without an id of its own: its address and browser, so at least two browsers are two tabs. */
const fallbackTab = (request: FastifyRequest) =>
  Buffer.from(`${request.ip} ${request.headers['user-agent'] ?? ''}`)
    .toString('base64url')
    .slice(-64);

export const liveRoutes: FastifyPluginAsyncZod<LiveOptions> = async (app, options) => {
  const { database, bots } = options;
  const events = createEventsRepository(database.db);
  const limits = { ...HUB_LIMITS, ...options.limits };
  const hub = new EventHub(limits, options.metrics.openStreams, options.metrics.registry);
  const board = new PresenceBoard(options.presenceTtlMs ?? PRESENCE_TTL_MS, (botId) => hub.presence(botId, board.snapshot(botId)));
  const authorOf = options.authorOf ?? (() => null);
  const streamsFull = () =>
    new RetryLaterProblem(5, `This server has ${limits.maxStreams} event streams open, the most it keeps: try again shortly.`);

  // One connection per server for both channels (on PostgreSQL, outside the pool).
  const listener = database.listen(
    {
      [EVENTS_CHANNEL]: (payload) => {
        const message = JSON.parse(payload) as StoredEvent & { data?: StoredEvent['data'] };
        if (message.data) hub.deliver(message);
        // Too large for a notification: the row has it.
        else
          void events.byId(message.id).then(
            (event) => event && hub.deliver(event),
            () => undefined,
          );
      },
      [PRESENCE_CHANNEL]: (payload) => board.apply(JSON.parse(payload) as PresenceMessage),
    },
    // Whatever was notified while the connection was lost is gone: every client reloads what it shows.
    () => hub.resyncAll('reconnected'),
  );
  const publishPresence = (message: PresenceMessage) =>
    database.db.execute(sql`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(message)})`);

  const pruning = setInterval(() => void events.prune().catch(() => undefined), PRUNE_EVERY_MS);
  pruning.unref();
  // Streams never end by themselves: they must end before the server can close its connections.
  app.addHook('preClose', async () => {
    clearInterval(pruning);
    hub.close();
    board.close();
  });
  app.addHook('onClose', async () => {
    await listener.close().catch(() => undefined);
  });

  app.get(
    '/api/bots/:botId/events',
    {
      schema: {
        tags: ['live'],
        summary:
          "The bot's live events (text/event-stream): integration.created, .saved, .renamed, .deleted, .restored, dialogs.changed, bot.imported, presence, resync. Last-Event-ID replays what was missed.",
        params: botParams,
        querystring: z.strictObject({ tab: tabSchema.optional() }),
        headers: z.object({ 'last-event-id': z.string().optional() }),
        response: { 200: z.string().describe('text/event-stream'), ...problems(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      if (!hub.admits()) throw streamsFull();
      if (!(await bots.exists(botId))) throw notFound(`Bot ${botId}`);
      const lastEventId = /^\d{1,15}$/.test(request.headers['last-event-id'] ?? '') ? Number(request.headers['last-event-id']) : null;
      await Promise.race([listener.ready, new Promise((resolve) => setTimeout(resolve, LISTEN_WAIT_MS).unref())]);
      const startId = lastEventId ?? (await events.latestId());
      const stream = hub.open(botId, request.query.tab ?? null, reply.raw, startId, options.accessCheckOf?.(request) ?? null);
      if (!stream) throw streamsFull();
      let missed: StoredEvent[] | 'resync' = [];
      try {
        if (lastEventId !== null) missed = await events.after(botId, lastEventId);
      } catch (error) {
        hub.remove(stream);
        throw error;
      }
      reply.hijack();
      const response = reply.raw;
      const headers = Object.entries(reply.getHeaders()).filter(
        (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
      );
      response.writeHead(200, {
        ...Object.fromEntries(headers),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // nginx and others buffer answers unless told not to; a stream must reach the client as written.
        'x-accel-buffering': 'no',
      });
      request.raw.socket.setNoDelay(true);
      response.write('retry: 2000\n\n');
      request.raw.on('close', () => {
        stream.end();
        hub.remove(stream);
        if (stream.tab) void publishPresence({ botId, tab: stream.tab, author: null, leave: true }).catch(() => undefined);
      });
      if (missed === 'resync') {
        stream.start([], board.snapshot(botId));
        stream.resync('too-old');
      } else stream.start(missed, board.snapshot(botId));
    },
  );

  app.post(
    '/api/bots/:botId/presence',
    {
      schema: {
        tags: ['live'],
        summary: 'Say this tab has the bot open, on which integration and field (every 10 s); silent 30 s, it has left',
        params: botParams,
        body: presenceInputSchema,
        response: { 204: z.undefined().describe('Heard'), ...problems(400, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      if (!(await bots.exists(botId))) throw notFound(`Bot ${botId}`);
      const body = request.body;
      await publishPresence({
        botId,
        tab: body.tab ?? fallbackTab(request),
        integrationId: body.integrationId ?? null,
        field: body.integrationId ? (body.field ?? null) : null,
        author: authorOf(request),
        ...(body.leave ? { leave: true } : {}),
      });
      return reply.code(204).send();
    },
  );
};
