import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_OPENERS_IN_CODE, FIELD_OPENERS_IN_TEXT, fieldReads, replaceFound, variableReads } from './reference-scan';

/* The regular expressions the scanner replaced, as the reference on generated texts (the names here are the test's own). */
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A JavaScript identifier goes on with ID_Continue, `$`, ZWNJ and ZWJ: `api_ab$x` and `api_abé` are other names.
const WORD = '[\\p{ID_Continue}$\\u200c\\u200d]';
const variableRegExp = (rdv: string, withStatus: boolean) =>
  new RegExp(`(?<!${WORD})api_${escape(rdv)}${withStatus ? '(?:Status)?' : ''}(?!${WORD})`, 'gu');
const fieldRegExp = (name: string | null, openers: string) =>
  new RegExp(`(?<=[${escape(openers)}])(${name === null ? '[A-Za-z][A-Za-z0-9_]*' : escape(name)})\\.([A-Za-z0-9_]+)`, 'g');

const unit = fc.constantFrom('a', 'b', 'S', 't', '_', '1', '.', '{', '}', "'", '"', '`', ' ', '$', 'é', '𝒜', '\u200d', '-');
const text = fc
  .array(fc.oneof(unit, fc.constantFrom('api_ab', 'Status', 'ab.', '{ab.', 'a.b')), { maxLength: 24 })
  .map((parts) => parts.join(''));
const name = fc.constantFrom('ab', 'a', 'a.b', 'a$b', 'ab{');

describe('references found by scanning, not by a pattern made of the name', () => {
  it('finds what the regular expressions found, at the same places', () => {
    fc.assert(
      fc.property(text, name, fc.boolean(), (value, rdv, withStatus) => {
        const expected = [...value.matchAll(variableRegExp(rdv, withStatus))].map((m) => ({ index: m.index, length: m[0].length }));
        expect(variableReads(value, rdv, withStatus)).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(text, fc.option(name), fc.constantFrom(FIELD_OPENERS_IN_CODE, FIELD_OPENERS_IN_TEXT), (value, subject, openers) => {
        const expected = [...value.matchAll(fieldRegExp(subject, openers))].map((m) => ({
          index: m.index,
          length: m[0].length,
          name: m[1],
          key: m[2],
        }));
        expect(fieldReads(value, subject, openers)).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('replaces with the text given, `$` included', () => {
    const value = "{Esc.key} getBotVariable('Esc.other') api_esc";
    const renamed = replaceFound(value, fieldReads(value, 'Esc', FIELD_OPENERS_IN_CODE), (read) => `New$&.${read.key}`);
    expect(renamed).toBe("{New$&.key} getBotVariable('New$&.other') api_esc");
  });
});
