import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built SPA: hashed assets are cached for a year, index.html never,
 * so a new build is picked up at the next navigation.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    // `/` itself is the SPA's entry: without an index, @fastify/static answers a directory with 403.
    index: 'index.html',
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(`${join(webRoot, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  registerCompressedAssets(app, join(webRoot, 'assets'));
  registerScreenEntries(app, webRoot);
  return true;
}

/** Client-side routes (/bots/…) are answered with index.html so reload and deep links work. */
export function isSpaNavigation(method: string, url: string): boolean {
  return method === 'GET' && !url.startsWith('/api/') && url !== '/api';
}

/**
 * The screens' chunks each page of the app opens on, by path: the same choice the web app's
 * preload-route makes (src/web/app/preload-route.ts), named after the screens' source files
 * (src/web/app/routes/<screen>.tsx becomes assets/<screen>-<hash>.js).
 */
const SCREENS: Array<{ path: string; screens: (rest: string) => string[] }> = [
  { path: '/', screens: () => ['bots'] },
  { path: '/skills', screens: () => ['skills'] },
  { path: '/bots/:botId/integrations', screens: () => ['integrations-panel', 'integrations-index'] },
  {
    path: '/bots/:botId/integrations/*',
    screens: (rest) =>
      rest === '' ? ['integrations-panel', 'integrations-index']
      : rest === 'new' ? ['integrations-panel', 'integration-new']
      : rest.includes('/') ? ['integrations-panel']
      : ['integrations-panel', 'integration-edit'],
  },
];

/**
 * index.html for the pages above, with `<link rel="modulepreload">` for the chunks of the screen
 * the page opens on and everything they import. The browser fetches them while it is still loading
 * the main bundle, instead of after running it: the first screen renders sooner. The links are
 * what the app's own dynamic import() would add later (Vite's preload helper skips those present).
 * A build whose chunks are not found (renamed screens) is served plain index.html, as before.
 */
function registerScreenEntries(app: FastifyInstance, webRoot: string): void {
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const chunks = new ChunkGraph(join(webRoot, 'assets'), index);
  const pages = new Map<string, string>();
  const pageFor = (screens: string[]): string => {
    const key = screens.join(' ');
    let page = pages.get(key);
    if (page === undefined) {
      const links = chunks.preloadsFor(screens).map((file) => `    <link rel="modulepreload" crossorigin href="/assets/${file}">\n`);
      page = links.length && index.includes('</head>') ? index.replace('</head>', `${links.join('')}  </head>`) : index;
      pages.set(key, page);
    }
    return page;
  };
  for (const { path, screens } of SCREENS) {
    app.get(path, { schema: { hide: true } }, (request, reply) => {
      const rest = (request.params as { '*'?: string })['*'] ?? '';
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(pageFor(screens(rest.replace(/\/$/, ''))));
    });
  }
}

/** The built chunks and their static imports, read once from the assets folder. */
class ChunkGraph {
  private readonly files: string[];
  private readonly imports = new Map<string, string[]>();

  constructor(
    private readonly assets: string,
    /** Chunks index.html already loads or preloads are not listed again. */
    private readonly index: string,
  ) {
    this.files = existsSync(assets) ? readdirSync(assets).filter((file) => file.endsWith('.js')) : [];
  }

  preloadsFor(screens: string[]): string[] {
    const found = new Set<string>();
    const visit = (file: string) => {
      if (found.has(file) || this.index.includes(`/assets/${file}"`)) return;
      found.add(file);
      this.importsOf(file).forEach(visit);
    };
    for (const screen of screens) {
      const file = this.files.find((name) => new RegExp(`^${screen}-[\\w-]{8}\\.js$`).test(name));
      if (file) visit(file);
    }
    return [...found];
  }

  /** `import … from"./x.js"` and `import"./x.js"` of the minified chunk; dynamic imports are left to load on demand. */
  private importsOf(file: string): string[] {
    let list = this.imports.get(file);
    if (!list) {
      const code = readFileSync(join(this.assets, file), 'utf8');
      list = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)].map((match) => match[1]!).filter((name) => this.files.includes(name));
      this.imports.set(file, list);
    }
    return list;
  }
}

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
function registerCompressedAssets(app: FastifyInstance, assets: string): void {
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
    const body = await compressed(file, encoding);
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding')
      .header('content-encoding', encoding)
      .send(body);
  });
}
