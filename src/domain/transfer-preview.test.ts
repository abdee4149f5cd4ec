import { describe, expect, it } from 'vitest';
import { previewTransfer, type EscalationFields, type TransferCheck } from './transfer-preview';

const fields = (overrides: Partial<EscalationFields> = {}): EscalationFields => ({
  agentSkillName: 'Billing',
  agentSkillId: '3402109730',
  agentId: '',
  transferBotContext: false,
  messageToUser: 'Hold on while I connect you with an agent.',
  ...overrides,
});

const directory = [
  { id: '3402109730', name: 'Billing' },
  { id: '12', name: 'Sales' },
];

const check = (checks: TransferCheck[], id: TransferCheck['id']) => checks.find((item) => item.id === id);

describe('transfer preview (reference §3)', () => {
  it('transfers to a numeric skill id and shows the body the bot sends', () => {
    const preview = previewTransfer(fields(), {}, directory);
    expect(preview).toMatchObject({ skillId: '3402109730', action: 'transfer', message: 'Hold on while I connect you with an agent.' });
    expect(preview.requestBody).toEqual({
      message: 'Hold on while I connect you with an agent.',
      agentSkillName: 'Billing',
      agentSkillId: '3402109730',
    });
    expect(preview.checks.map((item) => [item.id, item.status])).toEqual([
      ['skill-id-numeric', 'pass'],
      ['skill-id-known', 'pass'],
      ['skill-name-matches', 'pass'],
      ['message-present', 'pass'],
      ['no-raw-newline', 'pass'],
      ['catch-escalation-failed', 'info'],
    ]);
    expect(check(preview.checks, 'catch-escalation-failed')?.text).toContain('__agent_escalation_failed__');
  });

  it('resolves variables in every field, and adds the agent id and the transfer-bot-context flag when set', () => {
    const preview = previewTransfer(
      fields({
        agentSkillId: '{$botContext.skillId}',
        agentSkillName: '{$botContext.skillName}',
        agentId: '{$env.agentId}',
        transferBotContext: true,
        messageToUser: 'Connecting you to {$botContext.skillName}, {$botContext.firstName}.',
      }),
      {
        botVariables: [
          { key: 'skillId', value: '12' },
          { key: 'skillName', value: 'Sales' },
          { key: 'firstName', value: 'Ada' },
        ],
        envVariables: [{ key: 'agentId', value: '777' }],
      },
      directory,
    );
    expect(preview).toMatchObject({ skillId: '12', skillName: 'Sales', agentId: '777', action: 'transfer', unresolved: [] });
    expect(preview.requestBody).toEqual({
      message: 'Connecting you to Sales, Ada.',
      agentSkillName: 'Sales',
      agentSkillId: '12',
      agentId: '777',
      transferBotContext: true,
    });
  });

  it('sends the fallback message when the resolved skill id is not numeric', () => {
    const text = previewTransfer(fields({ agentSkillId: '{$botContext.skillId}' }), {
      botVariables: [{ key: 'skillId', value: 'billing' }],
    });
    expect(text.action).toBe('fallback');
    expect(check(text.checks, 'skill-id-numeric')).toMatchObject({
      status: 'fail',
      text: expect.stringContaining('"billing" is not numeric'),
    });
    expect(check(text.checks, 'skill-id-known')?.status).toBe('info');

    const unset = previewTransfer(fields({ agentSkillId: '{$botContext.skillId}' }));
    expect(unset).toMatchObject({ skillId: '', action: 'fallback', unresolved: ['{$botContext.skillId}'] });
    expect(check(unset.checks, 'skill-id-numeric')?.text).toContain('has no value with these variables');
  });

  it('warns about a numeric id that is not a valid skill id', () => {
    const preview = previewTransfer(fields({ agentSkillId: '0' }));
    expect(preview.action).toBe('transfer');
    expect(check(preview.checks, 'skill-id-numeric')?.status).toBe('warn');
  });

  it('checks the skill against the directory: unknown id, name mismatch, empty name, no directory', () => {
    expect(check(previewTransfer(fields({ agentSkillId: '99' }), {}, directory).checks, 'skill-id-known')).toMatchObject({
      status: 'warn',
      text: expect.stringContaining('Skill 99 is not in the skill directory'),
    });
    const mismatch = previewTransfer(fields({ agentSkillName: 'Sales' }), {}, directory);
    expect(check(mismatch.checks, 'skill-name-matches')).toMatchObject({ status: 'warn', text: expect.stringContaining('"Billing"') });
    expect(check(previewTransfer(fields({ agentSkillName: '' }), {}, directory).checks, 'skill-name-matches')?.status).toBe('info');
    const none = previewTransfer(fields());
    expect(check(none.checks, 'skill-id-known')).toMatchObject({
      status: 'info',
      text: 'No skill directory to check the skill id against.',
    });
    expect(check(none.checks, 'skill-name-matches')).toBeUndefined();
  });

  it('says no message is sent for BLANK_MESSAGE, which still goes in the body', () => {
    const preview = previewTransfer(fields({ messageToUser: 'BLANK_MESSAGE' }));
    expect(preview.message).toBeNull();
    expect(preview.messageText).toMatch(/^No message is sent/);
    expect(preview.requestBody.message).toBe('BLANK_MESSAGE');
    expect(check(preview.checks, 'message-present')?.status).toBe('pass');
  });

  it('shows the \\n escape as a line break', () => {
    const preview = previewTransfer(fields({ messageToUser: 'One moment.\\nAn agent will join.' }));
    expect(preview.message).toBe('One moment.\nAn agent will join.');
    expect(preview.requestBody.message).toBe('One moment.\nAn agent will join.');
    expect(check(preview.checks, 'no-raw-newline')?.status).toBe('pass');
  });

  it('fails a message that is missing, or empty once resolved', () => {
    expect(check(previewTransfer(fields({ messageToUser: '' })).checks, 'message-present')).toMatchObject({
      status: 'fail',
      text: expect.stringContaining('BLANK_MESSAGE'),
    });
    const unresolved = previewTransfer(fields({ messageToUser: '{$botContext.transferMessage}' }));
    expect(check(unresolved.checks, 'message-present')).toMatchObject({ status: 'fail', text: expect.stringContaining('has no value') });
    const blankVariable = previewTransfer(fields({ messageToUser: '{$botContext.transferMessage}' }), {
      botVariables: [{ key: 'transferMessage', value: 'BLANK_MESSAGE' }],
    });
    expect(blankVariable.message).toBeNull();
  });

  it('fails a raw line break inside a variable value, naming the variable', () => {
    const preview = previewTransfer(fields({ messageToUser: 'Hi {$botContext.name}' }), {
      botVariables: [{ key: 'name', value: 'Ada\nLovelace' }],
    });
    expect(check(preview.checks, 'no-raw-newline')).toMatchObject({
      status: 'fail',
      text: expect.stringContaining('{$botContext.name} holds a raw line break'),
    });
  });
});
