import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { compilePattern, matchesCompiled, patternMatches } from './cb-patterns';

describe('dialog starter patterns as Conversation Builder reads them', () => {
  it.each([
    ['__agent_escalation_failed__', true],
    ['__AGENT_ESCALATION_FAILED__', true],
    ['*escalation_failed*', true],
    ['__agent_*', true],
    ['*', true],
    ['(__agent_escalation_failed__|failed transfer)', true],
    ['(hi|__agent_escalation_(failed|lost)__)', true],
    ['agent escalation failed', false],
    ['__agent_escalation_failed', false],
    ['(hi|hello|hey)*', false],
    ['*(nice|good|pleased) to (meet|see)*', false],
    ['__agent.escalation.failed__', false],
    ['(unbalanced*', false],
  ])('%s → %s', (pattern, expected) => {
    expect(patternMatches(pattern, AGENT_ESCALATION_FAILED)).toBe(expected);
  });

  it('matches the whole message, ignoring case, with wildcards and alternatives', () => {
    expect(patternMatches('(hi|hello|hey)*', 'Hello there')).toBe(true);
    expect(patternMatches('(hi|hello|hey)*', 'oh hello')).toBe(false);
    expect(patternMatches("(gday|g'day)*", "G'day mate")).toBe(true);
    expect(patternMatches('good (morning|afternoon|evening)*', 'good evening!')).toBe(true);
    expect(patternMatches('a.b', 'axb')).toBe(false);
    expect(patternMatches('(unbalanced*', '(unbalanced and more')).toBe(true);
  });
});

/**
 * The backtracking reading the matcher replaced, as the reference on inputs small enough for it. One
 * change: parentheses that close before they open (`)(`) are text, as other unbalanced ones were; the
 * old reading let them close its own `^(?:…)$` wrapper, so `a)|(b` matched any message ending in b.
 */
function referenceMatches(pattern: string, message: string): boolean {
  const trimmed = pattern.trim();
  let depth = 0;
  for (const unit of trimmed) if ((depth += unit === '(' ? 1 : unit === ')' ? -1 : 0) < 0) break;
  const regExp =
    depth === 0
      ? new RegExp(
          `^(?:${trimmed
            .replace(/[.+?^${}[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\(/g, '(?:')})$`,
          'is',
        )
      : new RegExp(`^${trimmed.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'is');
  return regExp.test(message.trim());
}

/** Median time of `runs` rounds of `work`, each repeated enough to rise above the timer's resolution. */
function medianMs(work: () => void, runs = 7, repeat = 20): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (let index = 0; index < repeat; index += 1) work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('starter patterns from imported bots are matched in linear time', () => {
  const long = `${'a'.repeat(4_000)}${AGENT_ESCALATION_FAILED}${' hello'.repeat(500)}`;
  const adversarial: Array<[string, string, string, boolean]> = [
    ['K stars then x, on the escalation message', `${'*'.repeat(12)}x`, AGENT_ESCALATION_FAILED, false],
    ['K stars then x, on a long message', `${'*'.repeat(12)}x`, long, false],
    ['stars between letters', `${'*a'.repeat(12)}*x`, long, false],
    ['stars between letters that match', `${'*a'.repeat(12)}*o`, long, true],
    ['nested alternatives', `${'(a|*('.repeat(8)}x${')|b)'.repeat(8)}*y`, long, false],
    ['alternatives of stars', `(${Array.from({ length: 12 }, () => '*a*').join('|')})x`, long, false],
  ];

  it.each(adversarial)('%s costs about what one * costs, per pattern character', (_, pattern, message, expected) => {
    const trivial = compilePattern('*');
    const hostile = compilePattern(pattern);
    expect(matchesCompiled(hostile, message)).toBe(expected);
    const floor = medianMs(() => matchesCompiled(trivial, message));
    const cost = medianMs(() => matchesCompiled(hostile, message));
    // The automaton holds at most one state per pattern character: a backtracking match grows as |message|^K.
    expect(cost / floor).toBeLessThan(pattern.length * 4);
  });

  it('agrees with the regular-expression reading on small patterns and messages', () => {
    const unit = fc.constantFrom('a', 'A', 'b', 'x', 'é', 'É', 'ß', '*', '(', ')', '|', ' ', '.', '?', '\\', '\n');
    const text = (maxLength: number) => fc.array(unit, { maxLength }).map((units) => units.join(''));
    fc.assert(
      fc.property(text(10), text(10), (pattern, message) => {
        expect(patternMatches(pattern, message)).toBe(referenceMatches(pattern, message));
      }),
      { numRuns: 3_000 },
    );
  });
});
