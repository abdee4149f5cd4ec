import { cpSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { isLockFile } from '../src/server/db/data-dir-lock';
import type { BenchDatabase } from './databases';
import { CONNECTIONS, integrationPath, load, type LoadResult } from './load';
import type { Figure } from './report';
import { seedApiBot, type SeededBot } from './seed';
import { cpuMicros, startServer, type RunningServer } from './server-process';
import { median } from './stats';

export interface AuthSettings {
  seconds: number;
  repetitions: number;
}

/** One repetition: the same GET with AUTH=none and signed in (AUTH=accounts, a session cookie), back to back. */
interface Pair {
  none: number;
  signedIn: number;
  failures: number;
}

interface AuthMeasurement {
  database: BenchDatabase;
  pairs: Pair[];
}

const ADMIN_TOKEN = 'bench-admin-token';
const PASSWORD = 'bench password 1';

/** CPU µs the server spent per answer while autocannon asked `path` for `seconds`. */
async function cpuPerAnswer(server: RunningServer, path: string, seconds: number, headers: Record<string, string>) {
  const before = cpuMicros(server.pid);
  const result: LoadResult = await load({ url: server.baseUrl + path, connections: CONNECTIONS, duration: seconds, timeout: 10, headers });
  const answers = result.ok + result.failures;
  return { cpu: (cpuMicros(server.pid) - before) / Math.max(1, answers), failures: result.failures };
}

/** A viewer added with the admin token, signed in: the cookie a browser would send. */
async function signedInViewer(server: RunningServer): Promise<string> {
  const added = await fetch(`${server.baseUrl}/api/people`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', name: 'Bench viewer', role: 'viewer', password: PASSWORD }),
  });
  if (added.status !== 201) throw new Error(`adding the bench viewer answered ${added.status}: ${await added.text()}`);
  // As the sign-in page sends it: Node's fetch adds Sec-Fetch-Mode, and with it the library wants an Origin.
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ email: 'bench@example.com', password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`signing the bench viewer in answered ${signIn.status}: ${await signIn.text()}`);
  return signIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * What people cost per request: the same GET of one integration on two servers of the same build and data,
 * one with AUTH=none and one with AUTH=accounts asked with a session cookie, in turns (alternating which
 * goes first) so that a busy moment of the machine lands on both sides of the ratio. The embedded database
 * opens in one process at a time: the signed-in server gets a copy of the seeded data dir.
 */
export async function measureAuth(database: BenchDatabase, settings: AuthSettings): Promise<AuthMeasurement> {
  const running: RunningServer[] = [];
  let copy: string | null = null;
  try {
    let none = await startServer(database.target);
    running.push(none);
    const bot: SeededBot = await seedApiBot(none.baseUrl, 20);
    let accountsTarget = database.target;
    if (database.target.kind === 'pglite') {
      await none.stop();
      running.pop();
      copy = `${database.target.dataDir}-accounts`;
      cpSync(database.target.dataDir ?? '', copy, { recursive: true, filter: (source) => !isLockFile(basename(source)) });
      accountsTarget = { kind: 'pglite', dataDir: copy };
      none = await startServer(database.target);
      running.push(none);
    }
    const accounts = await startServer(accountsTarget, { env: { AUTH: 'accounts', ADMIN_TOKEN } });
    running.push(accounts);
    const cookie = await signedInViewer(accounts);
    const path = integrationPath(bot.botId, bot.integrations[0]!.id);
    const check = await fetch(accounts.baseUrl + path, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`the signed-in GET answered ${check.status}`);

    // A first short round warms both (JIT, caches) and is not counted.
    await cpuPerAnswer(none, path, 1, {});
    await cpuPerAnswer(accounts, path, 1, { cookie });
    const pairs: Pair[] = [];
    for (let repetition = 0; repetition < settings.repetitions; repetition += 1) {
      const runNone = () => cpuPerAnswer(none, path, settings.seconds, {});
      const runSignedIn = () => cpuPerAnswer(accounts, path, settings.seconds, { cookie });
      let anonymous, signedIn;
      if (repetition % 2 === 0) {
        anonymous = await runNone();
        signedIn = await runSignedIn();
      } else {
        signedIn = await runSignedIn();
        anonymous = await runNone();
      }
      pairs.push({ none: anonymous.cpu, signedIn: signedIn.cpu, failures: anonymous.failures + signedIn.failures });
    }
    return { database, pairs };
  } finally {
    for (const server of running.reverse()) await server.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
}

/** Signed-in CPU per GET against AUTH=none's: the session lookup must stay cheap (cached per server). */
export function authFigures({ database, pairs }: AuthMeasurement): Figure[] {
  const ratios = pairs.map((pair) => pair.signedIn / pair.none);
  const failures = pairs.reduce((sum, pair) => sum + pair.failures, 0);
  return [
    {
      group: 'auth',
      name: `${database.label}: signed-in GET of one integration, CPU per request`,
      value: median(pairs.map((pair) => pair.signedIn)),
      unit: 'µs',
      reference: { label: 'AUTH=none', value: median(pairs.map((pair) => pair.none)) },
      ratio: median(ratios),
      goal: { on: 'ratio', op: '<=', limit: 1.1 },
      samples: pairs.map((pair) => pair.signedIn),
      note: `ratio: the median of ${pairs.length} alternating pairs' (${ratios.map((r) => r.toFixed(2)).join(', ')})${failures ? `, ${failures} failed answers` : ''}`,
    },
  ];
}
