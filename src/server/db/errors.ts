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
