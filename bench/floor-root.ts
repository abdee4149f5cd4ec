import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './server-process';

/** Where the floor pages are served, beside the app, by the same server. */
export const FLOOR_PATH = '/bench-floors';

export interface FloorRoot {
  /** WEB_ROOT for the app server: the build as it is, plus the floor pages. */
  webRoot: string;
  /** The app's Monaco chunk the Monaco-only page imports. */
  monacoChunk: string;
  remove(): void;
}

/**
 * A copy of dist/ with the floor pages added, so one server (the app's own, started as `npm start`
 * starts it) serves the app and its floors: the same origin, headers, CSP, compression and API, and
 * the same process answering both. The floor pages link the app's stylesheets, so both lay out the same CSS.
 */
export function createFloorRoot(): FloorRoot {
  const dist = join(root, 'dist');
  const webRoot = mkdtempSync(join(tmpdir(), 'integrations-bench-web-'));
  cpSync(dist, webRoot, { recursive: true });
  const assets = readdirSync(join(dist, 'assets'));
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const appCss = [...index.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((match) => match[0]).join('\n    ');
  const monacoChunk = assets.find((file) => /^monaco-setup-[\w-]+\.js$/.test(file));
  if (!monacoChunk) throw new Error('no monaco-setup chunk in dist/assets: has the editor module been renamed?');
  // The stylesheets the app loads with the editor (Monaco's own CSS).
  const monacoCss = assets
    .filter((file) => file.endsWith('.css') && readFileSync(join(dist, 'assets', file), 'utf8').includes('.monaco-editor'))
    .map((file) => `<link rel="stylesheet" crossorigin href="/assets/${file}">`)
    .join('\n    ');
  const source = join(root, 'bench', 'floors');
  const target = join(webRoot, FLOOR_PATH.slice(1));
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) {
    const text = readFileSync(join(source, file), 'utf8')
      .replace('<!--app-css-->', appCss)
      .replace('<!--monaco-css-->', monacoCss)
      .replace('<!--monaco-chunk-->', `/assets/${monacoChunk}`);
    writeFileSync(join(target, file), text);
  }
  return { webRoot, monacoChunk: `/assets/${monacoChunk}`, remove: () => rmSync(webRoot, { recursive: true, force: true }) };
}
