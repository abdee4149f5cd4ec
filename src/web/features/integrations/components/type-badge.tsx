import { INTEGRATION_TYPE_LABELS, type IntegrationType } from '../../../../domain/integration-types';

const SHORT_LABELS: Record<IntegrationType, string> = {
  API: 'API',
  EMAIL: 'Email',
  FILE: 'File',
  FAAS: 'FaaS',
  KNOWLEDGE_AI: 'KnowledgeAI',
  LIVEPERSON_AGENT_ESCALATION: 'Agent Escalation',
};

export function TypeBadge({ type }: { type: IntegrationType }) {
  return (
    <span className={`badge badge--${type.toLowerCase()}`} title={INTEGRATION_TYPE_LABELS[type]}>
      {SHORT_LABELS[type]}
    </span>
  );
}
