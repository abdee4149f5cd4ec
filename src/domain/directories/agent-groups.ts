import { defineDirectory } from './define-directory';

/** Conversational Cloud's agent groups (scratch: a fifth directory, to count the files it touches). */
export const agentGroupsDirectory = defineDirectory({
  kind: 'agent-groups',
  path: '/api/agent-groups',
  tag: 'agent-groups',
  noun: 'agent group',
  plural: 'agent groups',
  title: 'Agent groups',
  lead: 'The agent groups of your Conversational Cloud account.',
  emptyHint: 'Add the agent groups of your account.',
  id: { given: 'required', schema: (k) => k.entryId('Agent group'), label: 'Id' },
  fields: { name: { schema: (k) => k.name('Agent group name'), label: 'Name', required: true, placeholder: 'Tier 2' } },
  columns: [],
  demo: [
    { id: 'tier-1', name: 'Tier 1' },
    { id: 'tier-2', name: 'Tier 2' },
  ],
});
