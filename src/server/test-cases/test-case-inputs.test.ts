import { beforeEach, expect, it } from 'vitest';
import { SECRET_MASK } from '../../domain/environments';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const SECRET = 'test-case-secret-91c2';
const SCRIPT = `var response = botContext.getBotVariable('api_Pages');
var headers = response.headers || {};
botContext.setBotVariable('page', headers['x-page'] || 'none', true, false);
botContext.setBotVariable('region', botContext.getEnvVariable('region'), true, false);
botContext.setBotVariable('token', botContext.getEnvVariable('TOKEN'), true, false);`;

describeEachDatabase('what a test run reads: sample headers and the environment (%s)', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  let casesPath: string;
  let environmentId: string;

  beforeEach(async () => {
    botId = await freshBot(server);
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('API', { name: 'Pages', transformScript: SCRIPT }),
    });
    expect(created.status).toBe(201);
    casesPath = `/api/bots/${botId}/integrations/${created.body.id}/test-cases`;
    const environment = await server.request('POST', '/api/environments', {
      body: {
        name: `Cases ${kind} ${Date.now()} ${Math.random()}`,
        variables: [
          { name: 'region', value: 'US' },
          { name: 'TOKEN', value: SECRET, secret: true },
        ],
      },
    });
    expect(environment.status).toBe(201);
    environmentId = environment.body.id;
  });

  const run = async (testCase: Record<string, unknown>) => {
    const created = await server.request('POST', casesPath, { body: { name: 'inputs', sample: { status: 200, body: '{}' }, ...testCase } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const answered = await server.request('POST', `/api/bots/${botId}/test-runs`, { body: { testCaseIds: [created.body.id] } });
    expect(answered.status).toBe(201);
    return answered.body.results[0];
  };

  it("hands the sample's headers to the transform script on api_<variable>.headers", async () => {
    const withHeaders = await run({
      sample: { status: 200, body: '{}', headers: { 'x-page': '2' } },
      environmentId: null,
      expect: { error: null, botVariables: { page: '2' } },
    });
    expect(withHeaders).toMatchObject({ status: 'passed', failures: [] });
    const without = await run({ environmentId: null, expect: { botVariables: { page: '2' } } });
    expect(without).toMatchObject({ status: 'failed', failures: [{ path: 'botVariables.page', expected: '2', actual: 'none' }] });
  });

  it("runs with the test case's environment (the bot's when it names none), its own variables over it, secrets masked", async () => {
    const picked = await run({ environmentId, expect: { botVariables: { region: 'US', token: SECRET_MASK } } });
    expect(picked).toMatchObject({ status: 'passed' });
    const own = await run({ environmentId, envVariables: { region: 'EU' }, expect: { botVariables: { region: 'EU' } } });
    expect(own).toMatchObject({ status: 'passed' });
    const none = await run({ environmentId: null, expect: { botVariables: { region: 'US' } } });
    expect(none).toMatchObject({ status: 'failed', failures: [{ path: 'botVariables.region', expected: 'US', actual: null }] });
    // The secret never shows in a failure.
    const wrong = await run({ environmentId, expect: { botVariables: { token: 'guess' } } });
    expect(wrong.failures).toEqual([{ path: 'botVariables.token', expected: 'guess', actual: SECRET_MASK }]);
    expect(JSON.stringify(wrong)).not.toContain(SECRET);

    const bot = await server.request('GET', `/api/bots/${botId}`);
    await server.request('PATCH', `/api/bots/${botId}`, { body: { environmentId }, headers: { 'if-match': `"${bot.body.version}"` } });
    expect(await run({ expect: { botVariables: { region: 'US' } } })).toMatchObject({ status: 'passed' });

    const gone = await run({ environmentId: '00000000-0000-4000-8000-000000000000', expect: {} });
    expect(gone.status).toBe('error');
    expect(gone.failures[0].actual).toContain('00000000-0000-4000-8000-000000000000');
  });
});
