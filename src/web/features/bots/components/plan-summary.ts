import { BLANK_MESSAGE, type IntegrationType } from '../../../../domain/integration-types';

export interface SummaryItem {
  label: string;
  value: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const rows = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The few values that tell integrations of a type apart, in the form's words. */
function typeItems(type: IntegrationType, values: Record<string, unknown>): SummaryItem[] {
  switch (type) {
    case 'API':
    case 'FILE':
      return [{ label: 'Request', value: `${text(values.method)} ${text(values.url)}`.trim() }];
    case 'EMAIL':
      return [
        { label: 'To', value: text(values.to) },
        { label: 'Subject', value: text(values.subject) },
      ];
    case 'FAAS':
      return [{ label: 'Function', value: text(values.functionId) }];
    case 'KNOWLEDGE_AI':
      return [
        { label: 'Knowledge Base', value: text(values.knowledgeBaseId) },
        { label: 'Mode', value: text(values.mode) },
      ];
    case 'LIVEPERSON_AGENT_ESCALATION': {
      const skill = [text(values.agentSkillName), text(values.agentSkillId)].filter(Boolean).join(' · ');
      const message = text(values.messageToUser);
      return [
        { label: 'Agent Skill', value: skill },
        { label: 'Message to User', value: message === BLANK_MESSAGE ? 'none (BLANK_MESSAGE)' : message },
      ];
    }
  }
}

/** What a planned integration will be saved as, in a line or two. */
export function summarizeValues(type: IntegrationType, values: Record<string, unknown>): SummaryItem[] {
  const script = text(values.transformScript);
  const extras: string[] = [];
  const fields = rows(values.customDataFields);
  if (fields > 0) extras.push(plural(fields, 'custom data field'));
  if (script.trim() !== '') extras.push(plural(script.split('\n').length, 'script line'));
  return [
    { label: 'Response Data Variable', value: text(values.responseDataVariable) },
    ...typeItems(type, values),
    ...(extras.length > 0 ? [{ label: 'Also', value: extras.join(', ') }] : []),
  ].filter((item) => item.value !== '');
}
