import { describe, expect, it } from 'vitest';
import { integrationInputSchema, integrationSchema, type IntegrationValues } from '../../domain/integration';
import { planImport, planImportText, type ImportPlan } from './plan-import';
import { serializeCbExport, toCbExport, type BotToExport } from './to-cb';
import { toNativeExport } from './to-native';
import { storedFrom } from './testing/sample-exports';

function plan(file: unknown): ImportPlan {
  const result = typeof file === 'string' ? planImportText(file) : planImport(file);
  if (!result.ok) throw new Error(result.reason);
  expect(result.plan.problemCount, JSON.stringify(result.plan.integrations.map((item) => item.problems))).toBe(0);
  return result.plan;
}

/** Our chosen CB form of an Agent Escalation entry: no public export shows one (see README.md). */
const escalationEntry = {
  chatbotId: 'bd5ebca7-2456-4c70-bb87-ee3266946a21',
  id: '5c1d2e3f-0000-4000-8000-00000000abcd',
  name: 'TransferToBilling',
  agentSkillName: 'Billing',
  agentSkillId: '{$botContext.skillId}',
  agentId: '1234567890',
  messageToUser: 'Hold on while I connect you with an agent.',
  defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
  results: { type: 'TEXT', tile: { tileData: [{ buttons: [], quickReplyList: [] }] } },
  group: 'Responders',
  responseDataVariable: 'TransferToBilling',
  integrationType: 'LIVEPERSON_AGENT_ESCALATION',
  tangoContextEnabled: true,
};

const cbFile = {
  hash: '1',
  bot: { id: 'bd5ebca7-2456-4c70-bb87-ee3266946a21', name: 'Billing bot' },
  responder: [escalationEntry],
  conversationMessage: [],
};

describe('Agent Escalation mapping', () => {
  it('maps the chosen CB keys to the escalation fields', () => {
    expect(plan(cbFile).integrations[0]).toMatchObject({
      type: 'LIVEPERSON_AGENT_ESCALATION',
      keptKeys: ['chatbotId', 'id', 'defaultValues', 'results', 'group'],
      values: {
        type: 'LIVEPERSON_AGENT_ESCALATION',
        name: 'TransferToBilling',
        responseDataVariable: 'TransferToBilling',
        agentSkillName: 'Billing',
        agentSkillId: '{$botContext.skillId}',
        agentId: '1234567890',
        transferBotContext: true,
        messageToUser: 'Hold on while I connect you with an agent.',
        transformScript: '',
        customDataFields: [],
      },
    });
  });

  it('round-trips through a CB export key for key', () => {
    const text = serializeCbExport(cbFile);
    expect(serializeCbExport(toCbExport(storedFrom(plan(text))))).toBe(text);
  });

  it('round-trips through a native export, then a CB export', () => {
    const stored = storedFrom(plan(cbFile));
    const now = new Date(0).toISOString();
    const native = toNativeExport(
      { id: stored.id, name: stored.name, description: stored.description, createdAt: now, updatedAt: now, version: 2 },
      stored.extras,
      stored.integrations.map((item) => ({
        integration: integrationSchema.parse({ ...item.values, id: item.id, botId: stored.id, createdAt: now, updatedAt: now, version: 7 }),
        extras: item.extras,
      })),
    );
    const replanned = plan(JSON.stringify(native, null, 2));
    expect(replanned.integrations[0]).toMatchObject({ version: 7, values: stored.integrations[0]!.values });
    expect(serializeCbExport(toCbExport(storedFrom(replanned)))).toBe(serializeCbExport(cbFile));
  });

  it('keeps an escalation made in the panel through native and CB exports', () => {
    const values = integrationInputSchema.parse({
      type: 'LIVEPERSON_AGENT_ESCALATION',
      name: 'Escalate',
      agentSkillId: '3402109730',
      messageToUser: 'BLANK_MESSAGE',
      transferBotContext: true,
    });
    const bot: BotToExport = {
      id: 'c0c0c0c0-0000-4000-8000-000000000000',
      name: 'Panel',
      description: 'd',
      extras: null,
      integrations: [{ id: 'c0c0c0c0-0000-4000-8000-000000000001', values, extras: null }],
    };
    const [entry] = toCbExport(bot).responder as Record<string, unknown>[];
    expect(entry).toMatchObject({
      integrationType: 'LIVEPERSON_AGENT_ESCALATION',
      agentSkillId: '3402109730',
      messageToUser: 'BLANK_MESSAGE',
      tangoContextEnabled: true,
      agentId: '',
      agentSkillName: '',
    });
    expect(plan(toCbExport(bot)).integrations[0]!.values).toEqual(values);
  });
});

describe('types without a public export sample', () => {
  const made: IntegrationValues[] = [
    {
      type: 'EMAIL',
      name: 'Notify',
      to: 'ops@example.com, {$botContext.email}',
      subject: 'Order',
      body: '<b>{$botContext.orderId}</b>',
      html: true,
    },
    {
      type: 'FILE',
      name: 'Upload',
      method: 'PUT',
      url: 'https://files.example/{$botContext.id}',
      credentialId: 'cred-1',
      requestParameters: [{ key: 'a', value: 'b' }],
    },
    { type: 'FAAS', name: 'Lambda', functionId: 'fn-42', headers: [{ key: 'x', value: 'y' }], payload: '{"a":1}' },
    {
      type: 'KNOWLEDGE_AI',
      name: 'Faq',
      knowledgeBaseId: 'kb-1',
      mode: 'TEXT',
      threshold: 'VERY_GOOD',
      phrase: '{$query}',
      multipleResults: 3,
    },
  ].map((input) => integrationInputSchema.parse(input));

  it.each(made.map((values) => [values.type, values] as const))(
    '%s made in the panel imports back from its CB export with the same values',
    (_type, values) => {
      const bot: BotToExport = {
        id: 'd0d0d0d0-0000-4000-8000-000000000000',
        name: 'Panel',
        description: '',
        extras: null,
        integrations: [{ id: 'd0d0d0d0-0000-4000-8000-000000000001', values, extras: null }],
      };
      const exported = toCbExport(bot);
      expect((exported.responder as Record<string, unknown>[])[0]!.integrationType).toBe(values.type);
      const imported = storedFrom(plan(exported));
      expect(imported.integrations[0]!.values).toEqual(values);
      expect(serializeCbExport(toCbExport(imported))).toBe(serializeCbExport(exported));
    },
  );
});
