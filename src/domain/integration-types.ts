export const INTEGRATION_TYPES = [
  'API',
  'EMAIL',
  'FILE',
  'FAAS',
  'KNOWLEDGE_AI',
  'LIVEPERSON_AGENT_ESCALATION',
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** The names Conversation Builder shows in its Integration Type select. */
export const INTEGRATION_TYPE_LABELS: Record<IntegrationType, string> = {
  API: 'API',
  EMAIL: 'Email',
  FILE: 'File',
  FAAS: 'LivePerson Functions (FaaS)',
  KNOWLEDGE_AI: 'KnowledgeAI',
  LIVEPERSON_AGENT_ESCALATION: 'LivePerson Agent Escalation',
};

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const FILE_METHODS = ['PUT', 'POST'] as const;
export const KNOWLEDGE_AI_MODES = ['INTENTS', 'INTENTS_ONLY', 'TEXT'] as const;
export const KNOWLEDGE_AI_THRESHOLDS = ['VERY_GOOD', 'GOOD', 'FAIR_PLUS'] as const;
/** KnowledgeAI's Method: the reference says it is always Phrase Search (Special Tag Search was the older Knowledge Base's). */
export const KNOWLEDGE_AI_METHODS = ['PHRASE_SEARCH'] as const;

/** The platform's sentinel for "the transfer needs a message, but send none". */
export const BLANK_MESSAGE = 'BLANK_MESSAGE';
