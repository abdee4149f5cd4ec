import { describe, expect, it } from 'vitest';
import { integrationSchema } from '../../domain/integration';
import { nativeExportSchema } from '../../domain/cb-export';
import { planImport, planImportText, type ImportPlan } from './plan-import';
import { decodeBotExtras, decodeResponderExtras, encodeExtras } from './stored-extras';
import { serializeCbExport, toCbExport, type BotToExport } from './to-cb';
import { toNativeExport } from './to-native';
import { OWN_EXPORTS, OWN_STORE_LOCATOR, OWN_SUPPORT_DESK } from './testing/own-exports';
import { SAMPLE_EXPORT_FILES, hasRealExports, readSampleExport, storedFrom } from './testing/sample-exports';

function validPlan(text: string): ImportPlan {
  const result = planImportText(text);
  if (!result.ok) throw new Error(result.reason);
  expect(result.plan.problemCount, JSON.stringify(result.plan.integrations.map((item) => item.problems))).toBe(0);
  return result.plan;
}

/** Like PostgreSQL's jsonb: object keys come back sorted, shorter keys first. */
function throughJsonb<T>(value: T): T {
  const sortKeys = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sortKeys);
    if (typeof item !== 'object' || item === null) return item;
    const entries = Object.entries(item).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
  };
  return JSON.parse(JSON.stringify(sortKeys(value))) as T;
}

/** The bot as the database would give it back: extras through their jsonb column. */
function throughStorage(bot: BotToExport): BotToExport {
  return {
    ...bot,
    extras: decodeBotExtras(throughJsonb(encodeExtras(bot.extras))),
    integrations: bot.integrations.map((item) => ({ ...item, extras: decodeResponderExtras(throughJsonb(encodeExtras(item.extras))) })),
  };
}

describe.each(SAMPLE_EXPORT_FILES)('round trip of %s', (file) => {
  const text = readSampleExport(file);
  const original = JSON.parse(text) as { responder: Record<string, unknown>[] };

  it('gives back every responder entry key for key, in key order', () => {
    const exported = toCbExport(storedFrom(validPlan(text))) as typeof original;
    expect(exported.responder).toHaveLength(original.responder.length);
    exported.responder.forEach((entry, index) => {
      expect(entry).toEqual(original.responder[index]);
      // toEqual ignores key order; the serialized text does not.
      expect(JSON.stringify(entry)).toBe(JSON.stringify(original.responder[index]));
    });
  });

  it('gives back the whole file byte for byte', () => {
    expect(serializeCbExport(toCbExport(storedFrom(validPlan(text))))).toBe(text);
  });

  it('survives storage in jsonb columns, which reorder keys', () => {
    const stored = storedFrom(validPlan(text));
    expect(serializeCbExport(toCbExport(throughStorage(stored)))).toBe(text);
    // Without the JSON-text encoding, jsonb's key order would show in the file.
    const unencoded = { ...stored, extras: throughJsonb(stored.extras) };
    expect(serializeCbExport(toCbExport(unencoded))).not.toBe(text);
  });

  it('survives a native export and its import', () => {
    const stored = storedFrom(validPlan(text));
    const now = '2024-05-01T10:00:00.000Z';
    const native = toNativeExport(
      { id: stored.id, name: stored.name, description: stored.description, createdAt: now, updatedAt: now, version: 1 },
      stored.extras,
      stored.integrations.map((item, index) => ({
        integration: integrationSchema.parse({
          ...item.values,
          id: item.id,
          botId: stored.id,
          createdAt: now,
          updatedAt: now,
          version: index + 3,
        }),
        extras: item.extras,
      })),
    );
    const nativeText = JSON.stringify(native);
    expect(nativeExportSchema.safeParse(JSON.parse(nativeText)).success).toBe(true);
    const replanned = validPlan(nativeText);
    expect(replanned.format).toBe('native');
    expect(replanned.integrations.map((item) => item.version)).toEqual(stored.integrations.map((_, index) => index + 3));
    expect(serializeCbExport(toCbExport(storedFrom(replanned)))).toBe(text);
  });
});

