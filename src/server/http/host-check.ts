import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problems';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `Example.COM.:3000` → `example.com`; `[::1]:80` → `[::1]`. The port does not matter: only the name is rebound. */
function hostName(value: string): string {
  const lower = value.trim().toLowerCase();
  const name = lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * A page can only send an IP address as Host if the browser loaded it from that address: DNS
 * rebinding needs a name. So addresses pass, and names must be on the list.
 */
function isAddress(name: string): boolean {
  return isIP(name.startsWith('[') ? name.slice(1, -1) : name) !== 0;
}

/** The names a request may be addressed to: loopback, HOST when it names one interface, and ALLOWED_HOSTS. */
export function allowedHostNames(host: string, extra: string[]): string[] {
  const names = new Set(LOOPBACK_NAMES);
  if (!WILDCARD_BINDS.has(host.trim())) names.add(hostName(isIP(host.trim()) === 6 ? `[${host.trim()}]` : host));
  for (const name of extra) if (name.trim()) names.add(hostName(name));
  return [...names];
}

/** The authority the request names: an absolute-form target's own (RFC 9112 §3.2.2), else Host. */
function addressedTo(request: FastifyRequest): string | undefined {
  const target = request.raw.url ?? '';
  if (!target.startsWith('/')) {
    try {
      return new URL(target).host;
    } catch {
      return '';
    }
  }
  return request.headers.host;
}

/**
 * Refuses requests addressed to a name that is not this server's (421), before anything else runs:
 * a page on `rebind.evil.example` whose name now resolves to 127.0.0.1 would otherwise read the API.
 */
export function registerHostCheck(app: FastifyInstance, allowed: string[]): void {
  const names = new Set(allowed.map(hostName));
  // A callback rather than an async hook: it runs on every request, and a promise per request is not free.
  app.addHook('onRequest', (request, _reply, done) => {
    const authority = addressedTo(request);
    // No Host at all (HTTP/1.0) comes from no browser, so from no rebinding page.
    if (authority === undefined) return done();
    const name = hostName(authority);
    if (names.has(name) || isAddress(name)) return done();
    done(
      new HttpProblem(
        421,
        'Misdirected Request',
        `This server does not answer for the host "${name.slice(0, 100)}". Add it to ALLOWED_HOSTS (comma-separated) if it is one of its names.`,
      ),
    );
  });
}
