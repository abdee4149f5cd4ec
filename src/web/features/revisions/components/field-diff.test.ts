import { describe, expect, it } from 'vitest';
import type { Integration } from '../../../../domain/integration';
import { anIntegration } from '../../../../domain/samples';
import { ESCALATION } from '../../../testing/demo-records';
import { diffFields } from './field-diff';

const older: Integration = {
  ...ESCALATION,
  version: 1,
  messageToUser: 'Hold on.',
  customDataFields: [{ key: 'queuePosition', value: '{$.old}' }],
};
const current: Integration = {
  ...ESCALATION,
  transferBotContext: true,
  customDataFields: [
    { key: 'queuePosition', value: '{$.api_Escalation.queuePosition}' },
    { key: 'wait', value: '{$.wait}' },
  ],
};

describe('diffFields', () => {
  it('marks exactly the fields that differ, in the form’s order and words', () => {
    const rows = diffFields(older, current);
    expect(rows.filter((row) => row.changed).map((row) => row.label)).toEqual([
      'Transfer Bot Context',
      'Message to User',
      'Custom data: queuePosition',
      'Custom data: wait',
    ]);
    expect(rows.map((row) => row.key).slice(0, 3)).toEqual(['name', 'responseDataVariable', 'type']);
    expect(rows.find((row) => row.key === 'type')).toMatchObject({ revision: 'LivePerson Agent Escalation', changed: false });
    expect(rows.find((row) => row.key === 'transferBotContext')).toMatchObject({ revision: 'Off', current: 'On' });
    expect(rows.find((row) => row.label === 'Custom data: wait')).toMatchObject({ revision: null, current: '{$.wait}' });
    // Bookkeeping and the script (which has its own diff) are not rows.
    expect(rows.some((row) => ['version', 'updatedAt', 'transformScript', 'id'].includes(row.key))).toBe(false);
  });

  it('reports a reordering of the same custom data keys as a change of order', () => {
    const a: Integration = {
      ...ESCALATION,
      customDataFields: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    };
    const b: Integration = {
      ...ESCALATION,
      customDataFields: [
        { key: 'b', value: '2' },
        { key: 'a', value: '1' },
      ],
    };
    const changed = diffFields(a, b).filter((row) => row.changed);
    expect(changed).toEqual([expect.objectContaining({ label: 'Custom data order', revision: 'a\nb', current: 'b\na' })]);
  });

  it('shows fields of another type as not set on the side that lacks them', () => {
    const api = anIntegration('API', { url: 'https://x.example', headers: [{ key: 'Accept', value: 'json' }] });
    const rows = diffFields(api, ESCALATION);
    expect(rows.find((row) => row.key === 'url')).toMatchObject({ revision: 'https://x.example', current: null, changed: true });
    expect(rows.find((row) => row.key === 'headers')).toMatchObject({ revision: 'Accept: json' });
    expect(rows.find((row) => row.key === 'agentSkillId')).toMatchObject({ revision: null, current: '3402109730' });
  });
});
