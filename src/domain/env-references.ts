/**
 * `{$env.NAME}` references: where an integration uses them, and what they resolve to in an environment
 * (secrets masked). Free of zod, so the integration form loads it with its first chunk.
 */
import type { EnvironmentVariable } from './environments';

/** What a printed secret becomes: its length is not told either. */
export const SECRET_MASK = '••••••';

const ENV_REFERENCE = /\{\$env\.([A-Za-z_][A-Za-z0-9_.]*)\}/g;

/** The `{$env.NAME}` names a text uses, in order, each once. */
export function envNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(ENV_REFERENCE)].map((match) => match[1]!))];
}

interface EnvReference {
  name: string;
  /** The field's path in the integration: `url`, `headers.0.value`, `customDataFields.2.value`. */
  field: string;
}

const NOT_TEXT_FIELDS = new Set(['id', 'botId', 'type', 'createdAt', 'updatedAt', 'version', 'transformScript']);

/**
 * Every `{$env.NAME}` an integration's text fields use (URL, headers, body, parameters, skill and agent ids,
 * message, custom data values, email fields, function and knowledge-base ids), with the field it is in.
 * The script reads variables with getEnvVariable, which is not text resolution, so it is left out.
 */
export function envReferencesOf(integration: Readonly<Record<string, unknown>>): EnvReference[] {
  const found: EnvReference[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const name of envNamesIn(value)) found.push({ name, field: path });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) visit(member, `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(integration)) {
    if (!NOT_TEXT_FIELDS.has(key)) visit(value, key);
  }
  return found;
}

/** What the form shows beside a field: the text with each reference filled in, secrets masked, and the names missing. */
export function resolveEnvText(
  text: string,
  variables: readonly EnvironmentVariable[],
): { text: string; missing: string[]; usesSecret: boolean } {
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const missing: string[] = [];
  let usesSecret = false;
  const resolved = text.replace(ENV_REFERENCE, (reference, name: string) => {
    const variable = byName.get(name);
    if (!variable) {
      missing.push(name);
      return reference;
    }
    if (variable.secret) {
      usesSecret = true;
      return SECRET_MASK;
    }
    return variable.value;
  });
  return { text: resolved, missing, usesSecret };
}

/** The rows a preview or a Test run reads `{$env.X}` from: secrets as the mask, since the browser never has them. */
export function previewRowsOf(variables: readonly EnvironmentVariable[]): Array<{ key: string; value: string }> {
  return variables.map((variable) => ({ key: variable.name, value: variable.secret ? SECRET_MASK : variable.value }));
}

/**
 * What a directory check reads: the text with its references filled in when the environment has them all
 * (and none is secret: the browser never has those); else the text as it is, which checks leave alone.
 */
export function resolvedForCheck(text: string, variables: readonly EnvironmentVariable[] | null | undefined): string {
  if (!variables || envNamesIn(text).length === 0) return text;
  const resolved = resolveEnvText(text, variables);
  return resolved.missing.length > 0 || resolved.usesSecret ? text : resolved.text;
}
