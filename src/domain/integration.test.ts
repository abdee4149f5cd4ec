import { describe, expect, it } from 'vitest';
import { integrationInputSchema, integrationInputSchemas } from './integration';
import { INTEGRATION_TYPES, type IntegrationType } from './integration-types';
import { requiredFieldsOf } from './integration-types/fields-of-type';

const escalation = {
  type: 'LIVEPERSON_AGENT_ESCALATION',
  name: 'Escalation',
  agentSkillId: '123',
  messageToUser: 'Hold on.',
};

/** The message of the first problem at `path`, or null when the input is valid there. */
function problemAt(input: Record<string, unknown>, path: string): string | null {
  const result = integrationInputSchema.safeParse(input);
  if (result.success) return null;
  return result.error.issues.find((issue) => issue.path.join('.') === path)?.message ?? null;
}

describe('integration rules', () => {
  it.each([
    ['Escalation', null],
    ['get_orders2', null],
    ['a'.repeat(64), null],
    ['a'.repeat(65), 'at most 64'],
    ['', 'required'],
    ['2fast', 'start with a letter'],
    ['_x', 'start with a letter'],
    ['has space', 'letters, digits and underscores'],
    ['é', 'letters, digits and underscores'],
  ])('name %j', (name, problem) => {
    const message = problemAt({ ...escalation, name }, 'name');
    if (problem === null) expect(message).toBeNull();
    else expect(message).toContain(problem);
  });

  it('defaults the response data variable to the name and checks its pattern', () => {
    expect(integrationInputSchema.parse({ ...escalation, responseDataVariable: '' }).responseDataVariable).toBe('Escalation');
    expect(integrationInputSchema.parse(escalation).responseDataVariable).toBe('Escalation');
    expect(problemAt({ ...escalation, responseDataVariable: 'api-x' }, 'responseDataVariable')).toContain('Response Data Variable Name');
  });

  it.each([
    ['123', true],
    ['9223372036854775807', true],
    ['12345678901234567890', false],
    ['0', false],
    ['-5', false],
    ['1.5', false],
    ['{$botContext.skillId}', true],
    ['{$env.skill_id}', true],
    ['{$botContext.skillId} ', true],
    ['{$botContext.a}{$botContext.b}', false],
    ['{$query}', false],
    ['skill', false],
  ])('agentSkillId %j valid: %s', (agentSkillId, valid) => {
    expect(problemAt({ ...escalation, agentSkillId }, 'agentSkillId') === null).toBe(valid);
  });

  it('takes agentId as a number, a variable, <accountId>.<userId>, or empty; its error gives {$botContext.agentId} as the example', () => {
    for (const agentId of ['', '4567890123', '{$botContext.agent}', '12345678.4567890123'])
      expect(problemAt({ ...escalation, agentId }, 'agentId'), agentId).toBeNull();
    for (const agentId of ['bob', '1.2.3', '12345678.', '.45', '12345678.4567890123.1']) {
      expect(problemAt({ ...escalation, agentId }, 'agentId'), agentId).toContain('{$botContext.agentId}');
    }
  });

  it('refuses a Message to User of spaces alone, as the platform reads it', () => {
    for (const messageToUser of ['   ', '\n\t '])
      expect(problemAt({ ...escalation, messageToUser }, 'messageToUser')).toContain('Spaces alone are not a message');
    expect(problemAt({ ...escalation, messageToUser: '  Hold on.  ' }, 'messageToUser')).toBeNull();
  });

  it('limits skill name and message, and accepts BLANK_MESSAGE', () => {
    expect(problemAt({ ...escalation, agentSkillName: 'x'.repeat(256) }, 'agentSkillName')).toContain('255');
    expect(problemAt({ ...escalation, messageToUser: 'x'.repeat(2001) }, 'messageToUser')).toContain('2,000');
    expect(problemAt({ ...escalation, messageToUser: 'BLANK_MESSAGE' }, 'messageToUser')).toBeNull();
    expect(integrationInputSchema.parse(escalation)).toMatchObject({ transferBotContext: false, agentSkillName: '', agentId: '' });
  });

  it('checks methods and URLs of API and File integrations', () => {
    const api = { type: 'API', name: 'A', method: 'PATCH', url: 'https://x.example/{$botContext.id}?q={$env.key}' };
    expect(integrationInputSchema.safeParse(api).success).toBe(true);
    expect(problemAt({ ...api, type: 'FILE' }, 'method')).toContain('PUT or POST');
    expect(problemAt({ ...api, url: 'ftp://x.example' }, 'url')).toContain('http or https');
    expect(problemAt({ ...api, url: 'not a url' }, 'url')).toContain('http or https');
    expect(problemAt({ ...api, url: '' }, 'url')).toContain('required');
  });

  it('checks e-mail recipients', () => {
    const email = { type: 'EMAIL', name: 'E', to: 'a@example.com, {$botContext.email}', subject: 's', body: 'b' };
    expect(integrationInputSchema.safeParse(email).success).toBe(true);
    expect(problemAt({ ...email, to: 'a@example.com, nobody' }, 'to')).toContain('"nobody"');
    expect(problemAt({ ...email, to: '' }, 'to')).toContain('required');
    expect(problemAt({ ...email, replyTo: 'x' }, 'replyTo')).toContain('Reply To');
    expect(problemAt({ ...email, subject: '' }, 'subject')).toContain('required');
  });

  it('checks FaaS and KnowledgeAI fields', () => {
    expect(problemAt({ type: 'FAAS', name: 'F', functionId: '' }, 'functionId')).toContain('required');
    const kb = { type: 'KNOWLEDGE_AI', name: 'K', knowledgeBaseId: 'kb' };
    expect(integrationInputSchema.parse(kb)).toMatchObject({ mode: 'INTENTS', threshold: 'GOOD', phrase: '{$query}', multipleResults: 1 });
    expect(problemAt({ ...kb, multipleResults: 6 }, 'multipleResults')).toContain('at most 5');
    expect(problemAt({ ...kb, multipleResults: 0 }, 'multipleResults')).toContain('at least 1');
    expect(problemAt({ ...kb, mode: 'ALL' }, 'mode')).toContain('INTENTS');
    expect(problemAt({ ...kb, threshold: 'BAD' }, 'threshold')).toContain('VERY_GOOD');
  });

  it('parses the transform script as a classic script and reports line and column', () => {
    expect(
      problemAt({ ...escalation, transformScript: 'var a = 1;\nbotContext.setBotVariable("a", a, true, false);' }, 'transformScript'),
    ).toBeNull();
    expect(problemAt({ ...escalation, transformScript: 'var a = 1;\nvar b = ;' }, 'transformScript')).toMatch(/line 2, column 9/);
    expect(problemAt({ ...escalation, transformScript: 'import x from "y";' }, 'transformScript')).toMatch(/syntax error/);
    expect(problemAt({ ...escalation, transformScript: `//${'x'.repeat(64 * 1024)}` }, 'transformScript')).toContain('64 KB');
  });

  it('limits custom data fields: 100 rows, unique identifier keys, values up to 1,000 characters', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(problemAt({ ...escalation, customDataFields: rows(100) }, 'customDataFields')).toBeNull();
    expect(problemAt({ ...escalation, customDataFields: rows(101) }, 'customDataFields')).toContain('at most 100');
    expect(problemAt({ ...escalation, customDataFields: [{ key: 'a', value: 'x'.repeat(1001) }] }, 'customDataFields.0.value')).toContain(
      '1,000',
    );
    expect(
      problemAt(
        {
          ...escalation,
          customDataFields: [
            { key: 'a', value: '1' },
            { key: 'a', value: '2' },
          ],
        },
        'customDataFields.1.key',
      ),
    ).toContain('unique');
    expect(problemAt({ ...escalation, customDataFields: [{ key: 'a', value: '1', extra: 1 }] }, 'customDataFields.0')).toContain('extra');
  });

  it('refuses fields of another type', () => {
    expect(integrationInputSchema.safeParse({ ...escalation, url: 'https://x.example' }).success).toBe(false);
  });
});

