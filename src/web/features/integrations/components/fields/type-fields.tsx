import type { ComponentType } from 'react';
import type { IntegrationType } from '../../../../../domain/integration-types';
import { AgentEscalationFields } from './agent-escalation-fields';
import { EmailFields } from './email-fields';
import { FaasFields } from './faas-fields';
import type { FieldMeta } from './field-meta';
import { KnowledgeAiFields } from './knowledge-ai-fields';
import { ApiFields, FileFields } from './request-fields';

/** One component per type: a type without one does not compile. */
const TYPE_FIELDS: { readonly [T in IntegrationType]: ComponentType<{ meta: FieldMeta<T> }> } = {
  API: ApiFields,
  EMAIL: EmailFields,
  FILE: FileFields,
  FAAS: FaasFields,
  KNOWLEDGE_AI: KnowledgeAiFields,
  LIVEPERSON_AGENT_ESCALATION: AgentEscalationFields,
};

/** The fields of one type, in the order of the reference (§1.4–1.6). */
export function TypeFields<T extends IntegrationType>({ type, meta }: { type: T; meta: FieldMeta<T> }) {
  const Fields = TYPE_FIELDS[type] as ComponentType<{ meta: FieldMeta<T> }>;
  return <Fields meta={meta} />;
}
