import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { useTestServer } from '../testing/api-harness';

const CLI = join(process.cwd(), 'scripts', 'bot-test.ts');
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function botTest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

describe('npm run bot:test', () => {
  const server = useTestServer('pglite', { adminToken: 'cli-secret-token-0123456789' });
  const auth = { authorization: 'Bearer cli-secret-token-0123456789' };
  let dir: string;
  let passing: Record<string, unknown>;
  let failing: Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bot-test-cli-'));
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' }, headers: auth });
    const bot = await server.request('POST', '/api/bots', { body: { name: 'CLI Bot' }, headers: auth });
    const integration = await server.request('POST', `/api/bots/${bot.body.id}/integrations`, {
      headers: auth,
      body: anIntegrationInput('API', {
        name: 'Greeting',
        transformScript:
          "botContext.setBotVariable('greeting', 'Hello ' + JSON.parse(botContext.getBotVariable('api_Greeting').jsonData).api_Greeting.name, true, false);",
      }),
    });
    const created = await server.request('POST', `/api/bots/${bot.body.id}/integrations/${integration.body.id}/test-cases`, {
      headers: auth,
      body: {
        name: 'greets Ada',
        sample: { status: 200, body: '{"name":"Ada"}' },
        expect: { error: null, botVariables: { greeting: 'Hello Ada' } },
      },
    });
    expect(created.status).toBe(201);
    passing = (await server.request('GET', `/api/bots/${bot.body.id}/export?format=native`, { headers: auth })).body;
    failing = structuredClone(passing);
    const entry = (failing.integrations as { testCases: { expect: { botVariables: Record<string, string> } }[] }[])[0]!;
    entry.testCases[0]!.expect.botVariables.greeting = 'Hello Bob';
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--file: exits 0 when every test case passes, and writes the JUnit file', async () => {
    const file = join(dir, 'passing.json');
    writeFileSync(file, JSON.stringify(passing));
    const junit = join(dir, 'passing.xml');
    const result = await botTest(['--file', file, '--junit', junit]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 passed, 0 failed');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
    expect(xml.testsuites.testsuite).toMatchObject({ name: 'CLI Bot', tests: '1', failures: '0' });
    expect(xml.testsuites.testsuite.testcase).toMatchObject({ name: 'greets Ada' });
  }, 120_000);

  it('--file: exits 1 when a test case fails, with the failure in the JUnit file', async () => {
    const file = join(dir, 'failing.json');
    writeFileSync(file, JSON.stringify(failing));
    const junit = join(dir, 'failing.xml');
    const result = await botTest(['--file', file, '--junit', junit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL greets Ada');
    expect(result.stdout).toContain('botVariables.greeting: expected "Hello Bob", got "Hello Ada"');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
    expect(xml.testsuites.testsuite).toMatchObject({ tests: '1', failures: '1' });
    expect(xml.testsuites.testsuite.testcase.failure.message).toContain('Hello Bob');
  }, 120_000);

  it('--url and --bot by name, with --api-key, against a running server', async () => {
    const junit = join(dir, 'url.xml');
    const ok = await botTest(['--url', server.baseUrl, '--bot', 'cli bot', '--api-key', 'cli-secret-token-0123456789', '--junit', junit]);
    expect(ok.code).toBe(0);
    expect(existsSync(junit)).toBe(true);
    const refused = await botTest(['--url', server.baseUrl, '--bot', 'CLI Bot']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('401');
    const usage = await botTest(['--url', server.baseUrl]);
    expect(usage.code).toBe(2);
  }, 120_000);
});
