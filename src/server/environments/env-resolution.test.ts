import { beforeEach, expect, it } from 'vitest';
import { SECRET_MASK } from '../../domain/environments';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const SECRET = 'env-run-secret-2b8d4e';

describeEachDatabase('{$env.NAME} in runs and checks on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  let sandboxId: string;
  let productionId: string;

  beforeEach(async () => {
    botId = await freshBot(server, 'Dev bot');
    sandboxId = (
      await server.request('POST', '/api/environments', {
        body: {
          name: 'Sandbox',
          variables: [
            { name: 'SKILL_ID', value: '111' },
            { name: 'TOKEN', value: SECRET, secret: true },
          ],
        },
      })
    ).body.id;
    productionId = (
      await server.request('POST', '/api/environments', { body: { name: 'Production', variables: [{ name: 'SKILL_ID', value: '999' }] } })
    ).body.id;
    await server.request('PATCH', `/api/bots/${botId}`, { body: { environmentId: sandboxId }, headers: { 'if-match': '"1"' } });
  });

  const script = [
    "var skill = botContext.getEnvVariable('SKILL_ID');",
    "var token = botContext.getEnvVariable('TOKEN');",
    "botContext.printDebugMessage('skill ' + skill + ' token ' + token);",
    "botContext.setBotVariable('seen', token !== null && token.length === " + SECRET.length + " ? 'token read' : 'no token', true, false);",
  ].join('\n');

  const run = (extra: Record<string, unknown> = {}) =>
    server.request('POST', `/api/bots/${botId}/simulate`, {
      body: {
        integration: anIntegrationInput('API', {
          transformScript: script,
          customDataFields: [
            { key: 'skill', value: '{$env.SKILL_ID}' },
            { key: 'token', value: '{$env.TOKEN}' },
          ],
        }),
        sample: { status: 200, body: '{}' },
        ...extra,
      },
    });

  it("runs with the bot's environment: the script reads the secret, what it prints of it is masked", async () => {
    const answer = await run();
    expect(answer.status).toBe(200);
    expect(answer.body.error).toBeNull();
    expect(answer.body.debugLog).toEqual([`skill 111 token ${SECRET_MASK}`]);
    expect(answer.body.botVariables).toContainEqual({ key: 'seen', value: 'token read' });
    expect(answer.body.customDataFields.map((field: { value: unknown }) => field.value)).toEqual(['111', SECRET_MASK]);
    expect(JSON.stringify(answer.body)).not.toContain(SECRET);
  });

  it('runs with another environment when asked, or none, and rows given win', async () => {
    const production = await run({ environmentId: productionId });
    expect(production.body.debugLog[0]).toBe('skill 999 token null');
    const none = await run({ environmentId: null });
    expect(none.body.debugLog[0]).toBe('skill null token null');
    const given = await run({ envVariables: [{ key: 'SKILL_ID', value: '42' }] });
    expect(given.body.debugLog[0]).toBe(`skill 42 token ${SECRET_MASK}`);
    const unknown = await run({ environmentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
  });

  it('runs a saved integration with the environment too', async () => {
    const saved = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('API', { transformScript: script }),
    });
    const answer = await server.request('POST', `/api/bots/${botId}/integrations/${saved.body.id}/simulate`, {
      body: { sample: { status: 200, body: '{}' } },
    });
    expect(answer.body.debugLog).toEqual([`skill 111 token ${SECRET_MASK}`]);
  });

  it('checks env-variable-exists: each reference the environment lacks fails', async () => {
    const escalation = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', {
        name: 'ToAgents',
        agentSkillId: '{$env.SKILL_ID}',
        messageToUser: 'Connecting you {$env.GREETING} {$env.QUEUE}',
      }),
    });
    expect(escalation.status).toBe(201);
    const checks = (await server.request('GET', `/api/bots/${botId}/checks`)).body.items.filter(
      (check: { id: string }) => check.id === 'env-variable-exists',
    );
    expect(checks).toEqual([
      expect.objectContaining({
        status: 'fail',
        integrationId: escalation.body.id,
        detail: expect.stringContaining('{$env.GREETING} (messageToUser)'),
      }),
      expect.objectContaining({ status: 'fail', detail: expect.stringContaining('{$env.QUEUE}') }),
    ]);
    await server.request('PATCH', `/api/environments/${sandboxId}`, {
      body: {
        variables: [
          { name: 'SKILL_ID', value: '111' },
          { name: 'GREETING', value: 'now' },
          { name: 'QUEUE', value: 'billing' },
        ],
      },
      headers: { 'if-match': '*' },
    });
    const passing = (await server.request('GET', `/api/bots/${botId}/checks`)).body.items.filter(
      (check: { id: string }) => check.id === 'env-variable-exists',
    );
    expect(passing).toEqual([expect.objectContaining({ status: 'pass' })]);
  });
});
