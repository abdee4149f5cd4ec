import { defineDirectory } from './define-directory';

/** KnowledgeAI's two kinds: content stored in KnowledgeAI, or searched in an external CMS through it. */
const KNOWLEDGE_BASE_TYPES = ['internal', 'external'] as const;
type KnowledgeBaseType = (typeof KNOWLEDGE_BASE_TYPES)[number];
const TYPE_LABELS: Record<KnowledgeBaseType, string> = { internal: 'Internal', external: 'External' };

/** The KnowledgeAI knowledge bases that KnowledgeAI integrations search. */
export const knowledgeBasesDirectory = defineDirectory({
  kind: 'knowledge-bases',
  path: '/api/knowledge-bases',
  tag: 'knowledge-bases',
  noun: 'knowledge base',
  plural: 'knowledge bases',
  title: 'Knowledge bases',
  lead: 'The KnowledgeAI knowledge bases that KnowledgeAI integrations search.',
  emptyHint: 'Add the knowledge bases of your account, so KnowledgeAI forms can pick them.',
  id: {
    given: 'optional',
    schema: (k) => k.entryId('Knowledge base'),
    label: 'Id',
    help: "KnowledgeAI's id; left empty, a new one is made.",
  },
  fields: {
    name: { schema: (k) => k.name('Knowledge base name'), label: 'Name', required: true, placeholder: 'Returns policy articles' },
    type: {
      schema: (k) => k.oneOf(KNOWLEDGE_BASE_TYPES, 'Type must be internal or external.'),
      label: 'Type',
      default: 'internal',
      options: KNOWLEDGE_BASE_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] })),
    },
    language: { schema: (k) => k.languageTag(), label: 'Language', default: 'en-US' },
  },
  columns: [
    { header: 'Type', cell: (kb) => (kb.type === 'external' ? 'External' : 'Internal') },
    { header: 'Language', cell: (kb) => String(kb.language ?? '') },
  ],
  remote: { hostVariable: 'LP_KNOWLEDGEAI_DOMAIN', source: 'KnowledgeAI' },
  usages: { field: 'knowledgeBaseId', types: ['KNOWLEDGE_AI'] },
  picker: {
    label: 'Knowledge Base',
    describe: (kb) => `${String(kb.type)}${kb.language ? ` · ${String(kb.language)}` : ''}`,
  },
  demo: [
    { id: 'customer-care-faq', name: 'Customer Care FAQ', type: 'internal', language: 'en-US' },
    { id: 'product-manuals', name: 'Product manuals', type: 'external', language: 'en-US' },
  ],
});
