import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { screensFor, type ScreenName } from '../../domain/screen-routes';

// The pages that can open on a screen; screensFor says which screens, as the web app decides it.
const SCREEN_PAGES = ['/', '/skills', '/bots/:botId/integrations', '/bots/:botId/integrations/*'];

/**
 * index.html for the pages above, with `<link rel="modulepreload">` for the chunks of the screen
 * the page opens on and everything they import. The browser fetches them while it is still loading
 * the main bundle, instead of after running it: the first screen renders sooner. The links are
 * what the app's own dynamic import() would add later (Vite's preload helper skips those present).
 * A build whose chunks are not found (renamed screens) is served plain index.html, as before.
 */
export function registerScreenEntries(app: FastifyInstance, webRoot: string): void {
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const chunks = new ChunkGraph(join(webRoot, 'assets'), index);
  const pages = new Map<string, string>();
  const pageFor = (screens: ScreenName[]): string => {
    const key = screens.join(' ');
    let page = pages.get(key);
    if (page === undefined) {
      const links = chunks.preloadsFor(screens).map((file) => `    <link rel="modulepreload" crossorigin href="/assets/${file}">\n`);
      page = links.length && index.includes('</head>') ? index.replace('</head>', `${links.join('')}  </head>`) : index;
      pages.set(key, page);
    }
    return page;
  };
  for (const path of SCREEN_PAGES) {
    app.get(path, { schema: { hide: true } }, (request, reply) => {
      const { screens } = screensFor(request.url.split('?')[0] ?? '/');
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(pageFor(screens));
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

  preloadsFor(screens: ScreenName[]): string[] {
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
