/** The credential types Conversation Builder offers for API and File integrations. */
export const CREDENTIAL_TYPES = ['OAUTH2', 'BASIC', 'API_KEY', 'BEARER'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
  OAUTH2: 'OAuth 2.0 (client credentials)',
  BASIC: 'Basic authentication',
  API_KEY: 'API key',
  BEARER: 'Bearer token',
};

/**
 * Each type's fields: `fields` are shown and returned; `secrets` are write-only, stored encrypted and
 * answered only as "set" or "not set".
 */
export const CREDENTIAL_SHAPES = {
  OAUTH2: { fields: ['tokenUrl', 'clientId', 'scope'], secrets: ['clientSecret'] },
  BASIC: { fields: ['username'], secrets: ['password'] },
  API_KEY: { fields: ['headerName'], secrets: ['apiKey'] },
  BEARER: { fields: [], secrets: ['token'] },
} as const satisfies Record<CredentialType, { fields: readonly string[]; secrets: readonly string[] }>;

export const CREDENTIAL_FIELD_LABELS: Record<string, string> = {
  tokenUrl: 'Token URL',
  clientId: 'Client ID',
  scope: 'Scope',
  clientSecret: 'Client secret',
  username: 'Username',
  password: 'Password',
  headerName: 'Header name',
  apiKey: 'API key',
  token: 'Token',
};
