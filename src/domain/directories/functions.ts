import { defineDirectory } from './define-directory';

/** LivePerson Functions' lifecycle states: only Productive is deployed (Modified runs the previous deployment). */
export const FUNCTION_STATES = ['Productive', 'Draft', 'Modified'] as const;

/** What a bot gets when it calls a function in each state. */
export function deploymentWarning(fn: { name?: unknown; state?: unknown }): string | undefined {
  const name = String(fn.name);
  if (fn.state === 'Draft')
    return `“${name}” is a draft, not deployed: the bot cannot call it until it is deployed in LivePerson Functions.`;
  if (fn.state === 'Modified') return `“${name}” has changes that are not deployed: the bot calls the last deployed version.`;
  return undefined;
}

/** The LivePerson Functions (lambdas) that FaaS integrations call. */
export const functionsDirectory = defineDirectory({
  kind: 'functions',
  path: '/api/functions',
  tag: 'functions',
  noun: 'function',
  plural: 'functions',
  title: 'Functions',
  lead: 'The LivePerson Functions (lambdas) that FaaS integrations invoke. Only a deployed function can be called.',
  emptyHint: 'Add the functions of your LivePerson account, so FaaS forms can pick them.',
  id: {
    given: 'optional',
    schema: (k) => k.entryId('Function'),
    label: 'Id',
    help: "The lambda's UUID; left empty, a new one is made.",
  },
  fields: {
    name: { schema: (k) => k.name('Function name'), label: 'Name', required: true, placeholder: 'Shipping cost estimate' },
    description: { schema: (k) => k.text('Description', 2000), label: 'Description', default: '' },
    state: {
      schema: (k) => k.oneOf(FUNCTION_STATES, 'State must be Productive, Draft or Modified.'),
      label: 'State',
      default: 'Draft',
      initial: 'Productive',
      options: FUNCTION_STATES.map((value) => ({ value, label: value })),
    },
  },
  columns: [
    { header: 'State', cell: (fn) => [{ key: 'state', label: String(fn.state), ok: fn.state === 'Productive' }] },
    { header: 'Description', cell: (fn) => String(fn.description ?? '') },
  ],
  remote: { hostVariable: 'LP_FUNCTIONS_DOMAIN', source: 'LivePerson Functions' },
  usages: { field: 'functionId', types: ['FAAS'] },
  picker: { label: 'Function', describe: (fn) => String(fn.state ?? ''), warn: deploymentWarning },
  demo: [
    {
      id: 'loyalty-points-lookup',
      name: 'Loyalty points lookup',
      description: "Reads the customer's loyalty balance.",
      state: 'Productive',
    },
    { id: 'order-refund-check', name: 'Order refund check', description: 'Decides whether an order can be refunded.', state: 'Draft' },
  ],
});
