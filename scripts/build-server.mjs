// Compiles the API server to one ES module in dist-server/, so `npm start` runs plain JavaScript.
// Run through tsx, the server kept tsx's loader thread alive beside it: about 100 MB more resident
// memory and a slower start, for a compile that only has to happen once per change.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist-server');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  // The simulation worker is its own entry: a worker thread loads it by file, next to main.mjs.
  entryPoints: { main: join(root, 'src/server/main.ts'), 'simulation-worker': join(root, 'src/server/simulator/simulation-worker.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Dependencies stay in node_modules: PGlite's wasm, pg and fastify load their own files.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Files the server finds next to its own module (new URL('./…', import.meta.url)): in the bundle,
// that is dist-server/ itself.
cpSync(join(root, 'src/server/db/migrations'), join(out, 'migrations'), { recursive: true });
