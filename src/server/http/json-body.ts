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

export function tooDeepProblem(offset: number, what = 'The request body'): HttpProblem {
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
    parse(request, text, done);
  });
}
