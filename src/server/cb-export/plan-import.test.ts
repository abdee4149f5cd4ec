import { describe, expect, it } from 'vitest';
import { planImport, planImportText, type ImportPlan, type PlanResult } from './plan-import';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from './testing/own-exports';

type Entry = Record<string, unknown>;

const orderLookup = () => (JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as { responder: Entry[] }).responder[0]!;
const cbFile = (...responder: Entry[]) => ({ bot: { id: 'cb-bot', name: 'Quiz bot' }, responder });

function planOf(result: PlanResult): ImportPlan {
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function reasonOf(result: PlanResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

describe('files that are not an export', () => {
  it('says when the file is not JSON', () => {
    expect(reasonOf(planImportText('{"bot": ')).reason).toMatch(/^The file is not JSON: .+\.$/);
    expect(reasonOf(planImportText('')).reason).toMatch(/^The file is not JSON/);
  });

  it.each([
    [[1, 2], 'got an array'],
    ['"text"', 'got a string'],
    [null, 'got null'],
    [{ name: 'bot' }, 'got an object without "bot" and "responder"'],
  ])('says what JSON that is no export is: %j', (file, detail) => {
    const { reason } = reasonOf(typeof file === 'string' ? planImportText(file) : planImport(file));
    expect(reason).toContain('not a bot export');
    expect(reason).toContain('"bot" and "responder"');
    expect(reason).toContain(detail);
  });

  it('names the part of a CB export that is missing or wrong', () => {
    const noResponder = reasonOf(planImport({ bot: { name: 'B' }, conversationMessage: [] }));
    expect(noResponder.reason).toBe('The file is not a complete Conversation Builder bot export.');
    expect(noResponder.errors).toEqual({ responder: 'responder must be an array of integration objects.' });

    expect(reasonOf(planImport({ bot: 'B', responder: [] })).errors).toEqual({
      bot: 'bot must be an object: the exported bot with its name.',
    });
    expect(reasonOf(planImport({ bot: {}, responder: [] })).errors).toEqual({
      'bot.name': 'bot.name must be a string: the name of the bot.',
    });
    expect(reasonOf(planImport({ bot: { name: 'B' }, responder: [orderLookup(), 'x'] })).errors).toHaveProperty(['responder.1']);
  });

  it('refuses other formats and other versions of the native format', () => {
    expect(reasonOf(planImport({ format: 'botpress', bot: {} })).reason).toContain('"format": "botpress"');
    const { reason, errors } = reasonOf(
      planImport({ format: 'integrations-panel', formatVersion: 2, bot: { name: 'B', description: '' }, integrations: [], extras: null }),
    );
    expect(reason).toContain('Integrations Panel export');
    expect(errors).toEqual({ formatVersion: 'formatVersion must be 1: this file was written by another version of the panel.' });
  });
});

describe('the dry-run plan', () => {
  it('lists each integration with its new values, its kept keys and no problems', () => {
    const plan = planOf(planImport(cbFile(orderLookup())));
    expect(plan).toMatchObject({
      format: 'cb',
      valid: true,
      problemCount: 0,
      bot: { values: { name: 'Quiz bot', description: '' }, problems: [] },
    });
    expect(plan.integrations).toEqual([
      expect.objectContaining({
        index: 0,
        sourceName: 'OrderLookup',
        type: 'API',
        problems: [],
        keptKeys: ['chatbotId', 'id', 'defaultValues', 'results', 'group', 'tangoContextEnabled'],
        values: expect.objectContaining({
          name: 'OrderLookup',
          url: 'https://orders.example.com/api/orders/{$botContext.orderId}',
          method: 'GET',
        }),
      }),
    ]);
  });

  it('reports every problem of an entry by name, model field and file field, with the schema messages', () => {
    const broken = {
      ...orderLookup(),
      name: 'Get Quiz',
      webhook: 'ftp://jservice.io/api/random',
      method: 'FETCH',
      headers: null,
      customDataFields: [{ key: 'answer', value: '' }],
      transformResultsScript: 'var x = ;',
    };
    const plan = planOf(planImport(cbFile(orderLookup(), broken)));
    expect(plan.valid).toBe(false);
    expect(plan.integrations[0]!.problems).toEqual([]);
    const item = plan.integrations[1]!;
    expect(item).toMatchObject({ sourceName: 'Get Quiz', type: 'API', values: null });
    const byPath = Object.fromEntries(item.problems.map((problem) => [problem.path, problem]));
    expect(Object.keys(byPath).sort()).toEqual(['customDataFields.0.value', 'headers', 'method', 'name', 'transformScript', 'url']);
    expect(byPath.url).toEqual({ path: 'url', sourcePath: 'responder.1.webhook', message: expect.stringContaining('http or https') });
    expect(byPath.transformScript).toMatchObject({
      sourcePath: 'responder.1.transformResultsScript',
      message: expect.stringMatching(/line 1, column 9/),
    });
    expect(byPath['customDataFields.0.value']).toMatchObject({
      sourcePath: 'responder.1.customDataFields.0.value',
      message: expect.stringContaining('Value is required'),
    });
    expect(byPath.name!.message).toContain('must start with a letter and contain only letters, digits and underscores');
    expect(byPath.method!.message).toBe('Method must be one of GET, POST, PUT, PATCH or DELETE.');
    expect(plan.problemCount).toBe(6);
  });

  it('names an unknown or missing integration type', () => {
    const plan = planOf(planImport(cbFile({ ...orderLookup(), integrationType: 'KNOWLEDGE_BASE' }, { name: 'Bare' })));
    for (const item of plan.integrations) {
      expect(item.type).toBeNull();
      expect(item.problems).toContainEqual({
        path: 'type',
        sourcePath: `responder.${item.index}.integrationType`,
        message: expect.stringContaining('Integration Type must be one of API, EMAIL'),
      });
    }
  });

  it('reports names (ignoring case) and response data variables used twice in the file', () => {
    const plan = planOf(
      planImport(
        cbFile(
          orderLookup(),
          { ...orderLookup(), name: 'ORDERLOOKUP', responseDataVariable: 'Other' },
          { ...orderLookup(), name: 'Second' },
        ),
      ),
    );
    expect(plan.integrations[0]!.problems).toEqual([]);
    expect(plan.integrations[1]!.problems).toEqual([
      {
        path: 'name',
        sourcePath: 'responder.1.name',
        message:
          'Integration Name "ORDERLOOKUP" is also used by "OrderLookup" (entry 1) in this file; names must be unique in a bot, ignoring case.',
      },
    ]);
    expect(plan.integrations[2]!.problems).toEqual([
      {
        path: 'responseDataVariable',
        sourcePath: 'responder.2.responseDataVariable',
        message: expect.stringContaining('Response Data Variable Name "OrderLookup" is also used by "OrderLookup" (entry 1)'),
      },
    ]);
    expect(plan).toMatchObject({ valid: false, problemCount: 2 });
  });

  it('reports problems of the bot itself', () => {
    const plan = planOf(planImport({ bot: { name: '   ', description: 'x'.repeat(1001) }, responder: [] }));
    expect(plan.bot.values).toBeNull();
    expect(plan.bot.problems.map((problem) => [problem.sourcePath, problem.message])).toEqual([
      ['bot.name', 'Bot name is required.'],
      ['bot.description', 'Description must be at most 1,000 characters.'],
    ]);
    expect(plan.valid).toBe(false);
  });

  it('reports problems of a native file by its own paths', () => {
    const file = {
      format: 'integrations-panel',
      formatVersion: 1,
      bot: { name: 'B', description: '' },
      integrations: [
        {
          id: 'x',
          version: 4,
          type: 'LIVEPERSON_AGENT_ESCALATION',
          name: 'Transfer',
          agentSkillId: 'sales',
          messageToUser: 'Hi',
          extras: null,
        },
      ],
      extras: null,
    };
    const plan = planOf(planImport(file));
    expect(plan.format).toBe('native');
    expect(plan.integrations[0]!.problems).toEqual([
      {
        path: 'agentSkillId',
        sourcePath: 'integrations.0.agentSkillId',
        message: expect.stringContaining('Agent Skill Id must be a positive whole number'),
      },
    ]);
  });
});
