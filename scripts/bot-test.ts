// `npm run bot:test -- --url <server> --bot <botId|name> [--api-key <key>] [--junit <file>]`: runs a bot's
// test cases through the API (POST /api/bots/:botId/test-runs) and exits 1 when one fails or errs.
// `npm run bot:test -- --file <native export> [--junit <file>]`: the same on an embedded server of its own
// (a temporary data directory, removed after), which imports the file first: no server to manage in CI.
// Exit codes: 0 every test case passed, 1 one failed, 2 the run could not be made (the line says why).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TestRun } from '../src/domain/test-cases';

class UsageError extends Error {}

interface Api {
  url: string;
  apiKey?: string;
}

async function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: () => T }> {
  const headers: Record<string, string> = {};
  if (api.apiKey) headers.authorization = `Bearer ${api.apiKey}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, api.url), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as T };
}

function problem(what: string, answer: { status: number; text: string }): Error {
  let detail = answer.text.slice(0, 500);
  try {
    const parsed = JSON.parse(answer.text) as { detail?: string; title?: string };
    detail = parsed.detail ?? parsed.title ?? detail;
  } catch {
    // Not problem+json: the text as it came.
  }
  return new Error(`${what}: ${answer.status} ${detail}`);
}

/** A bot id as it is, or the one bot with that name (names are compared ignoring case). */
async function botIdOf(api: Api, bot: string): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bot)) return bot;
  const answer = await call<{ items: { id: string; name: string }[] }>(api, 'GET', `/api/bots?q=${encodeURIComponent(bot)}&limit=500`);
  if (answer.status !== 200) throw problem('Could not list the bots', answer);
  const named = answer.json().items.filter((item) => item.name.toLowerCase() === bot.toLowerCase());
  if (named.length === 0) throw new UsageError(`No bot is named "${bot}" on ${api.url}.`);
  if (named.length > 1) throw new UsageError(`${named.length} bots are named "${bot}": give the bot's id instead.`);
  return named[0]!.id;
}

async function runBot(api: Api, botId: string, junit: string | undefined): Promise<TestRun> {
  const answer = await call<TestRun>(api, 'POST', `/api/bots/${botId}/test-runs`, {});
  if (answer.status !== 201) throw problem('The test run could not be made', answer);
  const run = answer.json();
  if (junit) {
    const xml = await call(api, 'GET', `/api/bots/${botId}/test-runs/${run.id}?format=junit`);
    if (xml.status !== 200) throw problem('The JUnit report could not be read', xml);
    writeFileSync(junit, xml.text);
  }
  return run;
}

function report(run: TestRun): void {
  for (const result of run.results) {
    console.log(`${result.status === 'passed' ? 'ok  ' : result.status === 'failed' ? 'FAIL' : 'ERR '} ${result.name}`);
    for (const failure of result.failures) {
      console.log(`       ${failure.path}: expected ${JSON.stringify(failure.expected)}, got ${JSON.stringify(failure.actual)}`);
    }
  }
  console.log(`${run.passed} passed, ${run.failed} failed (run ${run.id})`);
}

/** An embedded server on a temporary data directory: imports the file, runs it, and is gone. */
async function runFile(file: string, junit: string | undefined): Promise<TestRun> {
  let exported: unknown;
  try {
    exported = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  // Imported here, not at the top: the --url mode needs none of the server's code.
  const [{ buildApp }, { openDatabase }, { createSecretBox }, { NO_LIVEPERSON_DIRECTORIES }] = await Promise.all([
    import('../src/server/app'),
    import('../src/server/db/database'),
    import('../src/server/credentials/secret-box'),
    import('../src/server/directories/liveperson-settings'),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-test-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const app = await buildApp(database, {
    enableTestApi: false,
    logLevel: 'warn',
    webRoot: '/nonexistent',
    corsOrigin: null,
    adminToken: null,
    livePersonDirectories: NO_LIVEPERSON_DIRECTORIES,
    secretBox: createSecretBox(randomBytes(32)),
  });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const api = { url };
    const imported = await call<{ bot: { id: string } }>(api, 'POST', '/api/bots/import', exported);
    if (imported.status !== 201) throw problem(`${file} could not be imported`, imported);
    return await runBot(api, imported.json().bot.id, junit);
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      bot: { type: 'string' },
      'api-key': { type: 'string' },
      junit: { type: 'string' },
      file: { type: 'string' },
    },
    strict: true,
  });
  const junit = values.junit ? resolve(values.junit) : undefined;
  let run: TestRun;
  if (values.file) {
    if (values.url || values.bot) throw new UsageError('Give either --file, or --url and --bot, not both.');
    run = await runFile(resolve(values.file), junit);
  } else {
    if (!values.url || !values.bot) throw new UsageError('Give --url <server> and --bot <botId|name>, or --file <native export>.');
    const api = { url: values.url, apiKey: values['api-key'] ?? process.env.BOT_TEST_API_KEY };
    run = await runBot(api, await botIdOf(api, values.bot), junit);
  }
  report(run);
  if (junit) console.log(`JUnit report: ${junit}`);
  return run.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof UsageError ? error.message : `bot:test: ${error.message}`);
    process.exit(2);
  },
);
