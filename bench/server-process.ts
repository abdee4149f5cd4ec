import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../src/server/db/database';
import { sleep } from './stats';

export const root = fileURLToPath(new URL('..', import.meta.url));

// The bench's own port range, clear of Vite's preview (4173) and the e2e servers (4301-4306); a port
// something else listens on is skipped, or the bench would wait for (and measure) that other server.
// BENCH_PORT_BASE moves the range, so two benches on one machine never race for the same free port.
const FIRST_PORT = Number(process.env.BENCH_PORT_BASE ?? 4400);
const LAST_PORT = FIRST_PORT + 99;
let nextPort = FIRST_PORT;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A fresh free port per server: a stopped server's sockets in TIME_WAIT never get in the way. */
async function takePort(): Promise<number> {
  for (let tries = 0; tries <= LAST_PORT - FIRST_PORT; tries += 1) {
    const port = nextPort;
    nextPort = nextPort === LAST_PORT ? FIRST_PORT : nextPort + 1;
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port from ${FIRST_PORT} to ${LAST_PORT}`);
}

export interface RunningServer {
  baseUrl: string;
  /** The pid of the Node process that serves (not the start script's). */
  pid: number;
  /** Milliseconds from spawning the command to the first healthy /api/health. */
  startMs: number;
  /** The last 2,000 characters the server wrote to stderr, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Kernels without the children file: scan every process's parent id.
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  }
}

/** User plus system CPU time of a process in µs, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * Waits until the process has used under a tenth of a core for a whole second (at most `timeoutMs`): a
 * server on a new embedded database stores its build's assets in the background after it answers, which
 * would land on whatever is measured first.
 */
export async function waitUntilIdle(pid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpuMicros(pid);
    await sleep(1_000);
    if (cpuMicros(pid) - before < 100_000) return;
  }
}

/** Resident memory of a process in MB (VmRSS), or NaN when it is gone. */
export function rssMegabytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitHealthy(baseUrl: string, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(20);
  }
  throw new Error(`the server was not healthy after ${timeoutMs} ms: ${stderr()}`);
}

/**
 * Starts the production server the way `npm start` does (scripts/start.mjs: the built app and the API,
 * one Node process), on 127.0.0.1 with the test API on, and waits for /api/health.
 */
export async function startServer(
  target: DatabaseTarget,
  options: { timeoutMs?: number; webRoot?: string; port?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ENABLE_TEST_API: '1',
    LOG_LEVEL: 'warn',
    WEB_ROOT: options.webRoot ?? join(root, 'dist'),
    ...options.env,
  };
  // PostgreSQL needs SECRETS_KEY to start; a fixed one does for a benchmark's throwaway database.
  if (target.kind === 'postgres') Object.assign(env, { DATABASE_URL: target.url, SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') });
  else if (target.dataDir) env.DATA_DIR = target.dataDir;
  else throw new Error('the bench needs an on-disk data dir for the embedded database');
  return startProcess(['scripts/start.mjs'], env, options.timeoutMs ?? 180_000, options.port);
}

/** Runs `node <args>` with PORT and HOST set, until its /api/health answers 200. */
export async function startProcess(
  args: string[],
  extraEnv: NodeJS.ProcessEnv,
  timeoutMs: number,
  fixedPort?: number,
): Promise<RunningServer> {
  const port = fixedPort ?? (await takePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'SECRETS_KEY', 'ADMIN_TOKEN', 'CORS_ORIGIN', 'NODE_ENV', 'WEB_ROOT']) delete env[name];
  Object.assign(env, extraEnv);

  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2_000);
  });
  const stop = async () => {
    // The start script forwards SIGTERM to the server, which closes the database cleanly.
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const pid of childrenOf(child.pid ?? -1)) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }, 15_000);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    await waitHealthy(baseUrl, child, () => errors, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = performance.now() - started;
  // The start script serves from a child; a script run directly serves itself.
  const pid = childrenOf(child.pid ?? -1)[0] ?? child.pid ?? -1;
  return { baseUrl, pid, startMs, stderr: () => errors, stop };
}

const compiledScripts = new Map<string, string>();

/**
 * The arguments that start a reference server from bench/ (`bare-server`, `minimal-server`) as plain
 * JavaScript, compiled once per run: the way `npm start` runs the app's own server, so a floor carries
 * no TypeScript loader the app lacks.
 */
export function referenceServerArgs(name: 'bare-server' | 'minimal-server'): string[] {
  let file = compiledScripts.get(name);
  if (!file) {
    // Under node_modules, so the compiled file still finds fastify and the drivers.
    file = join(root, 'node_modules', '.cache', 'integrations-panel-bench', `${name}.mjs`);
    buildSync({
      entryPoints: [join(root, 'bench', `${name}.ts`)],
      outfile: file,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    compiledScripts.set(name, file);
  }
  return [file];
}

/** Builds the web app and the server when missing or older than their sources, as `npm start` does. */
export function ensureBuilt(): void {
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (build.status !== 0) throw new Error(`the build failed (${build.status ?? build.signal})`);
}
