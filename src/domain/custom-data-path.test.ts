import { describe, expect, it } from 'vitest';
import { apiPathsOf, evaluateCustomDataValue, parseJsonPath, type PathContext } from './custom-data-path';

const data = {
  api_X: {
    a: { b: 'deep', n: 42, t: true, nil: null, obj: { k: [1, 2] } },
    stores: [
      { city: 'Boston', hours: [{ day: 'Mon' }, { day: 'Tue' }], zip: '02108' },
      { city: 'Denver', hours: [{ day: 'Sat' }] },
    ],
    empty: [],
    'odd key': 'quoted',
  },
};

const context = (overrides: Partial<PathContext> = {}): PathContext => ({
  data,
  botVariables: new Map<string, string | null>([
    ['firstName', 'Ada'],
    ['unset', null],
  ]),
  envVariables: new Map([['region', 'EU']]),
  ...overrides,
});

const evaluate = (expression: string, ctx = context()) => evaluateCustomDataValue(expression, ctx);

describe('custom data field values (reference §2.4)', () => {
  it('reads a dotted path as text; numbers and booleans as their text; objects as JSON text', () => {
    expect(evaluate('{$.api_X.a.b}')).toEqual({ value: 'deep', note: null });
    expect(evaluate('{$.api_X.a.n}').value).toBe('42');
    expect(evaluate('{$.api_X.a.t}').value).toBe('true');
    expect(evaluate('{$.api_X.a.obj}').value).toBe('{"k":[1,2]}');
    expect(evaluate('{$.api_X.stores[1]}').value).toBe(JSON.stringify(data.api_X.stores[1]));
  });

  it('indexes arrays with [0], including a top-level array', () => {
    const jService = { api_jService: [{ answer: 'Mercury', category: { title: 'Astronomy' } }] };
    expect(evaluate('{$.api_jService[0].answer}', context({ data: jService })).value).toBe('Mercury');
    expect(evaluate('{$.api_jService[0].category.title}', context({ data: jService })).value).toBe('Astronomy');
    expect(evaluate('{$.api_X.stores[1].city}').value).toBe('Denver');
  });

  it('iterates with [i]: one value per element, in order', () => {
    expect(evaluate('{$.api_X.stores[i].city}')).toEqual({ value: ['Boston', 'Denver'], note: null });
    expect(evaluate('{$.api_X.empty[i].name}')).toEqual({ value: [], note: null });
  });

  it('keeps one entry per element when some elements lack the field, and says so', () => {
    const result = evaluate('{$.api_X.stores[i].zip}');
    expect(result.value).toEqual(['02108', '']);
    expect(result.note).toBe('1 of 2 elements have nothing at $.api_X.stores[1].zip, shown as empty text.');
  });

  it('flattens a second [i] inside the elements', () => {
    expect(evaluate('{$.api_X.stores[i].hours[i].day}').value).toEqual(['Mon', 'Tue', 'Sat']);
  });

  it('gives null, with the reason, when the path finds nothing', () => {
    expect(evaluate('{$.api_X.a.missing}')).toEqual({ value: null, note: '$.api_X.a.missing finds nothing in the result.' });
    expect(evaluate('{$.api_Other.a}')).toEqual({ value: null, note: '$.api_Other finds nothing in the result.' });
    expect(evaluate('{$.api_X.a.nil}').value).toBeNull();
    expect(evaluate('{$.api_X.stores[5].city}').value).toBeNull();
    expect(evaluate('{$.api_X.a[i].b}')).toEqual({ value: null, note: '$.api_X.a is not a list, so [i] has nothing to iterate.' });
    expect(evaluate('{$.api_X.stores[i].city}', context({ data: undefined })).value).toBeNull();
  });

  it('keeps the text around placeholders and fills several placeholders', () => {
    expect(evaluate('Deep: {$.api_X.a.b} / {$.api_X.a.n}!').value).toBe('Deep: deep / 42!');
    expect(evaluate('no placeholder at all')).toEqual({ value: 'no placeholder at all', note: null });
  });

  it('repeats the surrounding text for each element, and walks several [i] placeholders in step', () => {
    expect(evaluate('City: {$.api_X.stores[i].city} ({$.api_X.a.b})').value).toEqual(['City: Boston (deep)', 'City: Denver (deep)']);
    expect(evaluate('{$.api_X.stores[i].city}-{$.api_X.stores[i].zip}').value).toEqual(['Boston-02108', 'Denver-']);
  });

  it('resolves {$botContext.x} from the bot variables and {$env.x} from the environment', () => {
    expect(evaluate('Hi {$botContext.firstName} from {$env.region}').value).toBe('Hi Ada from EU');
    expect(evaluate('{$botContext.nobody}')).toEqual({ value: null, note: 'bot variable nobody is not set.' });
    expect(evaluate('{$botContext.unset}').value).toBeNull();
    expect(evaluate('{$env.none}').note).toBe('environment variable none is not set.');
  });

  it('leaves references it does not know, such as {$query}, as written', () => {
    expect(evaluate('{$query} {Integration.key}').value).toBe('{$query} {Integration.key}');
  });

  it('reads quoted keys, and explains a path it cannot read', () => {
    expect(evaluate("{$.api_X['odd key']}").value).toBe('quoted');
    const bad = evaluate('{$.api_X.stores[-1].city}');
    expect(bad.value).toBeNull();
    expect(bad.note).toContain('cannot read the path at "[-1].city"');
  });

  it('does not read inherited properties as data', () => {
    expect(evaluate('{$.api_X.a.constructor}').value).toBeNull();
    expect(evaluate('{$.api_X.stores.length}').value).toBeNull();
  });

  it('parses paths into segments and lists the API paths of a value', () => {
    expect(parseJsonPath('.api_X.stores[i].city[0]')).toEqual({
      ok: true,
      segments: [
        { kind: 'key', name: 'api_X' },
        { kind: 'key', name: 'stores' },
        { kind: 'iterate' },
        { kind: 'key', name: 'city' },
        { kind: 'index', index: 0 },
      ],
    });
    expect(apiPathsOf('{$.api_X.a} and {$botContext.b} and {$.api_X.c[i]}')).toEqual(['.api_X.a', '.api_X.c[i]']);
  });
});

