/**
 * Where the simulation worker's code is. `npm start` runs the bundle, where build-server.mjs put a
 * compiled `simulation-worker.mjs` next to the server's module. From the TypeScript sources (tsx,
 * vitest) a worker thread cannot load TypeScript, so the worker is bundled with esbuild once per
 * process into the temporary directory, with its packages imported by absolute path.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUNDLED = new URL('./simulation-worker.mjs', import.meta.url);
const SOURCE = new URL('./simulation-worker.ts', import.meta.url);

let compiled: Promise<URL> | null = null;

async function compileFromSources(): Promise<URL> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(SOURCE)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages-by-absolute-path',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === 'inner') return undefined;
            const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
            if (resolved.errors.length > 0 || resolved.external) return { path: args.path, external: true };
            return { path: pathToFileURL(resolved.path).href, external: true };
          });
        },
      },
    ],
  });
  const code = result.outputFiles?.[0]?.text ?? '';
  const name = `integrations-panel-simulation-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const target = join(tmpdir(), name);
  if (!existsSync(target)) {
    // Written aside and renamed, so that test processes compiling at once never load half a file.
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, target);
  }
  return pathToFileURL(target);
}

export function simulationWorkerUrl(): Promise<URL> {
  if (existsSync(fileURLToPath(BUNDLED))) return Promise.resolve(BUNDLED);
  compiled ??= compileFromSources();
  return compiled;
}
