import { SECRET_MASK } from '../../domain/environments';

/**
 * The answer of a run with every secret value masked wherever the script printed, set or sent it: the run
 * sees the value, what it shows of it does not. Plain substring replacement (no pattern is built from the
 * values), longest first, so a secret that contains another is masked whole.
 */
export function maskSecrets<T>(output: T, secrets: readonly string[]): T {
  const values = [...new Set(secrets.filter((secret) => secret !== ''))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return output;
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string')
      return values.reduce((text, secret) => (text.includes(secret) ? text.split(secret).join(SECRET_MASK) : text), value);
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, mask(member)]));
    return value;
  };
  return mask(output) as T;
}
