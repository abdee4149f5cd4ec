import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIntegration, resolveConflicts, sameValue, type ConflictChoice } from './three-way-merge';

type Row = { key: string; value: string };
type Record_ = {
  name: string;
  url: string;
  agentSkillId: string;
  tangoContextEnabled: boolean;
  transformScript: string;
  customDataFields: Row[];
};

/** Who changes a thing: nobody, one side, both the same way, or both differently. */
type Who = 'none' | 'mine' | 'theirs' | 'both-same' | 'both-different';
const who = fc.constantFrom<Who>('none', 'mine', 'theirs', 'both-same', 'both-different');
const SCALARS = ['name', 'url', 'agentSkillId'] as const;
const LINES = 8;

/** A base, then mine and theirs made from it by a plan that says who changed each field, row and script line. */
const scenario = fc
  .record({
    base: fc.record({
      name: fc.string({ maxLength: 8 }),
      url: fc.string({ maxLength: 8 }),
      agentSkillId: fc.string({ maxLength: 8 }),
      tangoContextEnabled: fc.boolean(),
      lines: fc.array(fc.string({ maxLength: 6 }), { minLength: LINES, maxLength: LINES }),
      rows: fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-d]$/), value: fc.string({ minLength: 1, maxLength: 4 }) }), {
        selector: (row) => row.key,
        maxLength: 4,
      }),
    }),
    scalars: fc.tuple(who, who, who, who),
    // One plan per script line, applied only to every other line: diff3 needs unchanged lines between two
    // sides' edits to tell them apart.
    lines: fc.array(who, { minLength: LINES, maxLength: LINES }),
    // Rows by key a-f: a-d may be in the base (changed or deleted), e-f only added.
    rows: fc.array(fc.tuple(who, fc.boolean()), { minLength: 6, maxLength: 6 }),
  })
  .map(({ base: b, scalars, lines, rows }) => {
    const base: Record_ = {
      name: b.name,
      url: b.url,
      agentSkillId: b.agentSkillId,
      tangoContextEnabled: b.tangoContextEnabled,
      transformScript: b.lines.map((line, index) => `${index}:${line}`).join('\n'),
      customDataFields: b.rows,
    };
    const mine: Record_ = structuredClone(base);
    const theirs: Record_ = structuredClone(base);
    const apply = (plan: Who, set: (side: Record_, value: string) => void) => {
      if (plan === 'mine' || plan === 'both-same' || plan === 'both-different') set(mine, 'M');
      if (plan === 'theirs') set(theirs, 'T');
      if (plan === 'both-same') set(theirs, 'M');
      if (plan === 'both-different') set(theirs, 'T');
    };
    SCALARS.forEach((field, index) => apply(scalars[index]!, (side, mark) => (side[field] = `${side[field]}#${mark}`)));
    // Both sides can only flip a boolean the same way: never a conflict.
    apply(scalars[3]!, (side) => (side.tangoContextEnabled = !base.tangoContextEnabled));
    const lineSets = [mine, theirs].map((side) => side.transformScript.split('\n'));
    lines.forEach((plan, index) => {
      if (index % 2) return;
      apply(plan, (side, mark) => {
        const sideLines = lineSets[side === mine ? 0 : 1]!;
        sideLines[index] = `${sideLines[index]}#${mark}`;
      });
    });
    mine.transformScript = lineSets[0]!.join('\n');
    theirs.transformScript = lineSets[1]!.join('\n');
    const rowPlans = new Map<string, Who>();
    'abcdef'.split('').forEach((key, index) => {
      const [plan, remove] = rows[index]!;
      rowPlans.set(key, plan);
      apply(plan, (side, mark) => {
        const at = side.customDataFields.findIndex((row) => row.key === key);
        // A row in the base is changed or (for a side that says so) deleted; one not in it is added.
        if (at === -1) side.customDataFields.push({ key, value: `new-${mark}` });
        else if (remove && mark === 'M') side.customDataFields.splice(at, 1);
        else side.customDataFields[at] = { key, value: `${side.customDataFields[at]!.value}#${mark}` };
      });
    });
    return { base, mine, theirs, scalars, lines, rowPlans };
  });

const rowOf = (record: Record_, key: string) => record.customDataFields.find((row) => row.key === key);

