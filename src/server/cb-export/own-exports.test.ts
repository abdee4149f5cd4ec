import { describe, expect, it } from 'vitest';
import { planImportText } from './plan-import';
import { OWN_EXPORTS } from './testing/own-exports';

describe("the project's own CB exports", () => {
  it.each(Object.keys(OWN_EXPORTS))('%s imports with no problems', (file) => {
    const result = planImportText(OWN_EXPORTS[file]!);
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.problemCount, JSON.stringify(result.plan.integrations.map((item) => item.problems))).toBe(0);
  });
});
