import { expect, it } from 'vitest';
import { INTEGRATION_FIELD_LABELS } from '../domain/field-labels';
import { integrationInputSchema } from '../domain/integration';
import { requiredFieldsOf } from '../domain/required-fields';
import { cbFieldsOf } from './cb-export/cb-fields';
import { DEMO_INTEGRATIONS } from './demo-data';

it('the dummy field reaches every place', () => {
  expect(INTEGRATION_FIELD_LABELS.cc).toBe('Cc');
  expect(requiredFieldsOf('EMAIL').has('cc')).toBe(true);
  const email = integrationInputSchema.parse(DEMO_INTEGRATIONS.find((item) => item.type === 'EMAIL'));
  expect(cbFieldsOf(email).cc).toBe('team@example.com');
  expect(integrationInputSchema.safeParse({ ...email, cc: '' }).success).toBe(false);
});
