import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problems';

// U+0000, and half of a surrogate pair (valid JSON as "\ud800", but not Unicode text).
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
const UNSTORABLE = /\u0000|\p{Cs}/u;
const MESSAGE = 'Remove the NUL character (\\u0000) or unpaired surrogate (\\ud800-\\udfff): stored text cannot hold it.';

/** A place in the body: its key and the place that holds it, so no level copies the path above it. */
interface Place {
  key: string;
  parent: Place | null;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let current = place; current; current = current.parent) keys.push(current.key);
  return keys.reverse().join('.');
}

/**
 * Paths (`customDataFields.2.value`) of the strings and keys in `value` that the database cannot store.
 * Iterative, so depth cannot overflow the stack; each value is visited once and a path is only built
 * for what is found, so the cost is linear in the size of the body whatever its shape.
 */
function unstorablePaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; place: Place | null }[] = [{ value, place: null }];
  while (pending.length > 0 && found.length < 10) {
    const { value: current, place } = pending.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) found.push(pathOf(place));
    } else if (current && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        const child: Place = { key, parent: place };
        if (UNSTORABLE.test(key)) found.push(pathOf(child));
        else pending.push({ value: (current as Record<string, unknown>)[key], place: child });
      }
    }
  }
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000 and jsonb refuses unpaired surrogates, so a request with either
 * would fail inside the driver as a 500. Refuse it up front as a 400 naming the field, for every route.
 */
export function registerUnstorableTextCheck(app: FastifyInstance): void {
  // A callback rather than an async hook: it runs on every request, and a promise per request is not free.
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [section, value] of [
      ['The request body', request.body],
      ['The query string', request.query],
    ] as const) {
      const paths = unstorablePaths(value);
      if (paths.length > 0) {
        done(
          new HttpProblem(
            400,
            'Validation failed',
            `${section} holds a NUL character or an unpaired surrogate in ${paths.map((path) => path || 'itself').join(', ')}: remove it.`,
            Object.fromEntries(paths.map((path) => [path, MESSAGE])),
          ),
        );
        return;
      }
    }
    done();
  });
}
