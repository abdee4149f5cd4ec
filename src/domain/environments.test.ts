import { describe, expect, it } from 'vitest';
import { envReferencesOf, previewRowsOf, resolveEnvText, SECRET_MASK, type EnvironmentVariable } from './environments';
import { anIntegrationInput } from './samples';
import { previewTransfer } from './transfer-preview';

const production: EnvironmentVariable[] = [
  { name: 'SKILL_ID', value: '3402109730', secret: false },
  { name: 'TOKEN', secret: true, set: true },
];

describe('environments', () => {
  it('finds {$env.NAME} in every text field of an integration, with the field, and not in the script', () => {
    const references = envReferencesOf({
      ...anIntegrationInput('API', {
        url: 'https://{$env.HOST}/orders',
        headers: [{ key: 'Authorization', value: 'Bearer {$env.TOKEN}' }],
        customDataFields: [{ key: 'region', value: '{$env.REGION}' }],
        transformScript: "botContext.getEnvVariable('SCRIPT_ONLY'); // {$env.IN_SCRIPT}",
      }),
    });
    expect(references).toHaveLength(3);
    expect(references).toEqual(
      expect.arrayContaining([
        { name: 'HOST', field: 'url' },
        { name: 'TOKEN', field: 'headers.0.value' },
        { name: 'REGION', field: 'customDataFields.0.value' },
      ]),
    );
  });

  it('resolves a field as the form shows it: values filled in, secrets masked, missing names listed', () => {
    expect(resolveEnvText('{$env.SKILL_ID}', production)).toEqual({ text: '3402109730', missing: [], usesSecret: false });
    expect(resolveEnvText('Bearer {$env.TOKEN} {$env.QUEUE}', production)).toEqual({
      text: `Bearer ${SECRET_MASK} {$env.QUEUE}`,
      missing: ['QUEUE'],
      usesSecret: true,
    });
  });

  it("runs the transfer preview with the environment's values, secrets masked", () => {
    const preview = previewTransfer(
      { agentSkillName: '', agentSkillId: '{$env.SKILL_ID}', agentId: '', transferBotContext: false, messageToUser: 'Key {$env.TOKEN}' },
      { envVariables: previewRowsOf(production) },
    );
    expect(preview.skillId).toBe('3402109730');
    expect(preview.action).toBe('transfer');
    expect(preview.messageText).toBe(`Key ${SECRET_MASK}`);
    expect(preview.unresolved).toEqual([]);
  });
});
