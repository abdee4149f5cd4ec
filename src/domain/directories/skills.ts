import { defineDirectory } from './define-directory';

/** Conversational Cloud's skills, which Agent Escalation integrations transfer to (by id, checked in the form). */
export const skillsDirectory = defineDirectory({
  kind: 'skills',
  path: '/api/skills',
  tag: 'skills',
  noun: 'skill',
  plural: 'skills',
  title: 'Skills',
  lead: 'The Conversational Cloud skills that Agent Escalation integrations transfer to. Their forms check skill ids against this list.',
  emptyHint: 'Add the skills of your Conversational Cloud account, so Agent Escalation forms can check their skill ids.',
  id: {
    given: 'required',
    schema: (k) => k.skillId(),
    label: 'Skill id',
    placeholder: '3402109800',
    help: 'The numeric id Conversational Cloud shows for the skill, up to 19 digits.',
    inputMode: 'numeric',
  },
  fields: {
    name: {
      schema: (k) => k.name('Skill name'),
      label: 'Skill name',
      required: true,
      placeholder: 'Returns',
      help: 'Unique in the directory, ignoring case.',
    },
  },
  columns: [],
  remote: { hostVariable: 'LP_DOMAIN', source: 'your Conversational Cloud account' },
  deleteNote: (skill) =>
    `Skill ${skill.id} leaves the directory. Integrations that transfer to it keep their id, and their forms will warn that the directory lacks it.`,
  demo: [
    { id: '3402109730', name: 'Customer Care' },
    { id: '3402109731', name: 'Billing' },
    { id: '3402109732', name: 'Sales' },
    { id: '3402109733', name: 'Technical Support' },
  ],
});
