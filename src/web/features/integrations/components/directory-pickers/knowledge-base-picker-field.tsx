import { KNOWLEDGE_AI_METHODS } from '../../../../../domain/integration-types';
import { SelectField } from '../../../../components/form/select-field';
import { DirectoryComboboxField, type PickerFieldProps } from './directory-combobox-field';
import { useResourceDirectories } from './resource-directories-context';

const METHOD_LABELS: Record<(typeof KNOWLEDGE_AI_METHODS)[number], string> = {
  PHRASE_SEARCH: 'Phrase Search',
};

/** KnowledgeAI: Knowledge Base, picked from the knowledge bases; the integration stores its id. */
export function KnowledgeBasePickerField({ name, required, help, placeholder }: PickerFieldProps) {
  const { knowledgeBases } = useResourceDirectories();
  return (
    <DirectoryComboboxField
      name={name}
      label="Knowledge Base"
      required={required}
      help={help}
      placeholder={placeholder}
      noun="knowledge base"
      items={knowledgeBases.items}
      isError={knowledgeBases.isError}
      describe={(kb) => (
        <span className="combobox__meta">
          {kb.type}
          {kb.language ? ` · ${kb.language}` : ''}
        </span>
      )}
    />
  );
}

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
