import { useState } from 'react';
import { FUNCTION_STATES, type FunctionState, type LpFunctionEntry } from '../../../../domain/directories/lp-function';
import { useCreateEntry } from '../api/directory-api';
import { AddEntryForm, PlainInput, PlainSelect } from './add-entry-form';

export function AddFunctionForm() {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [description, setDescription] = useState('');
  const [state, setState] = useState<FunctionState>('Productive');
  const mutation = useCreateEntry<unknown, LpFunctionEntry>('functions');
  return (
    <AddEntryForm
      title="Add function"
      submitLabel="Add function"
      pending={mutation.isPending}
      onSubmit={async () =>
        (
          await mutation.mutateAsync({
            name,
            description,
            state,
            ...(id.trim() ? { id: id.trim() } : {}),
          })
        ).name
      }
      onAdded={() => {
        setName('');
        setId('');
        setDescription('');
      }}
    >
      {(errors) => (
        <>
          <PlainInput
            id="function-name"
            label="Name"
            required
            value={name}
            onChange={setName}
            error={errors.name}
            placeholder="Loyalty points lookup"
          />
          <PlainInput
            id="function-id"
            label="Id"
            value={id}
            onChange={setId}
            error={errors.id}
            help="The lambda's UUID; left empty, a new one is made."
          />
          <PlainInput
            id="function-description"
            label="Description"
            value={description}
            onChange={setDescription}
            error={errors.description}
          />
          <PlainSelect
            id="function-state"
            label="State"
            value={state}
            options={FUNCTION_STATES.map((value) => ({ value, label: value }))}
            onChange={setState}
          />
        </>
      )}
    </AddEntryForm>
  );
}
