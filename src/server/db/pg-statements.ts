import type pg from 'pg';
import { PREPARED_STATEMENT_LIMIT } from './pglite-statements';

/**
 * Named prepared statements on PostgreSQL. drizzle names only the statements built with `.prepare(name)`;
 * every other one (the save's statement written in SQL, the query builder's) went unnamed, and PostgreSQL
 * parsed and planned it again each time, on the same two cores the server runs on: the save's statement
 * took 250-320 µs that way against 160-185 µs named, run one after another on one connection.
 *
 * node-postgres parses a named statement once per connection and then only binds it. A text gets a name
 * the first time it is sent with parameters, while fewer than the limit have one; node-postgres keeps what
 * it parsed for as long as the connection lives, so texts past the limit stay unnamed rather than grow
 * that without end.
 */
export function nameStatements(pool: pg.Pool, limit = PREPARED_STATEMENT_LIMIT): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= limit) return known;
    const name = `app_statement_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  // Every connection the pool opens, whether pool.query or a transaction's client runs on it.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const named = (config: unknown, ...rest: unknown[]): unknown => {
      if (typeof config === 'object' && config !== null && 'text' in config && !('name' in config && config.name)) {
        const { text } = config as { text: unknown };
        const values = rest[0] ?? (config as { values?: unknown }).values;
        const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 ? nameOf(text) : undefined;
        if (name) return query({ ...config, name }, ...rest);
      }
      return query(config, ...rest);
    };
    client.query = named as typeof client.query;
  });
}
