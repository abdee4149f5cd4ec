import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirProblem } from './data-dir-problem';

/** The file in DATA_DIR that says which process has the embedded database open. */
export const LOCK_FILE = 'server.lock';

export interface DataDirLock {
  path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

// Data dirs this process holds: a second open in the same process would corrupt the files just as a second process would.
const heldHere = new Set<string>();

function readHolder(path: string): Holder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host, since } = parsed as Record<string, unknown>;
    if (!Number.isInteger(pid) || typeof host !== 'string' || typeof since !== 'string') return null;
    return { pid: pid as number, host, since };
  } catch {
    // Unreadable or half-written (a crash while taking the lock): nobody can be shown to hold it.
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; only ESRCH proves it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the lock file, whole, only if none exists: written under a name of our own, then linked into place
 * (link fails if the name exists), so two starting servers cannot both win and nobody reads a half-written lock.
 */
function tryCreate(path: string, holder: Holder): boolean {
  const draft = `${path}.new-${process.pid}`;
  const fd = openSync(draft, 'w');
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Takes over a lock whose holder is gone. The stale file is first moved aside under a name of our own
 * (rename is atomic: of two servers taking over at once, one moves it); if what was moved is not the stale
 * lock we read (another server took it over in between), it is linked back and we report that server instead.
 */
function takeOver(path: string, stale: string): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone created a lock meanwhile: theirs stands.
    }
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return true;
}

function describe(holder: Holder): string {
  const where = holder.host === hostname() ? '' : ` on host ${holder.host}`;
  return `process ${holder.pid}${where} (since ${holder.since})`;
}

/**
 * Locks dataDir for this process, or throws a DataDirProblem that names the process holding it.
 * A lock left by a process that no longer runs (a crash, kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) {
    throw new DataDirProblem(`DATA_DIR ${dataDir} is already open in this process (pid ${process.pid}).`);
  }
  mkdirSync(dataDir, { recursive: true });
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, me)) {
      heldHere.add(path);
      return {
        path,
        release() {
          heldHere.delete(path);
          // Remove it only while it is still ours: never another server's lock.
          if (readHolder(path)?.pid === me.pid && readHolder(path)?.since === me.since) unlinkSync(path);
        },
      };
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const holder = readHolder(path);
    // On another host the pid means nothing here: the lock stands until removed by hand.
    const stale = holder !== null && holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
    const leftByThisPid = holder !== null && holder.host === hostname() && holder.pid === process.pid;
    if (holder !== null && !stale && !leftByThisPid) {
      throw new DataDirProblem(
        `DATA_DIR ${dataDir} is in use by ${describe(holder)}: stop that server or set another DATA_DIR ` +
          `(if no such server runs, delete ${path}).`,
      );
    }
    if (holder === null && text.trim() !== '') {
      throw new DataDirProblem(
        `DATA_DIR ${dataDir} has a lock file that cannot be read (${path}): delete it if no server uses this directory.`,
      );
    }
    takeOver(path, text);
  }
  throw new DataDirProblem(`DATA_DIR ${dataDir}: could not take the lock ${path}; another server keeps taking it.`);
}
