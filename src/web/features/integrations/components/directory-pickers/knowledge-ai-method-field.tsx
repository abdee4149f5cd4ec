import { KNOWLEDGE_AI_METHODS } from '../../../../../domain/integration-types';
import { SelectField } from '../../../../components/form/select-field';

const METHOD_LABELS: Record<(typeof KNOWLEDGE_AI_METHODS)[number], string> = {
  PHRASE_SEARCH: 'Phrase Search',
};

/** KnowledgeAI's Method: always Phrase Search, as the reference says; a select so a second method fits later. */
export function KnowledgeAiMethodField({ name, required, help }: { name: string; required: boolean; help: string | undefined }) {
  return (
    <SelectField
      name={name}
      label="Method"
      required={required}
      help={help ?? 'How the knowledge base is searched. KnowledgeAI integrations always use Phrase Search.'}
      options={KNOWLEDGE_AI_METHODS.map((method) => ({
        value: method,
        label: METHOD_LABELS[method],
      }))}
    />
  );
}
