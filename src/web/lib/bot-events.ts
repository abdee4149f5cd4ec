import { createParser } from 'eventsource-parser';
import { currentAdminToken } from './admin-token';

/**
 * The bot's live events (GET /api/bots/:botId/events), one stream per bot shared by every part of the page
 * that listens. Read with fetch rather than EventSource, which cannot send the admin token; it reconnects
 * with Last-Event-ID as EventSource does, so nothing said while it was away is missed.
 */

interface BotEvent {
  type: string;
  id: string | undefined;
  // The server's JSON, read by each listener for the event types it knows.
  data: Record<string, unknown>;
}

type Listener = (event: BotEvent) => void;

/** This tab's id on the presence board: the same for its stream and its heartbeats, kept across reloads of the tab. */
const TAB_ID = (() => {
  const made = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
  try {
    const kept = sessionStorage.getItem('panel-tab-id');
    if (kept) return kept;
    const id = made();
    sessionStorage.setItem('panel-tab-id', id);
    return id;
  } catch {
    return made();
  }
})();

interface Connection {
  listeners: Set<Listener>;
  stop: () => void;
}

const connections = new Map<string, Connection>();
const RETRY_MS = { first: 1_000, max: 15_000 };

function connect(botId: string, listeners: Set<Listener>): () => void {
  let stopped = false;
  let lastId: string | undefined;
  let controller: AbortController | null = null;
  let retryMs = RETRY_MS.first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (event: BotEvent) => listeners.forEach((listener) => listener(event));

  async function run(): Promise<void> {
    controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const token = currentAdminToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (lastId) headers['last-event-id'] = lastId;
    try {
      const response = await fetch(`/api/bots/${botId}/events?tab=${TAB_ID}`, { headers, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      retryMs = RETRY_MS.first;
      const parser = createParser({
        onEvent(message) {
          if (message.id) lastId = message.id;
          let data: Record<string, unknown>;
          try {
            data = JSON.parse(message.data) as Record<string, unknown>;
          } catch {
            return;
          }
          emit({ type: message.event ?? 'message', id: message.id, data });
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Closed, refused or cut: try again below, unless stopped.
    }
    if (stopped) return;
    timer = setTimeout(() => void run(), retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  }

  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}

/** Listens to the bot's events until the returned function is called; the stream closes with its last listener. */
export function listenToBot(botId: string, listener: Listener): () => void {
  let connection = connections.get(botId);
  if (!connection) {
    const listeners = new Set<Listener>();
    connection = { listeners, stop: connect(botId, listeners) };
    connections.set(botId, connection);
  }
  connection.listeners.add(listener);
  const current = connection;
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size) return;
    current.stop();
    connections.delete(botId);
  };
}

/** Who has the bot open, as the last presence event said. */
export interface PresentTab {
  tab: string;
  integrationId: string | null;
  field: string | null;
  author: { id: string; name: string } | null;
}

/** The others on the board: this tab is not one of them. */
export const othersIn = (data: Record<string, unknown>): PresentTab[] =>
  ((data.present as PresentTab[] | undefined) ?? []).filter((tab) => tab.tab !== TAB_ID);

/** The name shown for someone: theirs when the app knows people, else what they are to us. */
export const authorName = (author: { name: string } | null | undefined) => author?.name ?? 'Another tab';

/** This tab's heartbeat (POST …/presence): what it has open now; failures only mean a late or missed beat. */
export function sendPresence(botId: string, where: { integrationId?: string; field?: string; leave?: boolean }): void {
  const token = currentAdminToken();
  void fetch(`/api/bots/${botId}/presence`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ ...where, tab: TAB_ID }),
    keepalive: where.leave === true,
  }).catch(() => undefined);
}
