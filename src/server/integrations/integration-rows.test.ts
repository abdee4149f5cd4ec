import { describe, expect, it } from 'vitest';
import { integrationInputSchema } from '../../domain/integration';
import { anIntegrationInput } from '../../domain/samples';
import { columnsOf, toSharedIntegration, type IntegrationRow } from './integration-rows';

function aRow(overrides: Partial<IntegrationRow> = {}): IntegrationRow {
  const values = integrationInputSchema.parse(anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Transfer' }));
  return {
    id: '6f1c2a4e-0d3b-4c5a-9e7f-1a2b3c4d5e6f',
    botId: '0b7e1c9a-2f4d-4e6b-8a1c-3d5e7f9a1b2c',
    ...columnsOf(values),
    extras: {},
    createdAt: new Date('2026-11-30T10:00:00.000Z'),
    updatedAt: new Date('2026-11-30T10:00:00.000Z'),
    version: 3,
    ...overrides,
  };
}

describe('toSharedIntegration', () => {
  it('answers a row read again unchanged with the value parsed the first time, frozen for every reader', () => {
    const first = toSharedIntegration(aRow());
    expect(toSharedIntegration(aRow())).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.customDataFields)).toBe(true);
  });

  it('parses a row again when any column differs, the version alone or a field of the config', () => {
    const first = toSharedIntegration(aRow());
    const saved = toSharedIntegration(aRow({ version: 4 }));
    expect(saved).not.toBe(first);
    expect(saved.version).toBe(4);
    const edited = aRow();
    const changed = toSharedIntegration({ ...edited, config: { ...edited.config, messageToUser: 'Changed in place' } });
    expect(changed).toMatchObject({ version: 3, messageToUser: 'Changed in place' });
  });

  it('refuses a row of the wrong shape every time it is read, never from memory', () => {
    const damaged = aRow({ type: 'NO_SUCH_TYPE' });
    expect(() => toSharedIntegration(damaged)).toThrow();
    expect(() => toSharedIntegration(damaged)).toThrow();
  });
});
