import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problems';

/**
 * How deep arrays and objects may nest in a request body. Real bot exports stay well under 20 levels;
 * the limit keeps every later walk (validation, the unstorable-text check, JSON.stringify of extras,
 * jsonb) far from stack and time limits.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * The offset of the first bracket that opens level `maxDepth + 1`, or -1. One pass over the text,
 * brackets inside strings skipped, so it runs before JSON.parse and costs linear time whatever the shape.
 */
export function depthExceededAt(text: string, maxDepth = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > maxDepth) return index;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return -1;
}

function tooDeepProblem(offset: number, what = 'The request body'): HttpProblem {
  return new HttpProblem(
    400,
    'JSON too deep',
    `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep (at character ${offset + 1}): the limit is ${MAX_JSON_DEPTH}.`,
  );
}

/**
 * Replaces Fastify's JSON parser with the same parser behind a depth check, so the limit holds for
 * every route before anything walks the body. Prototype-poisoning handling stays as the app configures it.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'error',
  );
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // The body is read as UTF-8 (JSON's own encoding, RFC 8259): one declared in another charset would be misread.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
      done(new HttpProblem(415, 'Unsupported Media Type', `Send JSON as UTF-8 (got charset=${charset}).`), undefined);
      return;
    }
    const text = body as string;
    const offset = depthExceededAt(text);
    if (offset >= 0) {
      done(tooDeepProblem(offset), undefined);
      return;
    }
    parse(request, text, (error, value) => done(error && constructorProblem(text, error), value));
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The path of the first `constructor` key whose value holds `prototype`, or null. */
function constructorPath(value: Json, path: string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'constructor' && item !== null && typeof item === 'object' && Object.hasOwn(item, 'prototype'))
      return [...path, key].join('.');
    const found = constructorPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The parser refuses `"constructor": { "prototype": … }` (the shape that pollutes prototypes when merged),
 * and said "not valid JSON" of JSON that is valid. The refusal stays; its message says what and where.
 * JSON.parse makes own properties only, so reading the text again to find the key is safe.
 */
function constructorProblem(text: string, error: Error): Error {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    return error;
  }
  const path = constructorPath(parsed);
  if (path === null) return error;
  return new HttpProblem(
    400,
    'Validation failed',
    `The request body has a "constructor" key holding "prototype" (at ${path}), which the API refuses: no field of the API is named "constructor". Remove it.`,
    { [path]: 'Unknown field "constructor": remove it (a "constructor" holding "prototype" is refused).' },
  );
}
