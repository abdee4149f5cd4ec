import { agentEscalation } from './agent-escalation';
import { api } from './api';
import { email } from './email';
import { faas } from './faas';
import { file } from './file';
import { knowledgeAi } from './knowledge-ai';

export { API_METHODS } from './api';
export { FILE_METHODS } from './file';
export { KNOWLEDGE_AI_METHODS, KNOWLEDGE_AI_MODES, KNOWLEDGE_AI_THRESHOLDS } from './knowledge-ai';
export { BLANK_MESSAGE } from './agent-escalation';
export type { RowPlaceholder, SummaryItem } from './descriptor';

/**
 * Every integration type, in the order of the type select. A type is one module
 * in this folder; everything else (schemas, labels, form defaults, the CB
 * mapping, demo data) is derived from this list.
 */
export const INTEGRATION_TYPE_DESCRIPTORS = [api, email, file, faas, knowledgeAi, agentEscalation] as const;

type Descriptors = typeof INTEGRATION_TYPE_DESCRIPTORS;
export type IntegrationType = Descriptors[number]['type'];
export type DescriptorOf<T extends IntegrationType> = Extract<Descriptors[number], { type: T }>;
/** The names of a type's own fields (not the common ones). */
export type TypeFieldName<T extends IntegrationType> = keyof DescriptorOf<T>['fields'] & string;

/** Mapped over a type parameter, so that a tuple stays a tuple. */
type TypesOf<D extends readonly unknown[]> = { [I in keyof D]: D[I] extends { type: infer T } ? T : never };

export const INTEGRATION_TYPES = INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => descriptor.type) as unknown as TypesOf<Descriptors>;

export const INTEGRATION_TYPE_DESCRIPTOR = Object.fromEntries(
  INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor]),
) as { readonly [T in IntegrationType]: DescriptorOf<T> };

/** The names Conversation Builder shows in its Integration Type select. */
export const INTEGRATION_TYPE_LABELS = Object.fromEntries(
  INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor.displayName]),
) as Record<IntegrationType, string>;

/**
 * The types a search text names: "escalation", "faas", "knowledge" find their types by the name the
 * type select shows or by the badge of the list, ignoring case, so the list filter matches type names too.
 */
export function integrationTypesNamedBy(text: string): IntegrationType[] {
  const wanted = text.trim().toLocaleLowerCase();
  if (!wanted) return [];
  return INTEGRATION_TYPE_DESCRIPTORS.filter((descriptor) =>
    [descriptor.displayName, descriptor.badge].some((name) => name.toLocaleLowerCase().includes(wanted)),
  ).map((descriptor) => descriptor.type);
}

/** The raw result the Test panel starts with: the type's demo sample for the seeded demo integration, else none. */
export function demoSampleFor(values: { type: IntegrationType; responseDataVariable?: string }): string {
  const descriptor = INTEGRATION_TYPE_DESCRIPTOR[values.type];
  return descriptor.demo.responseDataVariable === values.responseDataVariable ? descriptor.demoSample : '';
}
