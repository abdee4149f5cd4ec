import { useState } from 'react';
import { type Credential } from '../../../../domain/directories/credential';
import {
  CREDENTIAL_FIELD_LABELS,
  CREDENTIAL_SHAPES,
  CREDENTIAL_TYPE_LABELS,
  CREDENTIAL_TYPES,
  type CredentialType,
} from '../../../../domain/directories/credential-types';
import { useCreateEntry } from '../api/directory-api';
import { AddEntryForm, PlainInput, PlainSelect } from './add-entry-form';

/** Name, type and that type's fields; secrets are password inputs, sent once and never shown again. */
export function AddCredentialForm() {
  const [name, setName] = useState('');
  const [type, setType] = useState<CredentialType>('API_KEY');
  const [values, setValues] = useState<Record<string, string>>({});
  const mutation = useCreateEntry<unknown, Credential>('credentials');
  const shape = CREDENTIAL_SHAPES[type];
  const set = (key: string, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const submit = async () => {
    const fields = Object.fromEntries(shape.fields.map((key) => [key, values[key] ?? '']));
    const secrets = Object.fromEntries(shape.secrets.flatMap((key) => (values[key] ? [[key, values[key]]] : [])));
    return (await mutation.mutateAsync({ name, type, fields, secrets })).name;
  };
  return (
    <AddEntryForm
      title="Add credential"
      submitLabel="Add credential"
      pending={mutation.isPending}
      onSubmit={submit}
      onAdded={() => {
        setName('');
        setValues({});
      }}
    >
      {(errors) => (
        <>
          <PlainInput
            id="credential-name"
            label="Name"
            required
            value={name}
            onChange={setName}
            error={errors.name}
            placeholder="Orders API key"
          />
          <PlainSelect
            id="credential-type"
            label="Type"
            value={type}
            options={CREDENTIAL_TYPES.map((value) => ({
              value,
              label: CREDENTIAL_TYPE_LABELS[value],
            }))}
            onChange={setType}
          />
          {shape.fields.map((key) => (
            <PlainInput
              key={key}
              id={`credential-${key}`}
              label={CREDENTIAL_FIELD_LABELS[key]!}
              value={values[key] ?? ''}
              onChange={(value) => set(key, value)}
              error={errors[`fields.${key}`]}
            />
          ))}
          {shape.secrets.map((key) => (
            <PlainInput
              key={key}
              id={`credential-${key}`}
              type="password"
              label={CREDENTIAL_FIELD_LABELS[key]!}
              value={values[key] ?? ''}
              onChange={(value) => set(key, value)}
              error={errors[`secrets.${key}`]}
              help="Write-only: stored encrypted, never shown again."
            />
          ))}
        </>
      )}
    </AddEntryForm>
  );
}
