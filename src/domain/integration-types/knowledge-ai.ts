import { defineIntegrationType, field, textOf } from './descriptor';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const KNOWLEDGE_AI_MODES = ['INTENTS', 'INTENTS_ONLY', 'TEXT'] as const;
export const KNOWLEDGE_AI_THRESHOLDS = ['VERY_GOOD', 'GOOD', 'FAIR_PLUS'] as const;
/** KnowledgeAI's Method: the reference says it is always Phrase Search (Special Tag Search was the older Knowledge Base's). */
export const KNOWLEDGE_AI_METHODS = ['PHRASE_SEARCH'] as const;

export const knowledgeAi = defineIntegrationType({
  type: 'KNOWLEDGE_AI',
  ...INTEGRATION_TYPE_NAMES.KNOWLEDGE_AI,
  fields: {
    knowledgeBaseId: field({
      schema: (k) => k.requiredText('Knowledge Base', 128, 'Pick the knowledge base to search.'),
      required: true,
      label: 'Knowledge Base',
      help: 'The knowledge base to search, picked from the directory.',
      initial: '',
      cbKey: 'knowledgeBaseId',
      placeholder: 'Type a name or id, such as returns-policy-articles',
    }),
    method: field({
      schema: (k) => k.z.enum(KNOWLEDGE_AI_METHODS, { error: 'Method must be PHRASE_SEARCH (Phrase Search).' }).default('PHRASE_SEARCH'),
      label: 'Method',
      help: 'How the knowledge base is searched: Phrase Search, the only method KnowledgeAI offers here.',
      initial: 'PHRASE_SEARCH',
      cbKey: 'method',
    }),
    mode: field({
      schema: (k) => k.z.enum(KNOWLEDGE_AI_MODES, { error: 'Mode must be INTENTS, INTENTS_ONLY or TEXT.' }).default('INTENTS'),
      label: 'Mode',
      help: 'Intents, Intents Only, or Text.',
      initial: 'INTENTS',
      cbKey: 'mode',
    }),
    threshold: field({
      schema: (k) => k.z.enum(KNOWLEDGE_AI_THRESHOLDS, { error: 'Threshold must be VERY_GOOD, GOOD or FAIR_PLUS.' }).default('GOOD'),
      label: 'Threshold',
      help: 'The minimum match score for an article to be returned.',
      initial: 'GOOD',
      cbKey: 'threshold',
    }),
    phrase: field({
      schema: (k) => k.optionalText('Phrase', 2000).default('{$query}'),
      label: 'Phrase',
      help: 'The phrase to search for; {$query} is the user’s message.',
      initial: '{$query}',
      cbKey: 'phrase',
      placeholder: '{$query}',
    }),
    multipleResults: field({
      schema: (k) =>
        k.z
          .number({ error: 'Multiple Results must be a whole number from 1 to 5.' })
          .int('Multiple Results must be a whole number from 1 to 5.')
          .min(1, 'Multiple Results must be at least 1.')
          .max(5, 'Multiple Results must be at most 5.')
          .default(1),
      label: 'Multiple Results',
      help: 'How many articles to return, from 1 to 5.',
      initial: 1,
      cbKey: 'multipleResults',
    }),
  },
  summarize: (values) => [
    { label: 'Knowledge Base', value: textOf(values.knowledgeBaseId) },
    { label: 'Mode', value: textOf(values.mode) },
  ],
  demoSample: JSON.stringify({ results: [{ title: 'Shipping times', summary: 'Orders ship within 2 business days.' }] }, null, 2),
  demo: {
    name: 'FAQ',
    responseDataVariable: 'FAQ',
    knowledgeBaseId: 'customer-care-faq',
    method: 'PHRASE_SEARCH',
    mode: 'INTENTS',
    threshold: 'GOOD',
    phrase: '{$query}',
    multipleResults: 3,
    customDataFields: [{ key: 'answer', value: '{$.api_FAQ.results[0].summary}' }],
  },
});
