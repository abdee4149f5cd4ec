import type { IntegrationValues } from '../../domain/integration';
import type { ImportPlan } from './plan-import';

interface CredentialRef {
  id: string;
  name: string;
}

const usesCredential = (values: IntegrationValues | null): values is Extract<IntegrationValues, { credentialId: string }> =>
  values !== null && (values.type === 'API' || values.type === 'FILE') && values.credentialId !== '';

/** The host (and port) a URL names, in lower case; null when it names none (a template, a relative path). */
export function hostOf(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#\s]+)/i.exec(url.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** The hosts each credential's integrations call now, by credential id. */
export type CredentialHosts = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Points the plan's API and File integrations at this account's credentials. A CB file names the
 * credential (`credentialName`: ids differ between accounts), matched ignoring case; a native file
 * carries the id, which must exist here. One the account lacks becomes a problem of the plan: the
 * import would otherwise save an integration that fails only when the bot runs.
 */
export function mapPlanCredentials(plan: ImportPlan, directory: CredentialRef[], knownHosts: CredentialHosts): void {
  const byName = new Map(directory.map((credential) => [credential.name.toLowerCase(), credential.id]));
  const ids = new Set(directory.map((credential) => credential.id));
  for (const item of plan.integrations) {
    const values = item.values;
    if (!usesCredential(values)) continue;
    const written = values.credentialId;
    const id = plan.format === 'cb' ? byName.get(written.toLowerCase()) : ids.has(written) ? written : byName.get(written.toLowerCase());
    if (id) {
      values.credentialId = id;
      warnOfNewHost(
        plan,
        item,
        values,
        directory.find((credential) => credential.id === id)!,
        knownHosts.get(id),
      );
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

/**
 * A file can bind one of this account's credentials to any URL: its secrets would then be sent to that
 * host when the bot runs. A host the credential's integrations do not call yet is worth a look before
 * importing: a warning (not a problem: the import may be meant), naming the credential and the hosts.
 */
function warnOfNewHost(
  plan: ImportPlan,
  item: ImportPlan['integrations'][number],
  values: Extract<IntegrationValues, { credentialId: string }>,
  credential: CredentialRef,
  known: ReadonlySet<string> | undefined,
): void {
  const host = hostOf(values.url);
  if (!host || !known || known.size === 0 || known.has(host)) return;
  const before = [...known].sort().map((name) => `"${name}"`);
  item.warnings.push({
    path: 'url',
    sourcePath: plan.format === 'cb' ? `responder.${item.index}.webhook` : `integrations.${item.index}.url`,
    message: `Credential "${credential.name}" is used with ${before.join(', ')} in this account, and this file sends it to "${host}": import only if "${host}" may receive its secrets.`,
  });
}

/** For a CB file: each credential id becomes the credential's name, which is what another account can match. */
export function withCredentialNames<T extends IntegrationValues>(values: T, directory: CredentialRef[]): T {
  if (!usesCredential(values)) return values;
  const found = directory.find((credential) => credential.id === values.credentialId);
  return found ? { ...values, credentialId: found.name } : values;
}
