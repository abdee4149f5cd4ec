import fastifyCors from '@fastify/cors';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'if-match', 'if-none-match'];
/** Response headers a cross-origin script may read besides the safelisted ones: what the app's client reads. */
const CORS_EXPOSED_HEADERS = ['etag', 'location', 'content-disposition', 'retry-after', 'allow'];

/** helmet's options for this server, as `helmet()` takes them. */
export const HELMET_OPTIONS = {
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
} satisfies FastifyHelmetOptions;

export async function registerSecurityHeaders(app: FastifyInstance, corsOrigin: string | null): Promise<void> {
  // Global: every answer gets the headers, the web app's files and the not-found answers too.
  await app.register(fastifyHelmet, HELMET_OPTIONS);
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
