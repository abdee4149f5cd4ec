import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface FakeLivePerson {
  origin: string;
  /** Every request it got: path with query, and the Authorization header. */
  seen: Array<{ url: string; authorization: string | undefined }>;
  /** Bytes of body it managed to write before the reader hung up (a capped reader stops early). */
  bytesSent(): number;
  close(): Promise<void>;
}

/** What the fake sends: a JSON body, or text written in pieces (a trickle), with headers of its own (a redirect's Location). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body as raw pieces, one every `everyMs`, instead of `body`; a function makes piece `index` on demand. */
  trickle?: { pieces: number; piece: (index: number) => string; everyMs: number };
}

/**
 * A local stand-in for a LivePerson API: `answer` gets each request that carries `Bearer <token>` and says
 * what to send; any other token gets 401, as the real APIs answer. `delayMs` holds the headers back (calls
 * overlap, or an answer comes too late); a trickle writes the body slowly, or hugely, piece by piece.
 */
export async function startFakeLivePerson(
  token: string,
  answer: (request: IncomingMessage) => FakeAnswer,
  delayMs = 0,
): Promise<FakeLivePerson> {
  const seen: FakeLivePerson['seen'] = [];
  let sent = 0;
  const server: Server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    setTimeout(() => {
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      const { status, body, headers, trickle } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      if (!trickle) {
        const text = body === undefined ? '' : JSON.stringify(body);
        sent += Buffer.byteLength(text);
        response.end(text);
        return;
      }
      let index = 0;
      const next = () => {
        if (response.destroyed) return;
        if (index === trickle.pieces) return void response.end();
        const piece = trickle.piece(index++);
        sent += Buffer.byteLength(piece);
        // Waits for the reader to take each piece, so a reader that stops reading stops the writing.
        if (response.write(piece)) setTimeout(next, trickle.everyMs);
        else response.once('drain', () => setTimeout(next, trickle.everyMs));
      };
      response.on('close', () => (index = trickle.pieces));
      next();
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    seen,
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
