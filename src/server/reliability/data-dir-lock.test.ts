import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/data-dir-lock';
import { createTestDatabase, type TestDatabase } from '../testing/api-harness';
import {
  launchChildServer,
  projectRoot,
  serverEnv,
  startChildServer,
  startChildServerExpectingExit,
  type ChildServer,
  type FailedStart,
} from './child-server';
import { send } from './http';

// The embedded database only: PostgreSQL has its own server that serialises writers.
// Ports 4420-4429 and 4440-4449 are this file's (the other reliability tests use others in 4400-4499).

const refusalOf = (dataDir: string, pid: number) => `DATA_DIR ${dataDir} is in use by process ${pid} (since `;
const dataDirOf = (database: TestDatabase) => (database.target.kind === 'pglite' ? database.target.dataDir! : '');

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The state letter of /proc/<pid>/stat (Z: a zombie, dead but not reaped), or null once the pid is gone. */
function processState(pid: number): string | null {
  try {
    return /^\d+ \(.*\) (\w)/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Waits for the kernel to finish a killed process (its files, the lock among them, are closed by then). */
async function dead(pid: number): Promise<void> {
  while (processState(pid) !== null && processState(pid) !== 'Z') await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * The server as the child of a shell that never reaps it (`exec sleep`): killed, it stays a zombie whose
 * pid still answers kill(pid, 0), as under a busy parent or an init that does not reap. That is what made
 * a pid lock refuse the next start. With `ownGroup` the server leads a process group of its own (setsid),
 * as under a supervisor that kills the whole group.
 */
async function startUnderNonReapingParent(
  database: TestDatabase,
  port: number,
  ownGroup: boolean,
): Promise<{ serverPid: number; parent: ChildProcess }> {
  const server = `${ownGroup ? 'setsid ' : ''}'${process.execPath}' --import tsx src/server/main.ts`;
  const parent = spawn('sh', ['-c', `${server} & echo $!; exec sleep 600`], {
    cwd: projectRoot,
    env: serverEnv(database.target, port, {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const serverPid = Number((await createInterface({ input: parent.stdout! })[Symbol.asyncIterator]().next()).value);
  const deadline = Date.now() + 60_000;
  while (
    (await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false)) === false
  ) {
    if (Date.now() > deadline || processState(serverPid) === null) throw new Error(`the server on port ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { serverPid, parent };
}

/** Ends what startUnderNonReapingParent started, whatever a failed test left running. */
async function endNonReapingParent(parent: ChildProcess, serverPid: number): Promise<void> {
  for (const target of [-serverPid, serverPid, -parent.pid!]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Not a group, or gone already.
    }
  }
  await exited(parent);
}

describe('two servers on one DATA_DIR', () => {
  let database: TestDatabase;
  const servers: ChildServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database?.destroy();
  });

  it(
    'refuses the second with one line naming the process that holds it, leaves DATA_DIR as it was, and loses no acknowledged write',
    { timeout: 180_000 },
    async () => {
      const dataDir = dataDirOf(database);
      const first = await startChildServer(database.target, 4420);
      servers.push(first);
      expect(lstatSync(join(dataDir, LOCK_FILE)).isSocket()).toBe(true);
      const bot = await send(first.baseUrl, { method: 'POST', path: '/api/bots', json: { name: 'Locked Bot' } });
      expect(bot.status).toBe(201);

      const before = readdirSync(dataDir).sort();
      const second = await startChildServerExpectingExit(database.target, 4421);
      expect(second.listened).toBe(false);
      expect(second.code).toBe(1);
      const lines = second.stderr.trim().split('\n');
      expect(lines, second.stderr).toHaveLength(1);
      expect(lines[0]).toContain(refusalOf(dataDir, first.process.pid!));
      expect(readdirSync(dataDir).sort()).toEqual(before);

      // The first server kept the directory to itself: its writes are all there after an orderly restart.
      const after = await send(first.baseUrl, { method: 'POST', path: '/api/bots', json: { name: 'Second Bot' } });
      expect(after.status).toBe(201);
      await first.stop();
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      const third = await startChildServer(database.target, 4422);
      servers.push(third);
      const list = await send(third.baseUrl, { method: 'GET', path: '/api/bots' });
      expect(list.body.items.map((item: { name: string }) => item.name).sort()).toEqual(['Locked Bot', 'Second Bot']);
      await third.stop();
    },
  );

  it('starts at once after a server killed with SIGKILL and reaped', { timeout: 180_000 }, async () => {
    const killed = await startChildServer(database.target, 4423);
    servers.push(killed);
    await killed.kill();
    // The dead server's socket is still there: it is replaced, not trusted.
    expect(lstatSync(join(dataDirOf(database), LOCK_FILE)).isSocket()).toBe(true);
    const next = await startChildServer(database.target, 4424);
    servers.push(next);
    expect((await send(next.baseUrl, { method: 'GET', path: '/api/bots' })).status).toBe(200);
    await next.stop();
  });

  it.skipIf(process.platform !== 'linux').each([
    { what: 'the server process alone', ownGroup: false, port: 4425 },
    { what: 'the server’s whole process group', ownGroup: true, port: 4427 },
  ])(
    'starts at once after SIGKILL of $what, the dead server’s pid still taken by its unreaped zombie',
    { timeout: 180_000 },
    async ({ ownGroup, port }) => {
      const { serverPid, parent } = await startUnderNonReapingParent(database, port, ownGroup);
      try {
        process.kill(ownGroup ? -serverPid : serverPid, 'SIGKILL');
        await dead(serverPid);
        expect(processState(serverPid)).toBe('Z');
        const next = await startChildServer(database.target, port + 1);
        servers.push(next);
        expect((await send(next.baseUrl, { method: 'GET', path: '/api/bots' })).status).toBe(200);
        await next.stop();
      } finally {
        await endNonReapingParent(parent, serverPid);
      }
    },
  );

  it(
    'lets exactly one of two servers started at the same instant run, on a new directory and on a dead lock',
    { timeout: 240_000 },
    async () => {
      const fresh = await createTestDatabase('pglite');
      try {
        for (const round of ['a new directory', 'the lock of a killed server']) {
          const starts = await Promise.all([launchChildServer(fresh.target, 4440), launchChildServer(fresh.target, 4441)]);
          const running = starts.flatMap((start) => ('server' in start ? [start.server] : []));
          const refused = starts.flatMap((start) => ('exit' in start ? [start.exit] : []));
          servers.push(...running);
          expect(running, `${round}: ${refused.map((exit) => exit.stderr).join('\n')}`).toHaveLength(1);
          const [exit] = refused as [FailedStart];
          expect(exit.code).toBe(1);
          const lines = exit.stderr.trim().split('\n');
          expect(lines, exit.stderr).toHaveLength(1);
          expect(lines[0]).toContain(`DATA_DIR ${dataDirOf(fresh)} is in use by `);
          // The next round starts on the dead lock of this one.
          await running[0]!.kill();
        }
      } finally {
        await fresh.destroy();
      }
    },
  );
});

describe('a lock file left by the pid lock of an earlier version', () => {
  let database: TestDatabase;
  let sleeper: ChildProcess;
  afterAll(async () => {
    sleeper?.kill('SIGKILL');
    await database?.destroy();
  });

  it.each([
    { naming: 'process 1', content: () => ({ pid: 1, host: hostname(), since: new Date().toISOString() }) },
    { naming: 'a live unrelated process', content: () => ({ pid: sleeper.pid, host: hostname(), since: new Date().toISOString() }) },
    { naming: 'nothing readable', content: () => 'not json' },
  ])('does not block a start when it names $naming', { timeout: 120_000 }, async ({ content }) => {
    sleeper ??= spawn('sleep', ['600'], { stdio: 'ignore' });
    database ??= await createTestDatabase('pglite');
    const lockPath = join(dataDirOf(database), LOCK_FILE);
    const text = content();
    writeFileSync(lockPath, typeof text === 'string' ? text : `${JSON.stringify(text)}\n`);
    const server = await startChildServer(database.target, 4429);
    try {
      expect(lstatSync(lockPath).isSocket()).toBe(true);
      expect((await send(server.baseUrl, { method: 'GET', path: '/api/bots' })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('processes taking the lock at the same instant', () => {
  const ROUNDS = 12;
  const CONTENDERS = 3;

  const started: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of started) child.kill('SIGKILL');
    await Promise.all(started.map(exited));
  });

  function contender(dataDir: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/reliability/lock-contender.ts', dataDir], {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    started.push(child);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async () => String((await lines.next()).value);
    return { child, next };
  }

  it(
    'always leaves exactly one holder, on a new directory and then on each dead holder’s lock, and no stray file',
    { timeout: 240_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'lock-race-'));
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const contenders = Array.from({ length: CONTENDERS }, () => contender(dataDir));
          for (const one of contenders) expect(await one.next()).toBe('ready');
          const instant = `${Date.now() + 50}\n`;
          for (const one of contenders) one.child.stdin!.write(instant);
          const outcomes = await Promise.all(contenders.map((one) => one.next()));
          const holders = contenders.filter((_, index) => outcomes[index] === 'held');
          expect(holders, `round ${round}: ${outcomes.join(' | ')}`).toHaveLength(1);
          for (const outcome of outcomes.filter((line) => line !== 'held')) {
            expect(outcome).toContain(`refused ${refusalOf(dataDir, holders[0]!.child.pid!)}`);
          }
          // Every holder dies as in a crash: the next round starts on its dead lock.
          for (const one of contenders) one.child.kill('SIGKILL');
          await Promise.all(contenders.map((one) => exited(one.child)));
        }
        expect(readdirSync(dataDir)).toEqual([LOCK_FILE]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(process.platform !== 'linux')('works for a DATA_DIR longer than a socket path may be', { timeout: 60_000 }, async () => {
    const base = mkdtempSync(join(tmpdir(), 'lock-long-'));
    const dataDir = join(
      base,
      'a-directory-name-of-sixty-characters-to-pass-the-limit-aaaaa',
      'and-another-one-of-sixty-characters-to-pass-the-limit-bbbbbb',
    );
    mkdirSync(dataDir, { recursive: true });
    try {
      const [first, second] = [contender(dataDir), contender(dataDir)];
      expect(await first.next()).toBe('ready');
      first.child.stdin!.write(`${Date.now()}\n`);
      expect(await first.next()).toBe('held');
      expect(lstatSync(join(dataDir, LOCK_FILE)).isSocket()).toBe(true);
      expect(await second.next()).toBe('ready');
      second.child.stdin!.write(`${Date.now()}\n`);
      expect(await second.next()).toContain(`refused ${refusalOf(dataDir, first.child.pid!)}`);
      first.child.kill('SIGKILL');
      await exited(first.child);
      const third = contender(dataDir);
      expect(await third.next()).toBe('ready');
      third.child.stdin!.write(`${Date.now()}\n`);
      expect(await third.next()).toBe('held');
      third.child.kill('SIGKILL');
      await exited(third.child);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
