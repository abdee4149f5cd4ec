import { requiredText } from '../request-fields';
import { defineIntegrationType, field, textOf } from './descriptor';

export const sms = defineIntegrationType({
  type: 'SMS',
  displayName: 'SMS',
  badge: 'SMS',
  fields: {
    phoneNumber: field({
      schema: requiredText('Phone Number', 32),
      label: 'Phone Number',
      help: 'The number to text.',
      initial: '',
      cbKey: 'phoneNumber',
    }),
  },
  summarize: (values) => [{ label: 'Phone Number', value: textOf(values.phoneNumber) }],
  demo: { name: 'TextUs', responseDataVariable: 'TextUs', phoneNumber: '+15550100' },
});
