import { vi } from 'vitest';

export interface FakeCall {
  method: string;
  path: string;
  /** The path with its query string, as the app spelled it. */
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: FakeCall) => { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * Replaces fetch with handlers keyed by "METHOD /path" (query string ignored);
 * records every call so tests can assert what the UI sent.
 */
/** Who the server says is signed in unless a test says otherwise: AUTH=none's local builder, an admin. */
export const LOCAL_ME = { id: 'local', email: '', name: 'Local builder', role: 'admin', authMode: 'none' } as const;

export function fakeApi(given: Record<string, Handler>) {
  const handlers: Record<string, Handler> = { 'GET /api/me': () => ({ status: 200, body: LOCAL_ME }), ...given };
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://127.0.0.1');
    const method = init?.method ?? 'GET';
    const call: FakeCall = {
      method,
      path: url.pathname,
      url: `${url.pathname}${url.search}`,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers as Record<string, string>) ?? {},
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) {
      return new Response(
        JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No fake for ${method} ${url.pathname}` }),
        {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    }
    const answer = handler(call);
    const isProblem = answer.status >= 400;
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}
