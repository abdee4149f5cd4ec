import fc from 'fast-check';

/** Text a hostile or careless client sends: unicode of every plane, controls, SQL and script fragments. */
const fragments = fc.constantFrom(
  "'; DROP TABLE integrations; --",
  "' OR '1'='1",
  '%00',
  '\u0000',
  '<img src=x onerror=alert(1)>',
  '<script>window.__xss=1</script>',
  'javascript:alert(1)',
  '{$botContext.skillId}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  '\u202e\u200b\ufeff',
  '\ud800',
  '😀👩‍👩‍👧',
  '\r\n\t',
);

export const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fragments,
  fc.tuple(fc.string({ maxLength: 10 }), fragments, fc.string({ unit: 'grapheme', maxLength: 10 })).map((parts) => parts.join('')),
);

/** Built by repetition, so a megabyte costs nothing to generate. */
export const hugeText = fc
  .oneof({ weight: 10, arbitrary: fc.constantFrom(2_001, 70_000) }, { weight: 1, arbitrary: fc.constant(1_100_000) })
  .map((length) => 'x'.repeat(length));

/** JSON nested far deeper than any field of ours. */
export const deepJson = fc.integer({ min: 50, max: 3_000 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`);

export const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
/** A small pool, so names collide now and then (409). */
export const collidingIdentifier = fc.constantFrom('Orders', 'orders', 'ORDERS', 'Escalate', 'Lookup');

/** Any JSON value, of any type: where a field's value goes wrong. */
export const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  anyText,
);

/** A value for the If-Match header that is no ETag of ours (printable, so fetch sends it). */
export const garbageIfMatch = fc
  .oneof(fc.stringMatching(/^[ -~]{0,30}$/), fc.constantFrom('*', '"-1"', '"1", "2"', 'W/"abc"', '"99999999999"', "'1'"))
  .filter((value) => !/^\s*(W\/)?"\d{1,9}"\s*$/.test(value));

export const badId = fc.oneof(
  fc.constantFrom('1', 'null', '..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'='1", 'ffffffff-ffff-ffff-ffff-ffffffffffffff', '%00'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,120}$/),
);

export const contentTypes = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'application/json',
);

/** Percent-encodes text for a URL; a lone surrogate becomes the bytes of one, which are not UTF-8. */
export function encodeHostile(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part, index) => (index % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}
