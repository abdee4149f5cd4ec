import { describe, expect, it } from 'vitest';
import { integrationInputSchema, type IntegrationValues } from '../../domain/integration';
import { anIntegrationInput } from '../../domain/samples';
import { planImport, type ImportPlan } from './plan-import';
import { toCbExport, type BotToExport } from './to-cb';
import { OWN_EXPORTS, OWN_STORE_LOCATOR, OWN_SUPPORT_DESK } from './testing/own-exports';
import { storedFrom } from './testing/sample-exports';

type Entry = Record<string, unknown>;

const sample = (file: string) => JSON.parse(OWN_EXPORTS[file]!) as { bot: Entry; responder: Entry[] };
const orderLookup = () => sample(OWN_SUPPORT_DESK).responder[0]!;

function plan(file: unknown): ImportPlan {
  const result = planImport(file);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function importEntries(...responder: Entry[]): BotToExport {
  return storedFrom(plan({ bot: { id: 'cb-bot-id', name: 'Bot', status: 'NEW' }, responder }));
}

function exportedEntries(bot: BotToExport): Entry[] {
  return toCbExport(bot).responder as Entry[];
}

/** The bot with its first integration's values changed, as an edit in the panel would. */
function edited(bot: BotToExport, change: (values: IntegrationValues) => IntegrationValues): BotToExport {
  const [first, ...rest] = bot.integrations;
  return { ...bot, integrations: [{ ...first!, values: change(first!.values) }, ...rest] };
}

describe('export after edits in the panel', () => {
  it('writes an edited field in place and leaves every other key as imported', () => {
    const original = orderLookup();
    const bot = edited(importEntries(original), (values) => ({ ...values, url: 'https://jservice.example/api/clues' }));
    const [entry] = exportedEntries(bot);
    expect(Object.keys(entry!)).toEqual(Object.keys(original));
    expect(entry).toEqual({ ...original, webhook: 'https://jservice.example/api/clues' });
  });

  it('does not add absent keys while they hold the default, and adds them once they are filled in', () => {
    const { customDataFields: _absent, ...original } = sample(OWN_STORE_LOCATOR).responder[0]!;
    const bot = importEntries(original);
    expect(exportedEntries(bot)[0]).toEqual(original);

    const rows = [{ key: 'label', value: '{$.api_StoreLocator.stores[i].name}' }];
    const [entry] = exportedEntries(edited(bot, (values) => ({ ...values, customDataFields: rows })));
    expect(entry).toEqual({ ...original, customDataFields: rows });
    expect(Object.keys(entry!).at(-1)).toBe('customDataFields');
  });

  it('keeps an absent transform script absent, and writes a new one', () => {
    const original = orderLookup();
    expect(original).not.toHaveProperty('transformResultsScript');
    const script = 'botContext.printDebugMessage("ok");';
    const [entry] = exportedEntries(edited(importEntries(original), (values) => ({ ...values, transformScript: script })));
    expect(entry).toEqual({ ...original, transformResultsScript: script });
  });

  it('writes back forms the schema normalizes while the value is unchanged, and the new value after an edit', () => {
    const original = {
      ...orderLookup(),
      webhook: '  https://orders.example.com/api/orders/{$botContext.orderId} ',
      responseDataVariable: '',
    };
    const bot = importEntries(original);
    expect(bot.integrations[0]!.values).toMatchObject({
      url: 'https://orders.example.com/api/orders/{$botContext.orderId}',
      responseDataVariable: 'OrderLookup',
    });
    expect(JSON.stringify(exportedEntries(bot)[0])).toBe(JSON.stringify(original));

    const [entry] = exportedEntries(edited(bot, (values) => ({ ...values, url: 'https://x.example/', responseDataVariable: 'Quiz' })));
    expect(entry).toMatchObject({ webhook: 'https://x.example/', responseDataVariable: 'Quiz' });
  });

  it('writes the fields of the new type when an integration changes type, keeping the unmapped keys', () => {
    const original = orderLookup();
    const bot = edited(importEntries(original), (values) => ({
      type: 'LIVEPERSON_AGENT_ESCALATION',
      name: values.name,
      responseDataVariable: values.responseDataVariable,
      transformScript: '',
      customDataFields: [],
      agentSkillName: 'Trivia',
      agentSkillId: '3402109730',
      agentId: '',
      transferBotContext: true,
      messageToUser: 'BLANK_MESSAGE',
    }));
    const [entry] = exportedEntries(bot);
    expect(entry).not.toHaveProperty('webhook');
    expect(entry).not.toHaveProperty('method');
    expect(entry).toMatchObject({
      chatbotId: original.chatbotId,
      id: original.id,
      results: original.results,
      group: 'Responders',
      integrationType: 'LIVEPERSON_AGENT_ESCALATION',
      agentSkillId: '3402109730',
      messageToUser: 'BLANK_MESSAGE',
      // Kept as false with the API entry; the escalation maps it, so the model's value wins.
      tangoContextEnabled: true,
    });
  });

  it('puts integrations created in the panel after the imported ones, with the keys CB writes', () => {
    const imported = importEntries(orderLookup());
    const created = integrationInputSchema.parse(anIntegrationInput('API', { name: 'Weather', url: 'https://weather.example/today' }));
    const bot = {
      ...imported,
      integrations: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', values: created, extras: null }, ...imported.integrations],
    };
    const entries = exportedEntries(bot);
    expect(entries.map((entry) => entry.name)).toEqual(['OrderLookup', 'Weather']);
    expect(Object.keys(entries[1]!).slice(0, 4)).toEqual(['chatbotId', 'id', 'name', 'webhook']);
    expect(entries[1]).toMatchObject({
      chatbotId: 'cb-bot-id',
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      webhook: 'https://weather.example/today',
      integrationType: 'API',
      group: 'Responders',
      tangoContextEnabled: false,
    });
    expect(plan(toCbExport(bot)).integrations.map((item) => item.values)).toEqual([imported.integrations[0]!.values, created]);
  });

  it('exports a bot made in the panel as a CB file that imports back to the same values', () => {
    const bot: BotToExport = {
      id: 'b0b0b0b0-0000-4000-8000-000000000000',
      name: 'Panel bot',
      description: '',
      extras: null,
      integrations: [],
    };
    const file = toCbExport(bot);
    expect(Object.keys(file)).toEqual([
      'bot',
      'responder',
      'requiredContext',
      'conversationMessage',
      'menus',
      'groups',
      'platforms',
      'associatedDomains',
      'dialogTemplates',
    ]);
    expect(plan(file).bot.values).toEqual({ name: 'Panel bot', description: '' });
  });

  it('writes a renamed bot into the kept bot object, keeping an absent description absent', () => {
    const original = sample(OWN_STORE_LOCATOR);
    expect(original.bot).not.toHaveProperty('description');
    const bot = { ...storedFrom(plan(original)), name: 'Renamed' };
    expect(toCbExport(bot).bot).toEqual({ ...original.bot, name: 'Renamed' });
  });
});
