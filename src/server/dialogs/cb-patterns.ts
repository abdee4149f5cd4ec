/*
 * Dialog starter patterns as Conversation Builder reads them: the whole message, ignoring case,
 * `*` for any text (also none), `(a|b)` for alternatives, everything else literal.
 */

const LITERAL = /[.+?^${}[\]\\]/g;

/** The pattern as a regular expression; an unbalanced one is read literally (but for `*`) rather than failing. */
export function patternToRegExp(pattern: string): RegExp {
  const body = pattern.trim().replace(LITERAL, '\\$&').replace(/\*/g, '.*').replace(/\(/g, '(?:');
  try {
    return new RegExp(`^(?:${body})$`, 'is');
  } catch {
    const literal = pattern
      .trim()
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*');
    return new RegExp(`^${literal}$`, 'is');
  }
}

export function patternMatches(pattern: string, message: string): boolean {
  return patternToRegExp(pattern).test(message.trim());
}