describe('custom data field values under a budget', () => {
  const big = (count: number): PathContext => ({
    data: { api_X: new Array(count).fill(0) },
    botVariables: new Map(),
    envVariables: new Map(),
  });

  it('keeps the whole entries that fit the characters left, and says the budget ran out', () => {
    const budget = { chars: 25, steps: 1000 };
    const result = evaluateCustomDataValue('item {$.api_X[i]}', big(100), budget);
    expect(result).toMatchObject({ value: ['item 0', 'item 0', 'item 0', 'item 0'], cut: 'chars' });
    expect(budget.chars).toBe(0);
  });

  it('cuts a single text value at the characters left', () => {
    const result = evaluateCustomDataValue('{$.api_X}', big(1000), { chars: 10, steps: 1000 });
    expect(result).toMatchObject({ value: '[0,0,0,0,0', cut: 'chars' });
  });

  it('stops walking when the steps run out, even on a path that yields no text', () => {
    const budget = { chars: 1000, steps: 50 };
    const result = evaluateCustomDataValue('{$.api_X[i].missing}', big(100_000), budget);
    expect(result).toMatchObject({ value: null, cut: 'steps' });
    expect(budget.steps).toBe(0);
  });

  it('spends one budget across calls, so several fields share it', () => {
    const budget = { chars: 12, steps: 1000 };
    expect(evaluateCustomDataValue('{$.api_X[0]}abcdefghij', big(3), budget)).toEqual({ value: '0abcdefghij', note: null });
    expect(evaluateCustomDataValue('{$.api_X[0]}abc', big(3), budget)).toEqual({ value: '0', note: null, cut: 'chars' });
  });
});
