import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface FakeLivePerson {
  origin: string;
  /** Every request it got: path with query, and the Authorization header. */
  seen: Array<{ url: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

/**
 * A local stand-in for a LivePerson API: `answer` gets each request that carries `Bearer <token>` and says
 * what to send; any other token gets 401, as the real APIs answer. `delayMs` lets concurrent calls overlap.
 */
export async function startFakeLivePerson(
  token: string,
  answer: (request: IncomingMessage) => { status: number; body?: unknown },
  delayMs = 0,
): Promise<FakeLivePerson> {
  const seen: FakeLivePerson['seen'] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    setTimeout(() => {
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      const { status, body } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
