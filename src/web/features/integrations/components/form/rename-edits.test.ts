import { describe, expect, it } from 'vitest';
import { integrationInputSchema, type Integration, type IntegrationValues } from '../../../../../domain/integration';
import { ESCALATION } from '../../../../testing/demo-records';
import { valuesFromIntegration } from './form-values';
import { editsAfterRename } from './rename-edits';

const valuesOf = (integration: Integration): IntegrationValues => integrationInputSchema.parse(valuesFromIntegration(integration));

// What the server answers to a rename: new names, and its own fields reading the new variable.
const renamed: Integration = {
  ...ESCALATION,
  name: 'Handover',
  responseDataVariable: 'Handover',
  customDataFields: [{ key: 'queuePosition', value: '{$.api_Handover.queuePosition}' }],
  version: ESCALATION.version + 1,
};

describe('editsAfterRename', () => {
  it('leaves nothing to save when the form changed only the names', () => {
    const form = { ...valuesOf(ESCALATION), name: 'Handover', responseDataVariable: 'Handover' };
    expect(editsAfterRename(ESCALATION, renamed, form)).toBeNull();
  });

  it("keeps the rename's rewritten fields and puts the form's other edits on top", () => {
    const form = {
      ...valuesOf(ESCALATION),
      name: 'Handover',
      responseDataVariable: 'Handover',
      messageToUser: 'One moment.',
    } as IntegrationValues;
    const rest = editsAfterRename(ESCALATION, renamed, form);
    expect(rest).toMatchObject({ name: 'Handover', messageToUser: 'One moment.', customDataFields: renamed.customDataFields });
  });
});
