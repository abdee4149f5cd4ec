import { describe, expect, it } from 'vitest';
import { botSchema } from './bot';
import { integrationInputSchema, integrationSchema, integrationSummarySchema } from './integration';
import { INTEGRATION_TYPES } from './integration-types';
import { aBot, anIntegration, anIntegrationInput, anIntegrationSummary, demoIntegrationInput } from './samples';

describe('samples', () => {
  it.each(INTEGRATION_TYPES)('gives every type, %s, a valid demo, body and record', (type) => {
    expect(integrationInputSchema.safeParse(demoIntegrationInput(type)).error).toBeUndefined();
    const input = anIntegrationInput(type);
    expect(integrationInputSchema.safeParse(input).error).toBeUndefined();
    expect(input).toMatchObject({ type, transformScript: '', customDataFields: [] });
    expect(integrationSchema.safeParse(anIntegration(type)).error).toBeUndefined();
  });

  it('lets the variable follow a new name unless it is given, as the API does', () => {
    expect(integrationInputSchema.parse(anIntegrationInput('API', { name: 'Weather' })).responseDataVariable).toBe('Weather');
    expect(anIntegrationInput('API', { name: 'Weather', responseDataVariable: 'Forecast' }).responseDataVariable).toBe('Forecast');
    expect(anIntegration('FAAS', { name: 'Points' }).responseDataVariable).toBe('Points');
    expect(anIntegrationSummary({ name: 'Billing' })).toMatchObject({ name: 'Billing', responseDataVariable: 'Billing', type: 'API' });
  });

  it('gives a valid bot and list row', () => {
    expect(botSchema.safeParse(aBot()).error).toBeUndefined();
    expect(integrationSummarySchema.safeParse(anIntegrationSummary({ type: 'EMAIL' })).error).toBeUndefined();
  });
});
