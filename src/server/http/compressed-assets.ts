import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StoredAsset, WebAssetsStore } from './web-assets-store';

const ASSET_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The hashed scripts and styles, compressed once and then answered from memory: they never change
 * under a name, and the first page alone asks for twenty of them at once, which compressing each
 * time (as @fastify/compress does for everything else) made the server answer one after another.
 * Compression runs on libuv's threads, so a first request does not hold up the others.
 * Other files (fonts, images) and clients that take neither br nor gzip go through @fastify/static.
 * A name this build does not have is looked up among the earlier builds' files (`stored`,
 * web-assets-store.ts): a page of another build, sent here by a balancer, still gets its assets.
 */
export function registerCompressedAssets(app: FastifyInstance, assets: string, stored: Pick<WebAssetsStore, 'get'>): void {
  const files = new Set(existsSync(assets) ? readdirSync(assets) : []);
  const cache = new Map<string, Promise<Buffer>>();
  // Found ones only: a name not stored yet may be stored by a server of a newer build starting meanwhile.
  const found = new Map<string, StoredAsset>();
  const fromStore = async (file: string) => {
    let asset = found.get(file) ?? null;
    if (!asset) {
      asset = await stored.get(file);
      if (asset) found.set(file, asset);
    }
    return asset;
  };
  const compressed = (file: string, encoding: 'br' | 'gzip', read: () => Promise<Buffer>) => {
    const key = `${encoding} ${file}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = read().then((content) =>
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
  const sendCompressed = (reply: FastifyReply, type: string, encoding: 'br' | 'gzip', body: Buffer) =>
    reply.type(type).header('cache-control', IMMUTABLE).header('vary', 'accept-encoding').header('content-encoding', encoding).send(body);
  app.get('/assets/:file', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { file } = request.params as { file: string };
    const type = ASSET_TYPES[file.slice(file.lastIndexOf('.'))];
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    // Only names the build wrote: the set, not the path, decides what is read.
    if (files.has(file)) {
      if (!type || !encoding) {
        if (existsSync(join(assets, file))) return reply.sendFile(file, assets);
      } else {
        try {
          return sendCompressed(reply, type, encoding, await compressed(file, encoding, () => readFile(join(assets, file))));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      // Listed at start, gone since (the build was redone in place): a kept build's copy answers, or nothing.
      files.delete(file);
    }
    const asset = await fromStore(file);
    // Not this build's, nor a kept build's: @fastify/static answers a file put there since, or 404.
    if (!asset) return reply.sendFile(file, assets);
    if (!type || !encoding) return reply.type(asset.contentType).header('cache-control', IMMUTABLE).send(asset.content);
    return sendCompressed(reply, asset.contentType, encoding, await compressed(file, encoding, async () => asset.content));
  });
}
