import { request, type IncomingMessage } from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface ReceivedEvent {
  id: string | undefined;
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  data: any;
  /** When it arrived (Date.now()). */
  at: number;
}

/** An event stream read the way a browser's EventSource reads it, for the tests. */
export interface SseClient {
  status: number;
  headers: IncomingMessage['headers'];
  /** Every event so far, and every comment line (heartbeats). */
  events: ReceivedEvent[];
  comments: string[];
  /** The first event from `from` on (an index into events) that matches, waiting up to `withinMs`. */
  next(match: (event: ReceivedEvent) => boolean, withinMs?: number, from?: number): Promise<ReceivedEvent>;
  /** The body of a refused stream (problem+json). */
  body: string;
  closed: Promise<void>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: ReceivedEvent[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let body = '';
      const parser = createParser({
        onEvent(message: EventSourceMessage) {
          events.push({ id: message.id, event: message.event ?? 'message', data: JSON.parse(message.data), at: Date.now() });
          for (const wake of waiters) wake();
        },
        onComment(comment) {
          comments.push(comment.trim());
          for (const wake of waiters) wake();
        },
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (response.statusCode === 200) parser.feed(chunk);
        else body += chunk;
      });
      const closed = new Promise<void>((done) => {
        response.on('close', () => done());
        response.on('error', () => done());
      });
      const client: SseClient = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        comments,
        get body() {
          return body;
        },
        closed,
        next(match, withinMs = 5_000, from = 0) {
          return new Promise((found, fail) => {
            const look = () => {
              const hit = events.slice(from).find(match);
              if (!hit) return false;
              clearTimeout(timer);
              waiters.delete(wake);
              found(hit);
              return true;
            };
            const wake = () => void look();
            const timer = setTimeout(() => {
              waiters.delete(wake);
              fail(new Error(`no matching event within ${withinMs} ms; got ${JSON.stringify(events.map((e) => [e.id, e.event]))}`));
            }, withinMs);
            if (!look()) waiters.add(wake);
          });
        },
        close: () => req.destroy(),
      };
      if (response.statusCode !== 200) response.on('end', () => resolve(client));
      else resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}
