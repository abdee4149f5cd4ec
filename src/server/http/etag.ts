import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors';
import { preconditionRequired } from './problems';

const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** An If-Match or If-None-Match field: `*`, or the entity-tags listed (RFC 9110 §8.8.3, §13.1). */
type EtagCondition = { any: true } | { any: false; tags: { weak: boolean; opaque: string }[] };

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, where etagc may be a comma: the list is read tag by tag.
const LIST_ITEM = /[\t ]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[\t ]*(?:,|$)/y;

/** null when the field is absent or empty; a malformed field lists no tags, so it matches nothing. */
export function parseEtagCondition(header: string | string[] | undefined): EtagCondition | null {
  const value = (Array.isArray(header) ? header.join(', ') : (header ?? '')).trim();
  if (value === '') return null;
  if (value === '*') return { any: true };
  const tags: { weak: boolean; opaque: string }[] = [];
  LIST_ITEM.lastIndex = 0;
  while (LIST_ITEM.lastIndex < value.length) {
    const match = LIST_ITEM.exec(value);
    if (!match) return { any: false, tags: [] };
    tags.push({ weak: match[1] !== undefined, opaque: match[2]! });
  }
  return { any: false, tags };
}

/**
 * The version an opaque tag names: our ETags are the version as written by etagOf, so `"03"` or
 * `"3.0"` name no version. At most 9 digits, which every stored version fits.
 */
function versionOf(opaque: string): number | null {
  return /^(?:0|[1-9]\d{0,8})$/.test(opaque) ? Number(opaque) : null;
}

/**
 * The version a write may replace, from If-Match (428 when missing). Strong comparison: a weak tag
 * matches nothing. `*` and a list are resolved against the current version, which `current` reads
 * (and which answers 404 when there is none); the write itself still checks that version, so a
 * concurrent change between the two is a 412, never a lost update. -1 matches no version.
 */
export async function ifMatchVersion(request: FastifyRequest, current: () => Promise<number>): Promise<number> {
  const condition = parseEtagCondition(request.headers['if-match']);
  if (condition === null) throw preconditionRequired();
  if (condition.any) return current();
  const versions = condition.tags.flatMap((tag) => {
    const version = tag.weak ? null : versionOf(tag.opaque);
    return version === null ? [] : [version];
  });
  if (versions.length === 0) return -1;
  if (versions.length === 1) return versions[0]!;
  const now = await current();
  return versions.includes(now) ? now : -1;
}

/** How often a write sent with `If-Match: *` is tried again at the version a concurrent write left. */
const ANY_VERSION_ATTEMPTS = 5;

/**
 * A write under If-Match: `write` is given the version ifMatchVersion reads from the header. With `*`,
 * which matches whatever version is current (RFC 9110 §13.1.1), a write that another one beat between the
 * read of the current version and its own statement is not stale: it runs again at the version now current.
 * So concurrent writes with `*` all apply, one after the other, on PostgreSQL as on PGlite, whichever way
 * their statements interleave (until the record is gone: then `current` answers 404).
 */
export async function writeIfMatch<T>(
  request: FastifyRequest,
  current: () => Promise<number>,
  write: (version: number) => Promise<T>,
): Promise<T> {
  const any = parseEtagCondition(request.headers['if-match'])?.any === true;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(await ifMatchVersion(request, current));
    } catch (error) {
      const stale = error instanceof DomainError && error.kind === 'version-conflict';
      if (!any || !stale || attempt >= ANY_VERSION_ATTEMPTS) throw error;
    }
  }
}

/**
 * If-None-Match on a read (RFC 9110 §13.1.2): weak comparison, so `W/"3"` and `"3"` both match
 * version 3. True when the client's copy is current and the answer is 304.
 */
function isNotModified(request: FastifyRequest, version: number): boolean {
  const condition = parseEtagCondition(request.headers['if-none-match']);
  if (condition === null) return false;
  return condition.any || condition.tags.some((tag) => versionOf(tag.opaque) === version);
}

/** Answers 304 with the ETag and no body when the client's copy is current; false otherwise. */
export function sendNotModified(request: FastifyRequest, reply: FastifyReply, version: number): boolean {
  if (!isNotModified(request, version)) return false;
  setEtag(reply, version);
  void reply.code(304).send();
  return true;
}
