import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-import-file';
import { summarizeValues } from './plan-summary';

describe('readImportFile', () => {
  it('parses JSON and explains a file that is not JSON or is empty', async () => {
    expect(await readImportFile(new File(['{"bot":{}}'], 'bot.json'))).toEqual({ ok: true, json: { bot: {} } });
    const notJson = await readImportFile(new File(['bot: yes'], 'notes.txt'));
    expect(notJson).toMatchObject({ ok: false, message: expect.stringMatching(/^notes\.txt is not JSON/) });
    expect(await readImportFile(new File(['  '], 'empty.json'))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
  });
});

describe('summarizeValues', () => {
  it('names what tells an integration apart, per type', () => {
    expect(
      summarizeValues('API', {
        responseDataVariable: 'Orders',
        method: 'GET',
        url: 'https://x.example',
        customDataFields: [{}, {}],
        transformScript: 'a\nb',
      }),
    ).toEqual([
      { label: 'Response Data Variable Name', value: 'Orders' },
      { label: 'Request', value: 'GET https://x.example' },
      { label: 'Also', value: '2 custom data fields, 2 script lines' },
    ]);
    expect(
      summarizeValues('LIVEPERSON_AGENT_ESCALATION', { agentSkillName: 'Care', agentSkillId: '42', messageToUser: 'BLANK_MESSAGE' }),
    ).toEqual([
      { label: 'Agent skill', value: 'Care · 42' },
      { label: 'Message to User', value: 'none (BLANK_MESSAGE)' },
    ]);
  });
});
