import { existsSync, fsyncSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { PGlite, types, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { DataDirProblem } from './data-dir-problem';
import { preparedStatements } from './pglite-statements';
import { yieldIfDue } from '../event-loop-slices';

/**
 * Postgres's default 128 MB of shared buffers live in PGlite's WebAssembly memory and are all
 * touched over time: 16 MB holds this app's working set and keeps the resident size about 140 MB lower.
 * fdatasync() is a no-op in PGlite's Emscripten runtime while fsync() reaches the file system below,
 * so the WAL is flushed with fsync (the fsync/fdatasync difference is only the file's metadata).
 */
const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'wal_sync_method = fsync'];

/**
 * PGlite starts Postgres with -F (fsync off) and Emscripten's NODEFS has no fsync, so a commit was
 * acknowledged once written to the OS cache: a power loss or kernel crash could lose it or tear pages.
 * Without -F Postgres flushes the WAL at every commit and the data files at checkpoints.
 */
const DURABLE_START_PARAMS = PGlite.defaultStartParams.filter((param) => param !== '-F');

interface EmscriptenStream {
  nfd?: number;
}
interface NodeFsModule {
  NODEFS: { stream_ops: { fsync?: (stream: EmscriptenStream) => number } };
}

/** PGlite's NodeFS with fsync() passed through to the file's descriptor. */
class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    preRun.push((mod) => {
      // NODEFS nodes share this one stream_ops object, so adding fsync here reaches every open file.
      (mod as unknown as NodeFsModule).NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

/**
 * PGlite is 10 MB of WebAssembly. V8's optimizing tier recompiles its hot functions in the background,
 * which on this 2-core machine doubled the time to open the database and slowed queries while it ran
 * (measured: open 3.7 s -> 2.2 s, 9,000 queries 17 s -> 6 s, 250 MB -> 185 MB resident with Liftoff
 * only). Set before the module is compiled; it applies to the whole process (QuickJS too).
 */
function useBaselineWasmCompiler(): void {
  v8.setFlagsFromString('--liftoff-only');
}

type PgliteExtensions = PGliteOptions['extensions'];

/** The embedded engine as the server runs it (the bench's minimal reference server opens it the same way). */
export function createPgliteClient(dataDir: string | null, extensions?: PgliteExtensions): PGlite {
  useBaselineWasmCompiler();
  // A null data dir keeps the database in memory (tests that need no restart): nothing to make durable.
  if (!dataDir) return new PGlite({ postgresqlconf: PGLITE_SETTINGS, extensions });
  mkdirSync(dataDir, { recursive: true });
  // Never pass relaxedDurability: it answers before the files are written.
  return new PGlite({ fs: new SyncingNodeFS(dataDir), startParams: DURABLE_START_PARAMS, postgresqlconf: PGLITE_SETTINGS, extensions });
}

const WAL_SEGMENT_BYTES = 16 * 1024 * 1024;

/** The WAL segment that holds the last checkpoint's redo point, read from pg_control (ControlFileData layout). */
function redoSegmentName(control: Buffer): string | null {
  if (control.length < 56) return null;
  const redo = control.readBigUInt64LE(40);
  const timeline = control.readUInt32LE(48);
  const segment = redo / BigInt(WAL_SEGMENT_BYTES);
  const perId = 0x1_0000_0000n / BigInt(WAL_SEGMENT_BYTES);
  const hex = (value: bigint | number) => value.toString(16).toUpperCase().padStart(8, '0');
  return `${hex(timeline)}${hex(segment / perId)}${hex(segment % perId)}`;
}

/** What is missing from a data dir the engine could not start on, in words an operator can act on. */
function diagnoseDataDir(dataDir: string): string | null {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) return null;
  const controlPath = join(dataDir, 'global', 'pg_control');
  if (!existsSync(controlPath)) return `${controlPath} is missing`;
  const segment = redoSegmentName(readFileSync(controlPath));
  if (segment && !existsSync(join(dataDir, 'pg_wal', segment)))
    return `the write-ahead log segment ${join(dataDir, 'pg_wal', segment)} is missing`;
  return null;
}

const WHAT_TO_DO = 'stop, restore DATA_DIR from a backup, and run `npm run db:check` on it before starting';

/** One line for an engine that failed on a data dir: what is wrong and what to do. */
export function dataDirFailure(dataDir: string, error: unknown): DataDirProblem {
  const found = diagnoseDataDir(dataDir);
  const engineSaid = error instanceof Error ? error.message.split('\n')[0] : String(error);
  // Emscripten's "Aborted()" says nothing to an operator: the diagnosis replaces it when there is one.
  const what = found ?? (/Aborted\(\)/.test(engineSaid ?? '') ? 'the embedded PostgreSQL aborted while opening it' : engineSaid);
  return new DataDirProblem(`The database in DATA_DIR ${dataDir} is damaged: ${what}; ${WHAT_TO_DO}.`);
}

type QueryOptions = NonNullable<Parameters<PGlite['query']>[2]>;
type Parser = (text: string, typeId?: number) => unknown;

// The types whose text drizzle's PGlite session maps itself, so it asks PGlite to leave them as text
// (drizzle-orm/pglite/session.js): timestamp, timestamptz, interval, date, and the arrays of these and of numeric.
const TYPES_DRIZZLE_READS_AS_TEXT = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const asText: Parser = (text) => text;

function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

const parseBytea: Parser = (text) => Buffer.from(text.slice(2), 'hex');

/** `target` with some of its members replaced; the others are its own, bound to it. */
function overriding<T extends object>(target: T, own: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in own) return own[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/**
 * The client drizzle is given. drizzle passes those parsers with every query, and PGlite then copies
 * its whole table of about 320 parsers to merge them in, per query: 70-140 µs here, a tenth of a read's
 * cost. They are set once on the client instead, and queries go through without them (a query that
 * brings any other parser passes it on as it came). drizzle calls query() on the client and on the
 * transactions it opens; statements with parameters run as named prepared statements (pglite-statements.ts).
 */
export function withDrizzleParsers(client: PGlite): PGlite {
  for (const type of TYPES_DRIZZLE_READS_AS_TEXT) (client.parsers as Record<number, Parser>)[type] = asText;
  // PGlite turns bytea to and from hex one byte at a time in JavaScript (an array of a string per byte):
  // a 3 MB value (a stored web asset) held the event loop for about a second and churned the heap.
  // Node's own hex codec does the same in native code.
  (client.serializers as Record<number, (value: unknown) => string>)[types.BYTEA] = serializeBytea;
  (client.parsers as Record<number, Parser>)[types.BYTEA] = parseBytea;
  const setOnClient = new Set(TYPES_DRIZZLE_READS_AS_TEXT.map(String));
  const withoutSetParsers = (options: QueryOptions | undefined): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    for (const type in options.parsers) if (!setOnClient.has(type)) return options;
    return { ...options, parsers: undefined };
  };
  const prepared = preparedStatements(client);
  // PGlite answers on this thread, and an awaited answer continues in the same task: a request's queries,
  // one after the other, would hold the event loop until its last one. Each answer lets other work in
  // first once the slice is over (so a query's result must be bounded: read big sets a page at a time).
  const queryOf =
    (target: PGlite | Transaction, inTransaction: boolean): PGlite['query'] =>
    async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
      const result = await prepared<T>(target, inTransaction, text, params, withoutSetParsers(options));
      await yieldIfDue();
      return result;
    };
  return overriding(client, {
    query: queryOf(client, false),
    transaction: (work) => client.transaction((tx) => work(overriding(tx, { query: queryOf(tx, true) }))),
  });
}
