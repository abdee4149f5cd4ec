/**
 * One process per data directory, with a lock the operating system releases when its holder dies.
 *
 * The lock is a Unix domain socket, DATA_DIR/server.lock, that the holder listens on. The kernel stops
 * the listening the instant the holder ends, however it ends (SIGKILL, OOM, a whole container gone), so
 * nothing here trusts a process id: a process id is reused (containers start at 1 every time) and says
 * "alive" for a killed process its parent has not reaped yet. A starting process that can connect knows
 * the holder is alive, and the holder answers with its pid so the refusal can name it; a refused
 * connection means a dead holder's file (or an old pid lock file), which is moved away and replaced.
 *
 * Races, all decided by one atomic operation each:
 * - A socket is bound and listening under a draft name of its own first, and only then linked to
 *   server.lock (link fails if the name exists): nobody ever sees a server.lock that is bound but not yet
 *   listening, which would look dead.
 * - A dead lock is renamed aside (of two processes, one moves it) and the moved file is compared with the
 *   one found dead; if a live lock was moved instead (published between the look and the move) it is
 *   linked back. Two processes starting at one instant on a dead lock therefore end with exactly one
 *   holder. Only a third starter slipping into the microseconds between such a move and its undoing
 *   could still get in: that needs three starts within microseconds of each other.
 * - Within one process, a set of held directories refuses a second open.
 *
 * Socket paths are limited (108 bytes on Linux, 104 on macOS) and a longer one would be silently cut
 * by libuv. A longer DATA_DIR is reached through the directory's descriptor on Linux
 * (/proc/self/fd/<fd>/server.lock), so the socket still lives in DATA_DIR itself. Not a path under
 * os.tmpdir() or an abstract socket: those are private to a container (its /tmp, its network
 * namespace), while a lock in DATA_DIR is seen by every container that mounts the directory. On Windows
 * the lock is a named pipe, which the system removes with its last handle: no stale file exists there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, type Stats } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { DataDirProblem } from './data-dir-problem';

/** The socket in DATA_DIR that a running server listens on while it has the embedded database open. */
export const LOCK_FILE = 'server.lock';

/** The lock, its drafts and dead locks moved aside: never data, never copied with it. */
export function isLockFile(name: string): boolean {
  return name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.`);
}

export interface DataDirLock {
  path: string;
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  since: string;
}

type Answer = { state: 'live'; holder: Holder | null } | { state: 'dead' } | { state: 'gone' };

const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;
// A holder busy opening the database may answer late; connecting already proved it alive.
const ANSWER_TIMEOUT_MS = 5_000;
const ATTEMPTS = 20;

// Data dirs this process holds: a second open in the same process would corrupt the files just as a second process would.
const heldHere = new Set<string>();

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** How this process names sockets in one directory: their path, or the path through the directory's descriptor. */
interface SocketDir {
  address(name: string): string;
  close(): void;
}

function socketDir(dataDir: string): SocketDir {
  if (Buffer.byteLength(join(dataDir, `${LOCK_FILE}.0000000-00000000`)) <= MAX_SOCKET_PATH_BYTES) {
    return { address: (name) => join(dataDir, name), close: () => undefined };
  }
  if (process.platform !== 'linux') {
    throw new DataDirProblem(
      `DATA_DIR ${dataDir} is too long for its lock socket (at most ${MAX_SOCKET_PATH_BYTES - LOCK_FILE.length - 18} bytes here): use a shorter path.`,
    );
  }
  const fd = openSync(dataDir, 'r');
  return { address: (name) => `/proc/self/fd/${fd}/${name}`, close: () => closeSync(fd) };
}

function listen(address: string, holder: Holder): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${JSON.stringify(holder)}\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      // Errors of a connection already refused or ended: nothing to do, the lock stands.
      server.on('error', () => undefined);
      // The lock alone never keeps a process running.
      server.unref();
      resolve(server);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function parseHolder(text: string): Holder | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, since } = parsed as Record<string, unknown>;
    return Number.isInteger(pid) && typeof since === 'string' ? { pid: pid as number, since } : null;
  } catch {
    return null;
  }
}

/** Connects to the lock: a holder that accepts is alive, whatever it then answers. */
function ask(address: string, lockPath: string, dataDir: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(address);
    let connected = false;
    let text = '';
    const settle = (answer: Answer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ state: 'live', holder: null }), ANSWER_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 1024) settle({ state: 'live', holder: null });
    });
    socket.on('end', () => settle({ state: 'live', holder: parseHolder(text) }));
    socket.on('error', (error) => {
      if (connected) return settle({ state: 'live', holder: parseHolder(text) });
      clearTimeout(timer);
      // ECONNREFUSED: a socket nobody listens on any more, or a file that is no socket (an old pid lock).
      if (errorCode(error) === 'ECONNREFUSED') return resolve({ state: 'dead' });
      if (errorCode(error) === 'ENOENT') return resolve({ state: 'gone' });
      reject(
        new DataDirProblem(
          `DATA_DIR ${dataDir}: cannot tell whether a server holds its lock ${lockPath} (${errorCode(error) ?? error.message}): ` +
            'check the permissions of the directory and of that file.',
        ),
      );
    });
  });
}

const sameFile = (a: Stats, b: Stats) => a.ino === b.ino && a.dev === b.dev;

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Removes the dead lock `found`, and nothing else: a live lock published meanwhile is put back. */
function removeDeadLock(lockPath: string, found: Stats): void {
  const aside = `${lockPath}.dead-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    // Another starting process moved it first.
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if (!sameFile(lstatSync(aside), found)) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  unlinkSync(aside);
}

