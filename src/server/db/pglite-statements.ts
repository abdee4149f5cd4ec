import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/**
 * Named prepared statements on PGlite, as node-postgres keeps them per connection and postgres.js for
 * every statement. PGlite's query() parses and plans its text again on every call, in six separate
 * round trips into the engine (parse, describe, bind, describe, execute, sync), each copying buffers
 * and parsing replies in JavaScript on the server's one thread: a GET of one integration measured
 * 280-330 µs per query that way, against 100-140 µs binding a statement parsed once, in one round trip.
 *
 * A statement is parsed under a name the first time its text is sent with parameters; later calls only
 * bind and execute it. PostgreSQL replans a named statement itself when a table it reads changes, so
 * nothing here tracks the schema. Statements without parameters (migrations, one-off DDL) go through
 * PGlite's own query().
 */

/** At most this many statements stay parsed; the least recently used is closed to make room. */
export const PREPARED_STATEMENT_LIMIT = 200;

interface Statement {
  name: string;
  /** The parameters' type oids, as PostgreSQL inferred them: they choose each value's serializer. */
  paramTypes: number[];
}

/** Runs a statement sent to `target`, the client or one of its transactions (`inTransaction` says which). */
type PreparedQuery = <T>(
  target: PGlite | Transaction,
  inTransaction: boolean,
  text: string,
  params: unknown[] | undefined,
  options: QueryOptions | undefined,
) => Promise<Results<T>>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** What PGlite's own query() adds to an engine error, so logs and callers see the same error either way. */
function withQuery(error: unknown, text: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error instanceof Error && 'code' in error) Object.assign(error, { query: text, params, queryOptions: options });
  return error;
}

export function preparedStatements(client: PGlite, limit = PREPARED_STATEMENT_LIMIT): PreparedQuery {
  const { serialize } = protocol;
  // In least-recently-used order: a Map keeps insertion order, and a hit is moved to the end.
  const statements = new Map<string, Statement>();
  let named = 0;

  async function statementFor(text: string, options: QueryOptions | undefined, syncToFs: boolean): Promise<Statement> {
    const key = options?.paramTypes ? `${options.paramTypes.join(',')}\n${text}` : text;
    const known = statements.get(key);
    if (known) {
      statements.delete(key);
      statements.set(key, known);
      return known;
    }
    const messages: Uint8Array[] = [];
    if (statements.size >= limit) {
      const [oldestKey, oldest] = statements.entries().next().value as [string, Statement];
      statements.delete(oldestKey);
      messages.push(serialize.close({ type: 'S', name: oldest.name }));
    }
    named += 1;
    const name = `app_statement_${named}`;
    messages.push(serialize.parse({ name, text, types: options?.paramTypes }), serialize.describe({ type: 'S', name }), serialize.sync());
    const replies = await client.execProtocolStream(concat(messages), { syncToFs, onNotice: options?.onNotice });
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(replies) };
    statements.set(key, statement);
    return statement;
  }

  async function run<T>(text: string, params: unknown[], options: QueryOptions | undefined, syncToFs: boolean): Promise<Results<T>> {
    try {
      const statement = await statementFor(text, options, syncToFs);
      // As PGlite's query() serializes them: by the type PostgreSQL gave the parameter, else as text.
      const values = params.map((param, index) => {
        if (param === null || param === undefined) return null;
        const type = statement.paramTypes[index] ?? 0;
        const serializer = options?.serializers?.[type] ?? client.serializers[type];
        return serializer ? serializer(param) : String(param);
      });
      const replies = await client.execProtocolStream(
        concat([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
        { syncToFs, onNotice: options?.onNotice },
      );
      return parse.parseResults(replies, client.parsers, options)[0] as Results<T>;
    } catch (error) {
      throw withQuery(error, text, params, options);
    }
  }

  return (target, inTransaction, text, params, options) => {
    // What this path does not handle goes to PGlite as it came: no parameters, blobs (COPY ... '/dev/blob'),
    // a closed engine or transaction (whose own errors say so).
    if (!params?.length || options?.blob || client.closed || (inTransaction && (target as Transaction).closed)) {
      return target.query(text, params, options);
    }
    // The locks PGlite's query() takes: a transaction already holds the outer one, and a statement
    // outside any waits for transactions to end; the files are synced after a statement outside one.
    if (inTransaction) return client.runExclusive(() => run(text, params, options, false));
    return client._runExclusiveTransaction(() => client.runExclusive(() => run(text, params, options, true)));
  };
}
