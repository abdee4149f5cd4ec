import type { ServerResponse } from 'node:http';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { StoredEvent } from './events-repository';
import type { PresentTab } from './presence';

/**
 * This process's open event streams (GET /api/bots/:botId/events), by bot. Per-process state: each server
 * holds the streams of the clients connected to it, and hears every other server's events through the
 * database (NOTIFY), so a balancer may send a client to any of them.
 */
export interface HubLimits {
  /** Open streams this process accepts; one more is answered 503 with Retry-After. */
  maxStreams: number;
  /**
   * A comment line this often keeps proxies from closing an idle stream; as often, each stream opened with a
   * session or a key asks whether it still holds (so a stream ends within this time of its session's end).
   */
  heartbeatMs: number;
  /** Bytes a stream may have waiting for a client that does not read; past it the stream is dropped. */
  maxBufferedBytes: number;
}

export const HUB_LIMITS: HubLimits = { maxStreams: 1_000, heartbeatMs: 15_000, maxBufferedBytes: 1024 * 1024 };

class EventStream {
  /** The id of the last event written: presence events repeat it, so a reconnect resumes from stored events only. */
  lastId: number;
  /** Live events heard while the missed ones are read: written after them, so none is lost or doubled. */
  private held: StoredEvent[] | null = [];
  private ended = false;

  constructor(
    readonly botId: string,
    readonly tab: string | null,
    private readonly response: ServerResponse,
    startId: number,
    private readonly limits: HubLimits,
    private readonly onSlow: () => void,
    /** Whether whoever opened the stream may still read it (absent: nothing can end that, as with AUTH=none). */
    readonly stillAllowed: (() => Promise<boolean>) | null = null,
  ) {
    this.lastId = startId;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Writes the missed events, then what was heard meanwhile, and from then on writes as events come. */
  start(missed: readonly StoredEvent[], presence: readonly PresentTab[]): void {
    for (const event of missed) this.writeEvent(event);
    const held = this.held ?? [];
    this.held = null;
    const after = this.lastId;
    for (const event of held) if (event.id > after) this.writeEvent(event);
    this.presence(presence);
  }

  event(event: StoredEvent): void {
    if (this.held) this.held.push(event);
    else this.writeEvent(event);
  }

  presence(present: readonly PresentTab[]): void {
    if (this.held) return;
    this.write(`id: ${this.lastId}\nevent: presence\ndata: ${JSON.stringify({ botId: this.botId, present })}\n\n`);
  }

  /** The client must reload what it shows: events were lost (a database reconnect) or are too old to replay. */
  resync(reason: string): void {
    this.write(`id: ${this.lastId}\nevent: resync\ndata: ${JSON.stringify({ reason })}\n\n`);
  }

  heartbeat(): void {
    this.write(': heartbeat\n\n');
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.response.end();
  }

  private writeEvent(event: StoredEvent): void {
    this.lastId = Math.max(this.lastId, event.id);
    this.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  }

  private write(text: string): void {
    if (this.ended) return;
    // What the socket has not taken yet waits in the response; a client that stops reading would grow it
    // without limit, so past the bound it is dropped (it reconnects with Last-Event-ID when it reads again).
    if (this.response.writableLength > this.limits.maxBufferedBytes) {
      this.ended = true;
      this.onSlow();
      this.response.destroy();
      return;
    }
    this.response.write(text);
  }
}

export class EventHub {
  private readonly byBot = new Map<string, Set<EventStream>>();
  private count = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly refused: Counter;
  private readonly dropped: Counter;

  constructor(
    private readonly limits: HubLimits,
    private readonly openStreams: Gauge,
    registry: Registry,
  ) {
    this.refused = new Counter({
      name: 'sse_streams_refused_total',
      help: 'Event streams answered 503 because this process had its most open.',
      registers: [registry],
    });
    this.dropped = new Counter({
      name: 'sse_streams_dropped_total',
      help: 'Event streams ended because their client did not read fast enough.',
      registers: [registry],
    });
    this.heartbeat = setInterval(() => {
      this.forEach((stream) => stream.heartbeat());
      void this.endRevoked();
    }, limits.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Whether one more stream may open; a refusal is counted. */
  admits(): boolean {
    if (this.count < this.limits.maxStreams) return true;
    this.refused.inc();
    return false;
  }

  /** A new stream, or null when this process has as many as it accepts (counted as refused). */
  open(
    botId: string,
    tab: string | null,
    response: ServerResponse,
    startId: number,
    stillAllowed: (() => Promise<boolean>) | null = null,
  ): EventStream | null {
    if (!this.admits()) return null;
    const stream = new EventStream(botId, tab, response, startId, this.limits, () => this.dropped.inc(), stillAllowed);
    const streams = this.byBot.get(botId) ?? new Set<EventStream>();
    streams.add(stream);
    this.byBot.set(botId, streams);
    this.count += 1;
    this.openStreams.set(this.count);
    return stream;
  }

  remove(stream: EventStream): void {
    const streams = this.byBot.get(stream.botId);
    if (!streams?.delete(stream)) return;
    if (!streams.size) this.byBot.delete(stream.botId);
    this.count -= 1;
    this.openStreams.set(this.count);
  }

  deliver(event: StoredEvent): void {
    for (const stream of this.byBot.get(event.botId) ?? []) stream.event(event);
  }

  presence(botId: string, present: readonly PresentTab[]): void {
    for (const stream of this.byBot.get(botId) ?? []) stream.presence(present);
  }

  resyncAll(reason: string): void {
    this.forEach((stream) => stream.resync(reason));
  }

  /** Ends every stream (the server is stopping): clients reconnect, to this server or another. */
  close(): void {
    clearInterval(this.heartbeat);
    this.forEach((stream) => stream.end());
  }

  /**
   * Ends the streams whose session ended (signed out, expired, deactivated) or whose key was revoked, on
   * whichever server they are: the check reads the database, not this process's memory.
   */
  private async endRevoked(): Promise<void> {
    const checked: EventStream[] = [];
    this.forEach((stream) => {
      if (stream.stillAllowed && stream.isOpen) checked.push(stream);
    });
    await Promise.all(
      checked.map(async (stream) => {
        // A database that cannot answer says nothing about the session: the stream stays until it can.
        const allowed = await stream.stillAllowed!().catch(() => true);
        if (!allowed) stream.end();
      }),
    );
  }

  private forEach(visit: (stream: EventStream) => void): void {
    for (const streams of this.byBot.values()) for (const stream of [...streams]) visit(stream);
  }
}