describe('required fields', () => {
  it('are exactly the fields a person must fill in, per type', () => {
    const expected: Record<IntegrationType, string[]> = {
      API: ['method', 'url'],
      EMAIL: ['to', 'subject', 'body'],
      FILE: ['method', 'url'],
      FAAS: ['functionId'],
      KNOWLEDGE_AI: ['knowledgeBaseId'],
      LIVEPERSON_AGENT_ESCALATION: ['agentSkillId', 'messageToUser'],
    };
    for (const type of INTEGRATION_TYPES) {
      expect([...requiredFieldsOf(type)].sort(), type).toEqual(['name', 'responseDataVariable', 'type', ...expected[type]].sort());
    }
  });

  // The asterisks come from the descriptors' `required` (the form reads them without zod): they must
  // say what the API enforces. Response Data Variable Name is the one exception: the API fills it in.
  it('are the fields whose schema rejects an empty value', () => {
    for (const type of INTEGRATION_TYPES) {
      const shape = integrationInputSchemas[type].shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
      const rejectingEmpty = Object.entries(shape)
        .filter(([field, schema]) => field === 'type' || (!schema.safeParse(undefined).success && !schema.safeParse('').success))
        .map(([field]) => field);
      expect([...requiredFieldsOf(type)].filter((field) => field !== 'responseDataVariable').sort(), type).toEqual(rejectingEmpty.sort());
    }
  });
});