function refusal(dataDir: string, holder: Holder | null): DataDirProblem {
  const who = holder ? `process ${holder.pid} (since ${holder.since})` : 'a running server (it did not say its process id in time)';
  return new DataDirProblem(`DATA_DIR ${dataDir} is in use by ${who}: stop that server or set another DATA_DIR.`);
}

/** Locks dataDir for this process, or throws a DataDirProblem whose one line names the process holding it. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const key = realpathSync(dataDir);
  if (heldHere.has(key)) {
    throw new DataDirProblem(`DATA_DIR ${dataDir} is already open in this process (pid ${process.pid}).`);
  }
  if (process.platform === 'win32') return lockWithNamedPipe(dataDir, key);

  const lockPath = join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, since: new Date().toISOString() };
  const draftName = `${LOCK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const draftPath = join(dataDir, draftName);
  const dir = socketDir(dataDir);
  let server: Server | null = null;
  try {
    server = await listen(dir.address(draftName), me);
    const mine = lstatSync(draftPath);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        linkSync(draftPath, lockPath);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        const found = lstatOrNull(lockPath);
        if (!found) continue;
        if (found.isDirectory()) throw new DataDirProblem(`DATA_DIR ${dataDir}: ${lockPath} is a directory: remove it.`);
        const answer = await ask(dir.address(LOCK_FILE), lockPath, dataDir);
        if (answer.state === 'live') throw refusal(dataDir, answer.holder);
        if (answer.state === 'dead') removeDeadLock(lockPath, found);
        continue;
      }
      unlinkSync(draftPath);
      heldHere.add(key);
      return heldLock(lockPath, key, server, mine, dir);
    }
    throw new DataDirProblem(`DATA_DIR ${dataDir}: could not take the lock ${lockPath}; other processes keep taking it.`);
  } catch (error) {
    // Closing the listener removes the draft socket: a refused start leaves nothing behind.
    if (server) await closeServer(server);
    dir.close();
    throw error;
  }
}

function heldLock(lockPath: string, key: string, server: Server, mine: Stats, dir: SocketDir): DataDirLock {
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      // Unlinked while still listening: nobody replaces a live lock, so the name is still ours. Once
      // closed, a starting server may take the name, and then it is theirs.
      const current = lstatOrNull(lockPath);
      if (current && sameFile(current, mine)) unlinkSync(lockPath);
      await closeServer(server);
      dir.close();
      heldHere.delete(key);
    },
  };
}

/** Windows: a named pipe per directory, which the system removes with its holder; listening on it is the lock. */
async function lockWithNamedPipe(dataDir: string, key: string): Promise<DataDirLock> {
  const pipe = `\\\\.\\pipe\\integrations-panel-${createHash('sha256').update(key.toLowerCase()).digest('hex').slice(0, 32)}`;
  const me: Holder = { pid: process.pid, since: new Date().toISOString() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let server: Server;
    try {
      server = await listen(pipe, me);
    } catch (error) {
      if (errorCode(error) !== 'EADDRINUSE') throw error;
      const answer = await ask(pipe, pipe, dataDir);
      if (answer.state === 'live') throw refusal(dataDir, answer.holder);
      continue;
    }
    heldHere.add(key);
    return {
      path: pipe,
      async release() {
        await closeServer(server);
        heldHere.delete(key);
      },
    };
  }
  throw new DataDirProblem(`DATA_DIR ${dataDir}: could not take the lock ${pipe}; other processes keep taking it.`);
}
