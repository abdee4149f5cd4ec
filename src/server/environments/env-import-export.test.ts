import { expect, it } from 'vitest';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

describeEachDatabase("a bot's environment through export and import on %s", (kind) => {
  const server = useTestServer(kind);

  /** The support desk export, pointing at an environment and using {$env.SKILL_ID} for its escalation skill. */
  function fileWithEnvironment(name: string): string {
    const file = JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as { bot: Record<string, unknown>; responder: Array<Record<string, unknown>> };
    file.bot.environmentName = name;
    const escalation = file.responder.find((entry) => entry.integrationType === 'LIVEPERSON_AGENT_ESCALATION')!;
    escalation.agentSkillId = '{$env.SKILL_ID}';
    return JSON.stringify(file, null, 2);
  }

  it('keeps {$env.X} text and the environment name: CB export → import → export gives the same file', async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    const production = await server.request('POST', '/api/environments', {
      body: { name: 'Production', variables: [{ name: 'SKILL_ID', value: '77' }] },
    });
    const text = fileWithEnvironment('Production');
    const imported = await server.request('POST', '/api/bots/import', { raw: text, headers: { 'content-type': 'application/json' } });
    expect(imported.status).toBe(201);
    expect(imported.body.bot.environmentId).toBe(production.body.id);
    // Matched by name, ignoring case.
    const lower = await server.request('POST', '/api/bots/import', {
      raw: fileWithEnvironment('production'),
      headers: { 'content-type': 'application/json' },
    });
    expect(lower.body.bot.environmentId).toBe(production.body.id);
    const escalation = imported.body.integrations.find((item: { type: string }) => item.type === 'LIVEPERSON_AGENT_ESCALATION');
    expect(escalation.agentSkillId).toBe('{$env.SKILL_ID}');
    const exported = await fetch(`${server.baseUrl}/api/bots/${imported.body.bot.id}/export?format=cb`);
    expect(await exported.text()).toBe(text);

    // The export says the environment the bot has now.
    await server.request('PATCH', `/api/bots/${imported.body.bot.id}`, { body: { environmentId: null }, headers: { 'if-match': '*' } });
    const without = JSON.parse(await (await fetch(`${server.baseUrl}/api/bots/${imported.body.bot.id}/export?format=cb`)).text());
    expect(without.bot).not.toHaveProperty('environmentName');
  });

  it('makes the named environment when the account lacks it, so the checks list what it misses', async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    const imported = await server.request('POST', '/api/bots/import', {
      raw: fileWithEnvironment('Staging'),
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.status).toBe(201);
    const environments = (await server.request('GET', '/api/environments')).body.items;
    expect(environments).toEqual([
      expect.objectContaining({ name: 'Staging', variables: [], usedBy: [{ id: imported.body.bot.id, name: imported.body.bot.name }] }),
    ]);
    const checks = (await server.request('GET', `/api/bots/${imported.body.bot.id}/checks`)).body.items;
    expect(checks).toContainEqual(
      expect.objectContaining({ id: 'env-variable-exists', status: 'fail', detail: expect.stringContaining('{$env.SKILL_ID}') }),
    );
  });

  it("writes a panel bot's environment in both formats, and a native import keeps it", async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    const environment = await server.request('POST', '/api/environments', { body: { name: 'Sandbox' } });
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Panel bot' } });
    await server.request('PATCH', `/api/bots/${bot.body.id}`, {
      body: { environmentId: environment.body.id },
      headers: { 'if-match': '*' },
    });
    const cb = JSON.parse(await (await fetch(`${server.baseUrl}/api/bots/${bot.body.id}/export?format=cb`)).text());
    expect(cb.bot.environmentName).toBe('Sandbox');
    const native = JSON.parse(await (await fetch(`${server.baseUrl}/api/bots/${bot.body.id}/export?format=native`)).text());
    expect(native.bot.environmentName).toBe('Sandbox');
    native.bot.name = 'Panel bot copy';
    const again = await server.request('POST', '/api/bots/import', { body: native });
    expect(again.status).toBe(201);
    expect(again.body.bot.environmentId).toBe(environment.body.id);
  });
});
