import type { IntegrationType } from '../../../../domain/integration-types';
import { AgentEscalationFields } from './agent-escalation-fields';
import { EmailFields } from './email-fields';
import { FaasFields } from './faas-fields';
import type { FieldMeta } from './field-meta';
import { KnowledgeAiFields } from './knowledge-ai-fields';
import { RequestFields } from './request-fields';

/** The fields of one type, in the order of the reference (§1.4–1.6). */
export function TypeFields({ type, meta }: { type: IntegrationType; meta: FieldMeta }) {
  switch (type) {
    case 'API':
    case 'FILE':
      return <RequestFields type={type} meta={meta} />;
    case 'EMAIL':
      return <EmailFields meta={meta} />;
    case 'FAAS':
      return <FaasFields meta={meta} />;
    case 'KNOWLEDGE_AI':
      return <KnowledgeAiFields meta={meta} />;
    case 'LIVEPERSON_AGENT_ESCALATION':
      return <AgentEscalationFields meta={meta} />;
  }
}
