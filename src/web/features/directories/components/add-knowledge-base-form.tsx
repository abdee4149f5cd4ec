import { useState } from 'react';
import { KNOWLEDGE_BASE_TYPES, type KnowledgeBaseEntry, type KnowledgeBaseType } from '../../../../domain/directories/knowledge-base';
import { useCreateEntry } from '../api/directory-api';
import { AddEntryForm, PlainInput, PlainSelect } from './add-entry-form';

export function AddKnowledgeBaseForm() {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [type, setType] = useState<KnowledgeBaseType>('internal');
  const [language, setLanguage] = useState('en-US');
  const mutation = useCreateEntry<unknown, KnowledgeBaseEntry>('knowledge-bases');
  return (
    <AddEntryForm
      title="Add knowledge base"
      submitLabel="Add knowledge base"
      pending={mutation.isPending}
      onSubmit={async () =>
        (
          await mutation.mutateAsync({
            name,
            type,
            language,
            ...(id.trim() ? { id: id.trim() } : {}),
          })
        ).name
      }
      onAdded={() => {
        setName('');
        setId('');
      }}
    >
      {(errors) => (
        <>
          <PlainInput
            id="kb-name"
            label="Name"
            required
            value={name}
            onChange={setName}
            error={errors.name}
            placeholder="Customer Care FAQ"
          />
          <PlainInput
            id="kb-id"
            label="Id"
            value={id}
            onChange={setId}
            error={errors.id}
            help="KnowledgeAI's id; left empty, a new one is made."
          />
          <PlainSelect
            id="kb-type"
            label="Type"
            value={type}
            options={KNOWLEDGE_BASE_TYPES.map((value) => ({
              value,
              label: value === 'internal' ? 'Internal' : 'External',
            }))}
            onChange={setType}
          />
          <PlainInput id="kb-language" label="Language" value={language} onChange={setLanguage} error={errors.language} />
        </>
      )}
    </AddEntryForm>
  );
}
