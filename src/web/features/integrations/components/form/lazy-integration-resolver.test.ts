import { describe, expect, it } from 'vitest';
import { ESCALATION } from '../../../../testing/demo-records';
import { valuesFromIntegration } from './form-values';
import { lazyIntegrationResolver } from './lazy-integration-resolver';

const options = { fields: {}, shouldUseNativeValidation: false };

describe('lazyIntegrationResolver', () => {
  it('checks values that just passed only once (a Save right after leaving a field), and checks anything else again', async () => {
    const values = valuesFromIntegration(ESCALATION);
    const onLeaving = await lazyIntegrationResolver(values, undefined, { ...options, names: ['name'] });
    expect(onLeaving.errors).toEqual({});
    expect(await lazyIntegrationResolver({ ...values }, undefined, options)).toBe(onLeaving);

    const renamed = await lazyIntegrationResolver({ ...values, name: 'Escalate_to_sales' }, undefined, options);
    expect(renamed).not.toBe(onLeaving);
    expect(renamed.values).toMatchObject({ name: 'Escalate_to_sales' });

    // A failure is not kept: its errors depend on the fields it was asked for.
    const failed = await lazyIntegrationResolver({ ...values, name: '' }, undefined, options);
    expect(Object.keys(failed.errors)).toContain('name');
    expect(await lazyIntegrationResolver({ ...values, name: '' }, undefined, options)).not.toBe(failed);
  });
});
