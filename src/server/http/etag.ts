import type { FastifyReply, FastifyRequest } from 'fastify';
import { preconditionRequired } from './problems';

export const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/**
 * The version named by If-Match. A value that is no ETag of ours matches no version,
 * so it yields -1 and the write fails with 412 rather than guessing.
 */
export function requiredIfMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : -1;
}