describe.skipIf(!hasRealExports)('import of the real exports in ../shared/cb-exports', () => {
  it('maps each responder entry to the values the panel stores', () => {
    const values = Object.fromEntries(
      SAMPLE_EXPORT_FILES.filter((file) => !(file in OWN_EXPORTS)).map((file) => {
        const plan = validPlan(readSampleExport(file));
        return [file.split('__')[0], plan.integrations.map((item) => item.values)];
      }),
    );
    expect(values['get-bot-patterns']).toEqual([
      {
        type: 'API',
        name: 'jService',
        responseDataVariable: 'jService',
        method: 'GET',
        url: 'https://jservice.io/api/random',
        credentialId: '',
        headers: [],
        requestParameters: [],
        postBody: '',
        transformScript: '',
        customDataFields: [
          { key: 'answer', value: '{$.api_jService[0].answer}' },
          { key: 'question', value: '{$.api_jService[0].question}' },
          { key: 'category', value: '{$.api_jService[0].category.title}' },
        ],
      },
    ]);
    expect(values['gpt3-template']![0]).toMatchObject({
      name: 'GPT3',
      method: 'POST',
      url: 'https://api.openai.com/v1/engines/davinci/completions',
      headers: [
        { key: 'Accept', value: 'application/json' },
        { key: 'Content-Type', value: 'application/json' },
      ],
      postBody: expect.stringContaining('"prompt": "{$botContext.prompt}"'),
      transformScript: expect.stringContaining('botContext.setBotVariable("GPT3response", text, true, false);'),
      customDataFields: [],
    });
    // A bot variable inside the URL path is accepted: the runtime fills it before the call.
    expect(values['dynamic-buttons']![0]).toMatchObject({
      url: 'https://5fc54a0936bc790016344a09.mockapi.io/dynamic-button-demo/{$botContext.buttonCount}',
    });
    expect(values['api-results-text-only']![0]!.customDataFields).toHaveLength(8);
    expect(values['adding-a-top-level-key']![0]!.transformScript).toContain("setBotVariable('api_Locations', response, true, false)");
  });

  it('keeps the keys the model does not use with the bot and the integration', () => {
    const plan = validPlan(readSampleExport('gpt3-template__GPT3-Character-Template.json'));
    expect(plan.integrations[0]!.keptKeys).toEqual([
      'chatbotId',
      'id',
      'fileUrl',
      'defaultValues',
      'results',
      'group',
      'tangoContextEnabled',
    ]);
    expect(plan.integrations[0]!.extras!.unmapped.fileUrl).toBe('{{file_url}}');
    expect(plan.bot.values).toEqual({
      name: 'GPT3 Character Template',
      description: 'Hooks up CB to GPT-3 and has a fun example where the user can talk to a fictional or historical character.',
    });
    expect(plan.bot.keptKeys).toEqual(
      expect.arrayContaining(['hash', 'conversationMessage', 'groups', 'globalFunctions', 'bot.id', 'bot.botAttributes']),
    );
    expect(plan.bot.keptKeys).not.toContain('responder');
    expect(plan.bot.keptKeys).not.toContain('bot.name');
  });
});

describe("import of the project's own exports", () => {
  it('maps each responder entry to the values the panel stores', () => {
    expect(validPlan(OWN_EXPORTS[OWN_SUPPORT_DESK]!).integrations.map((item) => item.values)).toEqual([
      {
        type: 'API',
        name: 'OrderLookup',
        responseDataVariable: 'OrderLookup',
        method: 'GET',
        url: 'https://orders.example.com/api/orders/{$botContext.orderId}',
        credentialId: '',
        headers: [{ key: 'Accept', value: 'application/json' }],
        requestParameters: [],
        postBody: '',
        transformScript: '',
        customDataFields: [
          { key: 'status', value: '{$.api_OrderLookup.status}' },
          { key: 'eta', value: '{$.api_OrderLookup.delivery.eta}' },
        ],
      },
      expect.objectContaining({
        type: 'LIVEPERSON_AGENT_ESCALATION',
        name: 'TransferToBilling',
        agentSkillName: 'Billing',
        agentSkillId: '3402109730',
        transferBotContext: true,
        messageToUser: 'Hold on while I connect you with a billing specialist.',
      }),
    ]);
  });

  it('keeps the keys the model does not use with the bot and the integration', () => {
    const plan = validPlan(OWN_EXPORTS[OWN_STORE_LOCATOR]!);
    expect(plan.integrations[0]!.keptKeys).toEqual([
      'chatbotId',
      'id',
      'fileUrl',
      'defaultValues',
      'results',
      'group',
      'tangoContextEnabled',
    ]);
    expect(plan.integrations[0]!.extras!.unmapped.fileUrl).toBe('{{file_url}}');
    expect(plan.bot.values).toEqual({ name: 'Store Locator', description: '' });
    expect(plan.bot.keptKeys).toEqual(
      expect.arrayContaining(['hash', 'conversationMessage', 'groups', 'globalFunctions', 'bot.id', 'bot.language']),
    );
    expect(plan.bot.keptKeys).not.toContain('responder');
    expect(plan.bot.keptKeys).not.toContain('bot.name');
  });

  it('accepts the file already parsed, as the route receives it', () => {
    const text = OWN_EXPORTS[OWN_SUPPORT_DESK]!;
    const result = planImport(JSON.parse(text));
    expect(result.ok && serializeCbExport(toCbExport(storedFrom(result.plan)))).toBe(text);
  });
});