describe('three-way merge of an integration', () => {
  it('never drops a change only one side made', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const { merged } = mergeIntegration(base, mine, theirs);
        for (const field of ['name', 'url', 'agentSkillId', 'tangoContextEnabled'] as const) {
          if (sameValue(base[field], theirs[field]) && !sameValue(base[field], mine[field])) expect(merged[field]).toEqual(mine[field]);
          if (sameValue(base[field], mine[field]) && !sameValue(base[field], theirs[field])) expect(merged[field]).toEqual(theirs[field]);
        }
        for (const key of 'abcdef') {
          const [o, a, c] = [rowOf(base, key), rowOf(mine, key), rowOf(theirs, key)];
          if (sameValue(o, c) && !sameValue(o, a)) expect(rowOf(merged, key)).toEqual(a);
          if (sameValue(o, a) && !sameValue(o, c)) expect(rowOf(merged, key)).toEqual(c);
        }
        const [baseLines, mineLines, theirLines, mergedLines] = [base, mine, theirs, merged].map((r) => r.transformScript.split('\n'));
        const scriptConflict = mergeIntegration(base, mine, theirs).conflicts.some((conflict) => conflict.field === 'transformScript');
        if (!scriptConflict) {
          baseLines!.forEach((line, index) => {
            if (mineLines![index] !== line && theirLines![index] === line) expect(mergedLines![index]).toBe(mineLines![index]);
            if (theirLines![index] !== line && mineLines![index] === line) expect(mergedLines![index]).toBe(theirLines![index]);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports every field both sides changed differently, and nothing else', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs, scalars, lines, rowPlans }) => {
        const ids = new Set(mergeIntegration(base, mine, theirs).conflicts.map((conflict) => conflict.id));
        const expected = new Set<string>();
        SCALARS.forEach((field, index) => scalars[index] === 'both-different' && expected.add(field));
        lines.forEach((plan, index) => index % 2 === 0 && plan === 'both-different' && expected.add('transformScript'));
        for (const [key, plan] of rowPlans) {
          if (plan === 'both-different' && !sameValue(rowOf(mine, key), rowOf(theirs, key)))
            expect(ids.has(`customDataFields:${key}`)).toBe(true);
          if (plan !== 'both-different') expect(ids.has(`customDataFields:${key}`)).toBe(false);
        }
        for (const id of expected) expect(ids.has(id)).toBe(true);
        for (const id of ids) if (!id.startsWith('customDataFields:')) expect(expected.has(id)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('merges the same whichever side saves first', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const one = mergeIntegration(base, mine, theirs);
        const other = mergeIntegration(base, theirs, mine);
        expect(new Set(other.conflicts.map((conflict) => conflict.id))).toEqual(new Set(one.conflicts.map((conflict) => conflict.id)));
        // Every conflict decided for the same side gives the same record.
        const pick = (result: typeof one, side: 'mine' | 'theirs') =>
          resolveConflicts(result, Object.fromEntries(result.conflicts.map((conflict) => [conflict.id, { side } as ConflictChoice])));
        expect(pick(other, 'theirs')).toEqual(pick(one, 'mine'));
        expect(pick(other, 'mine')).toEqual(pick(one, 'theirs'));
      }),
      { numRuns: 500 },
    );
  });

  it('merges custom data fields by key and the transform script by lines', () => {
    const base = {
      transformScript: 'a\nb\nc\nd\ne',
      customDataFields: [
        { key: 'queue', value: 'q' },
        { key: 'skill', value: 's' },
      ],
      name: 'X',
    };
    const mine = {
      ...base,
      transformScript: 'a1\nb\nc\nd\ne',
      customDataFields: [
        { key: 'queue', value: 'q2' },
        { key: 'skill', value: 's' },
      ],
    };
    const theirs = {
      ...base,
      name: 'Y',
      transformScript: 'a\nb\nc\nd\ne1',
      customDataFields: [
        { key: 'queue', value: 'q' },
        { key: 'skill', value: 's' },
        { key: 'lang', value: 'en' },
      ],
    };
    const result = mergeIntegration(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({
      name: 'Y',
      transformScript: 'a1\nb\nc\nd\ne1',
      customDataFields: [
        { key: 'queue', value: 'q2' },
        { key: 'skill', value: 's' },
        { key: 'lang', value: 'en' },
      ],
    });
    const clash = mergeIntegration(base, { ...mine, name: 'Z' }, { ...theirs, customDataFields: [{ key: 'queue', value: 'q3' }] });
    expect(clash.conflicts.map((conflict) => conflict.id).sort()).toEqual(['customDataFields:queue', 'name']);
    expect(resolveConflicts(clash, { name: { value: 'Edited' }, 'customDataFields:queue': { side: 'theirs' } })).toMatchObject({
      name: 'Edited',
      customDataFields: [{ key: 'queue', value: 'q3' }],
    });
  });
});
