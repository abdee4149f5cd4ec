import { describe, expect, it } from 'vitest';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { patternMatches } from './cb-patterns';

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
