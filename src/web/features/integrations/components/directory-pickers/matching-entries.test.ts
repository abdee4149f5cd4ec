import { describe, expect, it } from 'vitest';
import { deploymentWarning } from '../../../../../domain/directories/functions';
import { lookUpEntry, matchingEntries } from './matching-entries';

const FUNCTIONS = [
  { id: 'loyalty-points-lookup', name: 'Loyalty points lookup', state: 'Productive' as const },
  { id: '5b4b4f52-7d0e', name: 'Order refund check', state: 'Draft' as const },
];

describe('directory pickers', () => {
  it('search by part of the name or the start of the id; a picked id offers every entry again', () => {
    expect(matchingEntries(FUNCTIONS, 'REFUND').map((fn) => fn.name)).toEqual(['Order refund check']);
    expect(matchingEntries(FUNCTIONS, '5b4b').map((fn) => fn.name)).toEqual(['Order refund check']);
    expect(matchingEntries(FUNCTIONS, 'points-')).toEqual([]);
    expect(matchingEntries(FUNCTIONS, 'loyalty-points-lookup')).toHaveLength(2);
    expect(matchingEntries(FUNCTIONS, '')).toHaveLength(2);
  });

  it('warn about an id the directory lacks, pointing at a name that matches it, and never block', () => {
    expect(lookUpEntry(FUNCTIONS, 'loyalty-points-lookup', 'function')).toEqual({ entry: FUNCTIONS[0], warning: undefined });
    expect(lookUpEntry(FUNCTIONS, 'order refund check', 'function').warning).toContain(
      'Did you mean “Order refund check” (5b4b4f52-7d0e)?',
    );
    expect(lookUpEntry(FUNCTIONS, 'gone', 'function').warning).toContain('“gone” is not in the function directory');
    // Nothing to check: empty, a variable resolved at run time, or no directory (loading or failed).
    expect(lookUpEntry(FUNCTIONS, '', 'function').warning).toBeUndefined();
    expect(lookUpEntry(FUNCTIONS, '{$botContext.fn}', 'function').warning).toBeUndefined();
    expect(lookUpEntry(undefined, 'gone', 'function').warning).toBeUndefined();
  });

  it('warn when the picked function is not deployed', () => {
    expect(deploymentWarning(FUNCTIONS[0]!)).toBeUndefined();
    expect(deploymentWarning(FUNCTIONS[1]!)).toContain('not deployed');
    expect(deploymentWarning({ name: 'Edited', state: 'Modified' })).toContain('last deployed version');
  });
});
