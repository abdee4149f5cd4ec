import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';
import { root } from './server-process';

const dist = join(root, 'dist');
const builtIndex = join(dist, 'index.html');

// Static imports only (`import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`); `import("./x.js")` is lazy.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g;
// Strings found only in Monaco's own code (its CSS class, its worker hook, its module paths).
const MONACO_MARKERS = /MonacoEnvironment|monaco-editor|vs\/editor\//;

export interface FirstPage {
  files: Array<{ path: string; bytes: number; gzipBytes: number; monaco: boolean }>;
}

/** The files index.html loads (scripts, module preloads, stylesheets) and the JS they import statically. */
export function firstPageFiles(): FirstPage {
  const html = readFileSync(builtIndex, 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  const files: FirstPage['files'] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const content = readFileSync(join(dist, path));
    const text = content.toString('utf8');
    files.push({ path, bytes: content.length, gzipBytes: gzipSync(content).length, monaco: MONACO_MARKERS.test(text) });
    if (path.endsWith('.js')) {
      for (const match of text.matchAll(STATIC_IMPORT)) queue.push(`/assets/${match[1]!.slice(2)}`);
    }
  }
  return { files };
}

const kilobytes = (bytes: number) => bytes / 1024;

export function firstPageFigures(page: FirstPage): Figure[] {
  const js = page.files.filter((file) => file.path.endsWith('.js'));
  const css = page.files.filter((file) => file.path.endsWith('.css'));
  const sum = (list: typeof js, key: 'bytes' | 'gzipBytes') => list.reduce((total, file) => total + file[key], 0);
  const monaco = page.files.filter((file) => file.monaco);
  const largest = [...js].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  return [
    {
      group: 'first page',
      name: `JS, gzip (${js.length} files)`,
      value: kilobytes(sum(js, 'gzipBytes')),
      unit: 'KB',
      goal: { on: 'value', op: '<=', limit: 100 },
      note: `${kilobytes(sum(js, 'bytes')).toFixed(0)} KB before gzip (the server sends them uncompressed); largest ${largest?.path} ${kilobytes(largest?.gzipBytes ?? 0).toFixed(1)} KB gzip`,
    },
    { group: 'first page', name: `CSS, gzip (${css.length} files)`, value: kilobytes(sum(css, 'gzipBytes')), unit: 'KB' },
    {
      group: 'first page',
      name: 'files with Monaco code',
      value: monaco.length,
      unit: 'files',
      goal: { on: 'value', op: '<=', limit: 0 },
      ...(monaco.length ? { note: monaco.map((file) => file.path).join(', ') } : {}),
    },
  ];
}
