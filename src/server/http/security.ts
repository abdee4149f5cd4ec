import fastifyCors from '@fastify/cors';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const CORS_REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'if-match', 'if-none-match'];
/** Response headers a cross-origin script may read besides the safelisted ones: what the app's client reads. */
export const CORS_EXPOSED_HEADERS = ['etag', 'location', 'content-disposition', 'retry-after', 'allow'];

/** helmet's options for this server, as `helmet()` takes them. */
export const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  // Served over plain http on loopback by default: HSTS and upgrading requests would break a LAN (HOST=0.0.0.0) setup.
  strictTransportSecurity: false,
  contentSecurityPolicy: {
    directives: {
      upgradeInsecureRequests: null,
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Monaco injects its own <style> elements and inline style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Monaco's language workers are bundled files; Vite may start them from blob: URLs.
      workerSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
};

/**
 * The headers helmet sets with these options, asked of helmet once: they depend on nothing in the
 * request (no nonces), so every answer gets the same. helmet's only other act is removing
 * X-Powered-By, which nothing here sets; anything else it did would be refused here, at start.
 */
export function securityHeaders(options: Parameters<typeof helmet>[0] = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      if (name.toLowerCase() !== 'x-powered-by') throw new Error(`helmet removed ${name}, which this server cannot precompute`);
    },
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance, corsOrigin: string | null): Promise<void> {
  // Set from a table built once: running helmet's dozen middlewares on every request (each with its own
  // checked setHeader) was a measurable share of a read's cost. The headers are helmet's own.
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (corsOrigin) {
    await app.register(fastifyCors, {
      origin: corsOrigin.split(',').map((origin) => origin.trim()),
      // Everything the web app does, so a page on an allowed origin can do it too.
      methods: CORS_METHODS,
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
