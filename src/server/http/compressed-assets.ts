import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ASSET_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The hashed scripts and styles, compressed once and then answered from memory: they never change
 * under a name, and the first page alone asks for twenty of them at once, which compressing each
 * time (as @fastify/compress does for everything else) made the server answer one after another.
 * Compression runs on libuv's threads, so a first request does not hold up the others.
 * Other files (fonts, images) and clients that take neither br nor gzip go through @fastify/static.
 */
export function registerCompressedAssets(app: FastifyInstance, assets: string): void {
  const files = new Set(existsSync(assets) ? readdirSync(assets) : []);
  const cache = new Map<string, Promise<Buffer>>();
  const compressed = (file: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding} ${file}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = readFile(join(assets, file)).then((content) =>
        encoding === 'br'
          ? brotli(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length } })
          : gzipped(content, { level: 9 }),
      );
      // A failed read is tried again next time rather than remembered.
      entry.catch(() => cache.delete(key));
      cache.set(key, entry);
    }
    return entry;
  };
  app.get('/assets/:file', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { file } = request.params as { file: string };
    const type = ASSET_TYPES[file.slice(file.lastIndexOf('.'))];
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    // Only names the build wrote: the set, not the path, decides what is read.
    if (!type || !encoding || !files.has(file)) return reply.sendFile(file, assets);
    let body: Buffer;
    try {
      body = await compressed(file, encoding);
    } catch (error) {
      // Listed at start, gone since (the build was redone in place): whatever is there now answers, a 404 if nothing.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      files.delete(file);
      return reply.sendFile(file, assets);
    }
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding')
      .header('content-encoding', encoding)
      .send(body);
  });
}
