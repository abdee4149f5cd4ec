import type { LoggerOptions } from 'pino';

const CENSOR = '[redacted]';
const MAX_CAUSES = 3;

/**
 * An error as the log may show it, listed field by field rather than redacted after the fact:
 * a driver error puts the query's parameters (an integration's header values, scripts, bodies)
 * in its message, its stack, `params`, and the database's `detail` ("Failing row contains …").
 * Kept: the type, the message up to its parameters, the SQL text (placeholders only), the
 * database's error code and the names of what failed, and the call stack.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as Error & Record<string, unknown>;
  const message = withoutValues(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const safe: Record<string, unknown> = {
    type: error.constructor.name,
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
  for (const key of ['code', 'statusCode', 'severity', 'table', 'column', 'constraint', 'routine', 'query']) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') safe[key] = value;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) safe.cause = safeError(error.cause, depth + 1);
  return safe;
}

/**
 * Drizzle's `Failed query: … params: <values>`, and a database message ending in the value it
 * refused (`invalid input syntax for type uuid: "…"`): the values go, the words stay.
 */
function withoutValues(message: string): string {
  return message.replace(/\nparams: [\s\S]*$/, `\nparams: ${CENSOR}`).replace(/: "[\s\S]*"$/, `: "${CENSOR}"`);
}

/** What a request's log lines say of it: Fastify's own fields, with the path of the URL but not its query. */
interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/**
 * Fastify's request serializer writes `req.url` whole, query string included: `?q=` searches, cursors and
 * whatever a client puts there would be in every `incoming request` line. The query's values stay out; a
 * mark says there was one.
 */
function requestWithoutQuery(request: RequestLike): Record<string, unknown> {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return {
    method: request.method,
    url: query === -1 ? url : `${url.slice(0, query)}?${CENSOR}`,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Pino settings: no request body, credential header or query parameter ever reaches a log line. */
export const LOG_REDACTION: Pick<LoggerOptions, 'redact' | 'serializers'> = {
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers["proxy-authorization"]',
      'req.headers.cookie',
      'req.body',
      'body',
      'params',
      'headers.authorization',
      'err.params',
      'err.detail',
    ],
    censor: CENSOR,
  },
  serializers: { err: safeError, error: safeError, req: requestWithoutQuery },
};
