import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from './server-process';

/** Where the floor pages are served, beside the app, by the same server. */
export const FLOOR_PATH = '/bench-floors';

interface FloorRoot {
  /** WEB_ROOT for the app server: the build as it is, plus the floor pages. */
  webRoot: string;
  remove(): void;
}

/** The floor pages that are built (bench/floors/<name>/), not written by hand. */
type BuiltFloor = 'monaco' | 'react' | 'typing';

/**
 * A floor page built with the app's Vite config from bench/floors/<name>/: the Monaco-only page (the
 * app's own Monaco setup module) and the React-only page (react and react-dom drawing floor.js's page).
 * Not the app's built chunks themselves: they import the app's entry (for Vite's preload helper), which
 * would start the whole app on the floor page. Built again whenever the app's build is newer.
 * Its chunks are served from /assets/ like the app's, so the server compresses and caches them alike.
 */
async function buildFloor(name: BuiltFloor): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'integrations-panel-bench', `${name}-floor`);
  const index = join(outDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > statSync(join(root, 'dist', 'index.html')).mtimeMs) return outDir;
  console.log(`Building the ${{ monaco: 'Monaco-only', react: 'React-only', typing: 'typing (React-only)' }[name]} floor page…`);
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'bench', 'floors', name),
    base: '/',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * A copy of dist/ with the floor pages added, so one server (the app's own, started as `npm start`
 * starts it) serves the app and its floors: the same origin, headers, CSP, compression and API, and
 * the same process answering both. The floor pages link the app's stylesheets, so both lay out the same CSS.
 */
export async function createFloorRoot(): Promise<FloorRoot> {
  const dist = join(root, 'dist');
  const webRoot = mkdtempSync(join(tmpdir(), 'integrations-bench-web-'));
  cpSync(dist, webRoot, { recursive: true });
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const appCss = [...index.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((match) => match[0]).join('\n    ');
  const source = join(root, 'bench', 'floors');
  const target = join(webRoot, FLOOR_PATH.slice(1));
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source).filter((name) => /\.(html|js)$/.test(name))) {
    writeFileSync(join(target, file), readFileSync(join(source, file), 'utf8').replace('<!--app-css-->', appCss));
  }
  // Their chunks go beside the app's, so the server sends them as it sends the app's (compressed once, cached).
  for (const name of ['monaco', 'react', 'typing'] as const) {
    const built = await buildFloor(name);
    cpSync(join(built, 'assets'), join(webRoot, 'assets'), { recursive: true });
    mkdirSync(join(target, name));
    writeFileSync(join(target, name, 'index.html'), readFileSync(join(built, 'index.html'), 'utf8').replace('<!--app-css-->', appCss));
  }
  return { webRoot, remove: () => rmSync(webRoot, { recursive: true, force: true }) };
}
