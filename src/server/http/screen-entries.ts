import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { firstReadsOf } from '../../domain/first-reads';
import { screenModule, screenPagePatterns, screensFor, type ScreenName } from '../../domain/screen-routes';

/** An entry of Vite's build manifest (`build.manifest`): the chunk built from one source module. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  /** Manifest keys of the chunks it imports statically; dynamic imports are left to load on demand. */
  imports?: string[];
  /** The stylesheets the chunk's modules import. */
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const MANIFEST_FILE = join('.vite', 'manifest.json');

/**
 * index.html for the pages of the route table, with `<link rel="modulepreload">` for the chunks of the
 * screen the page opens on and everything they import, and `<link rel="stylesheet">` for their styles.
 * The browser fetches them while it is still loading the main bundle, instead of after running it: the
 * first screen renders sooner. The links are what the app's own dynamic import() would add later (Vite's
 * preload helper skips those present); a stylesheet it added itself, the import would wait for, after
 * the scripts ran.
 * A build without a manifest is served plain index.html.
 *
 * With `preloadReads`, the page also names the API reads its screens start with (firstReadsOf), as
 * `<link rel="preload" as="fetch">`: the browser asks for the data while the scripts load, and the app's
 * own requests for it take those answers. Not behind an admin token: the browser's preload carries no
 * Authorization header, and the app would take its 401 for a refused token.
 */
export function registerScreenEntries(app: FastifyInstance, webRoot: string, { preloadReads }: { preloadReads: boolean }): void {
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const chunks = new ChunkGraph(readManifest(webRoot));
  const pages = new Map<string, string>();
  const pageFor = (screens: ScreenName[]): string => {
    const key = screens.join(' ');
    let page = pages.get(key);
    if (page === undefined) {
      const { scripts, styles } = chunks.filesFor(screens);
      const links = [
        ...scripts.map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`),
        ...styles.map((file) => `    <link rel="stylesheet" crossorigin href="/${file}">\n`),
      ];
      page = links.length && index.includes('</head>') ? index.replace('</head>', `${links.join('')}  </head>`) : index;
      pages.set(key, page);
    }
    return page;
  };
  for (const path of screenPagePatterns()) {
    app.get(path, { schema: { hide: true } }, (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const page = pageFor(screensFor(pathname).screens);
      const reads = preloadReads ? firstReadsOf(pathname) : [];
      const links = reads.map((read) => `    <link rel="preload" as="fetch" crossorigin href="${read.replaceAll('&', '&amp;')}">\n`);
      const body = links.length && page.includes('</head>') ? page.replace('</head>', `${links.join('')}  </head>`) : page;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
    });
  }
}

function readManifest(webRoot: string): Manifest {
  const file = join(webRoot, MANIFEST_FILE);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // A damaged manifest costs the preload links, never the page.
    return {};
  }
}

/** The built chunks and their static imports, as the manifest records them. */
class ChunkGraph {
  /** What index.html loads already (the entry, its static imports, their styles) is never listed again. */
  private readonly loadedByIndex = { scripts: new Set<string>(), styles: new Set<string>() };

  constructor(private readonly manifest: Manifest) {
    for (const [key, chunk] of Object.entries(manifest))
      if (chunk.isEntry && key.endsWith('index.html')) this.collect(key, this.loadedByIndex);
  }

  filesFor(screens: ScreenName[]): { scripts: string[]; styles: string[] } {
    const found = { scripts: new Set<string>(), styles: new Set<string>() };
    for (const screen of screens) this.collect(screenModule(screen), found);
    return {
      scripts: [...found.scripts].filter((file) => !this.loadedByIndex.scripts.has(file)),
      styles: [...found.styles].filter((file) => !this.loadedByIndex.styles.has(file)),
    };
  }

  private collect(key: string, into: { scripts: Set<string>; styles: Set<string> }, seen = new Set<string>()): void {
    const chunk = this.manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    into.scripts.add(chunk.file);
    for (const style of chunk.css ?? []) into.styles.add(style);
    for (const imported of chunk.imports ?? []) this.collect(imported, into, seen);
  }
}
