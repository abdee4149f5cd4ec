import { timingSafeEqual, createHash } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problems';

export async function registerSecurityHeaders(app: FastifyInstance, corsOrigin: string | null): Promise<void> {
  // helmet itself, built once: @fastify/helmet rebuilds the middleware (and re-parses the CSP) on every
  // request, which was a measurable share of a read's cost. The headers it sets are the same.
  const setSecurityHeaders = helmet({
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
  });
  app.addHook('onRequest', (request, reply, done) => setSecurityHeaders(request.raw, reply.raw, () => done()));
  if (corsOrigin) await app.register(fastifyCors, { origin: corsOrigin.split(',').map((origin) => origin.trim()) });
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

// The health check, the OpenAPI document and the docs page hold no data and must load without a token.
const PUBLIC_PATHS = /^\/api\/(health|openapi\.json|docs(\/.*)?)$/;

/** With ADMIN_TOKEN set, every other /api call needs `Authorization: Bearer <token>`. */
export function registerAdminToken(app: FastifyInstance, adminToken: string | null): void {
  if (!adminToken) return;
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC_PATHS.test(path)) return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    if (!sameSecret(token, adminToken)) {
      throw new HttpProblem(
        401,
        'Unauthorized',
        header ? 'The bearer token is not the one this server expects.' : 'Send Authorization: Bearer <ADMIN_TOKEN>.',
      );
    }
  });
}
