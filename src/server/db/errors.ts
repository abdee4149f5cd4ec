interface PostgresError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The name of the unique constraint a write broke, or null (drizzle wraps driver errors in `cause`). */
export function violatedUniqueConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PostgresError;
    if (candidate.code === '23505') return candidate.constraint ?? '';
    current = candidate.cause;
  }
  return null;
}

/** SQLSTATEs that mean the server cannot serve this session now, whatever the statement. */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: the server is stopping, or pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
]);

/** Socket errors of a connection that could not be made or was lost. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * What pg says, without a code, when a connection ends or cannot be had: the stream ended, a client that lost
 * its connection was asked again (a transaction's ROLLBACK after the cut), the pool's connect timeout passed.
 */
const UNAVAILABLE_MESSAGES =
  /^Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

function isUnavailableHere(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) {
    return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/**
 * Whether an error means the database cannot be reached right now (refused, lost, shutting down, starting,
 * out of connections), as opposed to a fault of the request or of the data: the request may be tried again
 * in a moment. drizzle wraps the driver's error in `cause`; a connection refused on every address of a host
 * is an AggregateError of each attempt.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (isUnavailableHere(current)) return true;
    if (current instanceof AggregateError && current.errors.some((each: unknown) => isDatabaseUnavailable(each))) return true;
    current = (current as PostgresError).cause;
  }
  return false;
}
