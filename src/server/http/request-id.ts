import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a caller's id may be to be kept: a balancer's or client's trace id (UUIDs, hex, base64url,
 * `host:seq`), bounded so that a log line cannot be flooded, split or forged with it. Checked in
 * linear time.
 */
const WELL_FORMED_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;

/**
 * Fastify's genReqId: the caller's X-Request-Id when it is well formed, so a request keeps one id
 * across the balancer and every server it reaches; a fresh UUID otherwise (none sent, or one that
 * could not go into a log line or header as it is).
 */
export function requestIdOf(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED_ID.test(given) ? given : randomUUID();
}

/** Before any other hook, so every answer carries it: a refused token or host too. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
