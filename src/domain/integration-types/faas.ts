import { defineIntegrationType, field, textOf } from './descriptor';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const faas = defineIntegrationType({
  type: 'FAAS',
  ...INTEGRATION_TYPE_NAMES.FAAS,
  fields: {
    functionId: field({
      schema: (k) => k.requiredText('Function', 128, 'Pick the LivePerson function (lambda) to invoke.'),
      required: true,
      label: 'Function',
      help: 'The LivePerson function (lambda) to invoke.',
      initial: '',
      cbKey: 'functionId',
      placeholder: 'Type a name or id, such as shipping-cost-estimate',
    }),
    headers: field({
      schema: (k) => k.keyValueListSchema('Function Headers'),
      label: 'Function Headers',
      help: 'Key/value pairs passed to the function as headers.',
      initial: [],
      cbKey: 'headers',
      rowPlaceholder: { key: 'X-Region', value: 'us' },
    }),
    payload: field({
      schema: (k) => k.optionalText('Function Payload', 64 * 1024),
      label: 'Function Payload',
      help: 'The payload passed to the function.',
      initial: '',
      cbKey: 'payload',
      placeholder: '{ "customerId": "{$botContext.customerId}" }',
    }),
  },
  summarize: (values) => [{ label: 'Function', value: textOf(values.functionId) }],
  demoSample: JSON.stringify({ points: 1250, tier: 'Gold' }, null, 2),
  demo: {
    name: 'LoyaltyPoints',
    responseDataVariable: 'LoyaltyPoints',
    functionId: 'loyalty-points-lookup',
    headers: [{ key: 'X-Region', value: 'us' }],
    payload: '{ "customerId": "{$botContext.customerId}" }',
  },
});
