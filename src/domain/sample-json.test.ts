import { describe, expect, it } from 'vitest';
import { describeJsonTextError, findJsonTextError } from './sample-json';

describe('checking the sample raw result', () => {
  it('accepts any JSON value', () => {
    for (const text of ['{"a": [1, 2]}', '[]', '"text"', '42', 'null', '  {\n}\n']) expect(findJsonTextError(text), text).toBeNull();
  });

  it('says on which line and column the text stops being JSON', () => {
    const error = findJsonTextError('{\n  "a": 1,\n  b: 2\n}');
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error?.message).not.toMatch(/position|line \d/);
  });

  it('points past the end when the text stops too early', () => {
    expect(findJsonTextError('{"a": [1, 2')).toMatchObject({ line: 1, column: 12 });
  });

  it('refuses an empty sample with an example', () => {
    expect(findJsonTextError('  ')).toEqual({
      message: 'The sample is empty: paste the raw result as JSON, e.g. {"items": []}',
      line: 1,
      column: 1,
    });
  });

  it('describes the error as a sentence', () => {
    const error = findJsonTextError("{'a': 1}");
    expect(error && describeJsonTextError(error)).toMatch(/^Not valid JSON at line 1, column 2: .+\.$/);
  });
});
