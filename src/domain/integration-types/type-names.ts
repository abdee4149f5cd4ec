/**
 * What each integration type is called, by its type: read by its descriptor (the one source of the
 * type), and kept apart from the descriptors and their zod schemas so that the integrations list can
 * draw its badges without loading the schemas (about 25 KB gzip before the list is usable).
 */
export const INTEGRATION_TYPE_NAMES = {
  API: { displayName: 'API', badge: 'API' },
  EMAIL: { displayName: 'Email', badge: 'Email' },
  FILE: { displayName: 'File', badge: 'File' },
  FAAS: { displayName: 'LivePerson Functions (FaaS)', badge: 'FaaS' },
  KNOWLEDGE_AI: { displayName: 'KnowledgeAI', badge: 'KnowledgeAI' },
  LIVEPERSON_AGENT_ESCALATION: { displayName: 'LivePerson Agent Escalation', badge: 'Agent Escalation' },
} as const satisfies Record<string, { displayName: string; badge: string }>;
