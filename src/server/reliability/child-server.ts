import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../db/database';

export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface ChildServer {
  baseUrl: string;
  process: ChildProcess;
  /** What the server wrote to stderr, for failure messages. */
  stderr(): string;
  /** SIGKILL: no shutdown hook runs, exactly as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly shutdown. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** PostgreSQL needs SECRETS_KEY to start (credential secrets are sealed with it); a fixed one for test servers. */
const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/** The environment a test server runs with: quiet, production mode, no web app, on the given database and port. */
export function serverEnv(target: DatabaseTarget, port: number, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    ENABLE_TEST_API: '0',
    NODE_ENV: 'production',
    WEB_ROOT: '/nonexistent',
    ...(target.kind === 'postgres'
      ? { DATABASE_URL: target.url, SECRETS_KEY: TEST_SECRETS_KEY }
      : { DATA_DIR: target.dataDir ?? '', DATABASE_URL: '', SECRETS_KEY: '' }),
    ...env,
  };
}

/**
 * A server left on the port by an earlier run would answer the health checks in the child's place, and
 * the test would go on against another process and another database: refuse to start instead.
 */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`port ${port} is taken by another process (${error.code}): a server of an earlier run is still there?`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export interface FailedStart {
  code: number | null;
  stderr: string;
  /** Whether it answered on its port at any moment before it exited. */
  listened: boolean;
}

/** Starts the real server where it is expected to refuse to start, and waits for it to exit. */
export async function startChildServerExpectingExit(
  target: DatabaseTarget,
  port: number,
  env: Record<string, string> = {},
): Promise<FailedStart> {
  await assertPortFree(port);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: serverEnv(target, port, env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let listened = false;
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const probing = setInterval(() => {
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => (listened = true),
      () => undefined,
    );
  }, 100);
  await exited(child);
  clearTimeout(timer);
  clearInterval(probing);
  return { code: child.exitCode, stderr, listened };
}

/** A start that either ran (healthy on its port) or ended before it was healthy. */
type ChildStart = { server: ChildServer } | { exit: FailedStart };

/**
 * The real server (src/server/main.ts) in a process of its own on 127.0.0.1:port, started without knowing
 * whether it will run: the answer is the running server, or how it ended (for starts that race).
 * It runs once `until` answers 200: readiness by default, liveness for a server whose database is away.
 */
export async function launchChildServer(
  target: DatabaseTarget,
  port: number,
  env: Record<string, string> = {},
  until: '/api/health' | '/api/health/live' = '/api/health',
): Promise<ChildStart> {
  await assertPortFree(port);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: serverEnv(target, port, env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited(child);
      return { exit: { code: child.exitCode, stderr, listened: false } };
    }
    try {
      const response = await fetch(baseUrl + until);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server on port ${port} did not answer ${until} within 60 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    server: {
      baseUrl,
      process: child,
      stderr: () => stderr,
      async kill() {
        child.kill('SIGKILL');
        await exited(child);
      },
      async stop() {
        child.kill('SIGTERM');
        await exited(child);
      },
    },
  };
}

/** The real server in a process of its own, so a test can kill it as a crash would, then start another on the same data. */
export async function startChildServer(
  target: DatabaseTarget,
  port: number,
  env: Record<string, string> = {},
  until: '/api/health' | '/api/health/live' = '/api/health',
): Promise<ChildServer> {
  const started = await launchChildServer(target, port, env, until);
  if ('exit' in started) throw new Error(`the server exited with ${started.exit.code} before it was healthy:\n${started.exit.stderr}`);
  return started.server;
}
