import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DIRECTORIES, type AnyDirectory } from '../../domain/directories';
import { MAX_ENTRY_ID_LENGTH } from '../../domain/directories/directory-kit';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

type GivenIdKind = Extract<AnyDirectory, { id: { given: 'required' | 'optional' } }>['kind'];

const ID_START = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const ID_REST = [...ID_START, '_', '.', ':', '-'];
/** Ids as LivePerson gives them or as typed, weighted to the longest ones (101–128 characters were the ones lost). */
const entryId = fc
  .tuple(
    fc.constantFrom(...ID_START),
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...ID_REST), maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...ID_REST), minLength: 96, maxLength: MAX_ENTRY_ID_LENGTH - 1 }),
    ),
  )
  .map(([first, rest]) => first + rest);

/** Every id each directory accepts on create, to be read, changed and deleted by it. */
const VALID_IDS: Record<GivenIdKind, fc.Arbitrary<string>> = {
  skills: fc.bigInt(1n, 2n ** 63n - 1n).map(String),
  functions: entryId,
  'knowledge-bases': entryId,
};

/** A body the directory accepts, from its descriptor: each required field, an option when it has them. */
function inputOf(directory: AnyDirectory, n: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(directory.fields).flatMap(([key, field]) => {
      if (!('required' in field && field.required)) return [];
      return [[key, 'options' in field ? field.options[0].value : `Entry ${n}`]];
    }),
  );
}

describeEachDatabase('every id a directory accepts can be read, changed and deleted, on %s', (kind) => {
  const server = useTestServer(kind);
  let n = 0;

  it.each(DIRECTORIES.map((directory) => [directory.kind, directory] as const))('%s', async (_kind, directory) => {
    const ids: fc.Arbitrary<string | null> = directory.kind in VALID_IDS ? VALID_IDS[directory.kind as GivenIdKind] : fc.constant(null);
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const body = { ...inputOf(directory, ++n), ...(id === null ? {} : { id }) };
        const created = await server.request('POST', directory.path, { body });
        if (created.status === 409) return; // the same id drawn twice
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const path = `${directory.path}/${encodeURIComponent(created.body.id)}`;
        expect(created.headers.get('location')).toBe(path);
        const read = await server.request('GET', path);
        expect(read.status).toBe(200);
        expect(read.body.id).toBe(created.body.id);
        const renamed = await server.request('PATCH', path, {
          body: { name: `Renamed ${n}` },
          headers: { 'if-match': read.headers.get('etag')! },
        });
        expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
        const deleted = await server.request('DELETE', path, { headers: { 'if-match': renamed.headers.get('etag')! } });
        expect(deleted.status).toBe(204);
        expect((await server.request('GET', path)).status).toBe(404);
      }),
      { numRuns: 25 },
    );
  });

  it('an id longer than a directory takes is refused the same way by create and by every route that names one', async () => {
    for (const directory of DIRECTORIES) {
      const overlong = directory.kind === 'skills' ? '9'.repeat(20) : 'a'.repeat(MAX_ENTRY_ID_LENGTH + 1);
      if (directory.id.given !== 'server') {
        const created = await server.request('POST', directory.path, { body: { ...inputOf(directory, ++n), id: overlong } });
        expect(created.status, `${directory.kind} create`).toBe(400);
        expect(created.body.errors).toHaveProperty('id');
      }
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await server.request(method, `${directory.path}/${overlong}`, {
          headers: { 'if-match': '*' },
          ...(method === 'PATCH' ? { body: { name: 'x' } } : {}),
        });
        expect(response.status, `${method} ${directory.kind}`).toBe(400);
      }
    }
  });
});
