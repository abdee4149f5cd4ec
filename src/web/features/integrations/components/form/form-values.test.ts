import { describe, expect, it } from 'vitest';
import { integrationInputSchema } from '../../../../../domain/integration';
import { INTEGRATION_TYPES } from '../../../../../domain/integration-types';
import { ESCALATION } from '../../../../testing/demo-records';
import { emptyValuesFor, switchType, valuesFromIntegration } from './form-values';

describe('form values', () => {
  it('switching the type keeps the common fields and drops the old type’s fields', () => {
    const values = valuesFromIntegration({ ...ESCALATION, transformScript: 'var a = 1;' });
    const api = switchType(values, 'API');
    expect(api).toMatchObject({
      type: 'API',
      name: 'Escalation',
      responseDataVariable: 'Escalation',
      transformScript: 'var a = 1;',
      customDataFields: ESCALATION.customDataFields,
    });
    expect(api).not.toHaveProperty('agentSkillId');
  });

  it('a stored integration becomes a body the API schema accepts (no id, version or timestamps)', () => {
    const values = valuesFromIntegration(ESCALATION);
    expect(values).not.toHaveProperty('id');
    expect(values).not.toHaveProperty('version');
    expect(integrationInputSchema.safeParse(values).success).toBe(true);
  });

  it('every type starts with only the keys its schema knows', () => {
    for (const type of INTEGRATION_TYPES) {
      const result = integrationInputSchema.safeParse({ ...emptyValuesFor(type), name: 'A' });
      const unknownKeys = result.success ? [] : result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
      expect(unknownKeys, type).toEqual([]);
    }
  });
});
