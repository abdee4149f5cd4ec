import type { IntegrationValues } from '../../domain/integration';
import type { ImportPlan } from './plan-import';

export interface CredentialRef {
  id: string;
  name: string;
}

const usesCredential = (values: IntegrationValues | null): values is Extract<IntegrationValues, { credentialId: string }> =>
  values !== null && (values.type === 'API' || values.type === 'FILE') && values.credentialId !== '';

/**
 * Points the plan's API and File integrations at this account's credentials. A CB file names the
 * credential (`credentialName`: ids differ between accounts), matched ignoring case; a native file
 * carries the id, which must exist here. One the account lacks becomes a problem of the plan: the
 * import would otherwise save an integration that fails only when the bot runs.
 */
export function mapPlanCredentials(plan: ImportPlan, directory: CredentialRef[]): void {
  const byName = new Map(directory.map((credential) => [credential.name.toLowerCase(), credential.id]));
  const ids = new Set(directory.map((credential) => credential.id));
  for (const item of plan.integrations) {
    const values = item.values;
    if (!usesCredential(values)) continue;
    const written = values.credentialId;
    const id = plan.format === 'cb' ? byName.get(written.toLowerCase()) : ids.has(written) ? written : byName.get(written.toLowerCase());
    if (id) {
      values.credentialId = id;
      continue;
    }
    item.problems.push({
      path: 'credentialId',
      sourcePath: plan.format === 'cb' ? `responder.${item.index}.credentialName` : `integrations.${item.index}.credentialId`,
      message: `Credential "${written}" is not one of this account's credentials: add a credential with that name under Credentials, or pick another in the file.`,
    });
    plan.problemCount += 1;
    plan.valid = false;
  }
}

/** For a CB file: each credential id becomes the credential's name, which is what another account can match. */
export function withCredentialNames<T extends IntegrationValues>(values: T, directory: CredentialRef[]): T {
  if (!usesCredential(values)) return values;
  const found = directory.find((credential) => credential.id === values.credentialId);
  return found ? { ...values, credentialId: found.name } : values;
}
