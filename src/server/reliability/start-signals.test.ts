import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './child-server';

// Port 4480 is this file's (the other reliability tests use others in 4400-4499).
const PORT = 4480;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const answers = () =>
  fetch(`http://127.0.0.1:${PORT}/api/health/live`).then(
    (response) => response.ok,
    () => false,
  );

/** Whether any process is left in the process group. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A copy of the project as `npm start` sees it, with a web app already built (a stand-in page: the
 * test is about processes, and building the real one takes minutes) and the server left for start.mjs
 * to build, as on a first start: package.json and the start scripts copied, sources and dependencies linked.
 */
function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'start-signals-'));
  mkdirSync(join(root, 'scripts'));
  for (const file of ['package.json', 'scripts/start.mjs', 'scripts/build-server.mjs'])
    copyFileSync(join(projectRoot, file), join(root, file));
  for (const linked of ['src', 'node_modules']) symlinkSync(join(projectRoot, linked), join(root, linked));
  mkdirSync(join(root, 'dist'));
  // Written after package.json, so start.mjs finds the web app up to date and builds only the server.
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>Integrations Panel</title>\n');
  return root;
}

describe('npm start as a container’s entry process', () => {
  let root: string | null = null;
  let npm: ChildProcess | null = null;
  afterAll(async () => {
    if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
    if (npm) await exited(npm);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('passes SIGTERM sent to npm alone on to the server, which drains, exits and closes its port', { timeout: 240_000 }, async () => {
    root = projectCopy();
    // Its own process group, as an entry process is: the signal goes to npm's pid only, never the group.
    npm = spawn('npm', ['start'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: join(root, 'data'), SEED_DEMO: '0', LOG_LEVEL: 'warn' },
    });
    let output = '';
    for (const stream of [npm.stdout!, npm.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 180_000;
    while (!(await answers())) {
      if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not serve:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    process.kill(npm.pid!, 'SIGTERM');
    await exited(npm);
    // The server's orderly exit (0) comes back through start.mjs to npm.
    expect(npm.exitCode, output).toBe(0);
    expect(await answers()).toBe(false);
    expect(groupAlive(npm.pid!), 'a process of npm start outlived it').toBe(false);
  });
});
