import { defineDirectory } from './define-directory';
import {
  CREDENTIAL_FIELD_LABELS,
  CREDENTIAL_SHAPES,
  CREDENTIAL_TYPE_LABELS,
  CREDENTIAL_TYPES,
  type CredentialType,
} from './credential-types';

/** The demo's credential: fixed id, so the demo integrations can refer to it. Its "secret" is demo text. */
export const DEMO_CREDENTIAL_ID = '5e1f0c2a-7d43-4b8e-9a61-3c2d4b5a6f70';

const typeLabel = (type: unknown) => CREDENTIAL_TYPE_LABELS[type as CredentialType] ?? String(type);

/** What API and File integrations authenticate with; secrets are write-only, stored sealed. */
export const credentialsDirectory = defineDirectory({
  kind: 'credentials',
  path: '/api/credentials',
  tag: 'credentials',
  noun: 'credential',
  plural: 'credentials',
  title: 'Credentials',
  lead: 'What API and File integrations authenticate with. Secrets are write-only: stored encrypted, shown only as set or not set.',
  emptyHint: 'Add the credentials your API and File integrations use, so their forms can pick them by name.',
  id: { given: 'server', schema: (k) => k.uuid('credential'), label: 'Id' },
  fields: {
    name: { schema: (k) => k.name('Credential name'), label: 'Name', required: true, placeholder: 'Payments API token' },
    type: {
      schema: (k) => k.oneOf(CREDENTIAL_TYPES, `Type must be one of ${CREDENTIAL_TYPES.join(', ')}.`),
      label: 'Type',
      required: true,
      initial: 'API_KEY',
      createOnly: true,
      options: CREDENTIAL_TYPES.map((value) => ({ value, label: CREDENTIAL_TYPE_LABELS[value] })),
    },
  },
  variants: { by: 'type', shapes: CREDENTIAL_SHAPES, labels: CREDENTIAL_FIELD_LABELS },
  columns: [
    { header: 'Type', cell: (credential) => typeLabel(credential.type) },
    {
      header: 'Secrets',
      cell: (credential) =>
        Object.entries((credential.secretsSet ?? {}) as Record<string, boolean>).map(([key, set]) => ({
          key,
          label: `${CREDENTIAL_FIELD_LABELS[key] ?? key}: ${set ? 'set' : 'not set'}`,
          ok: set,
        })),
    },
  ],
  timestamps: true,
  usages: { field: 'credentialId', types: ['API', 'FILE'] },
  picker: { label: 'Credential', describe: (credential) => typeLabel(credential.type) },
  demo: [
    {
      id: DEMO_CREDENTIAL_ID,
      name: 'Orders API key',
      type: 'API_KEY',
      fields: { headerName: 'X-API-Key' },
      secrets: { apiKey: 'demo-orders-api-key-not-a-real-secret' },
    },
  ],
});
