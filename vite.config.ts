import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { screenChunks } from './scripts/screen-chunks.ts';

// `npm run dev` starts the API on this port (scripts/dev.mjs); Vite proxies /api to it.
const apiPort = Number(process.env.API_PORT ?? 3001);

// One id per build (or BUILD_ID from the deploy): compiled into the app and written next to index.html,
// where the server reads it for /api/health. A tab whose id differs from the server's offers to reload.
const buildId = process.env.BUILD_ID?.trim() || `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function buildIdFile(): Plugin {
  return {
    name: 'build-id-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'build-id.txt', source: `${buildId}\n` });
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    buildIdFile(),
    screenChunks(
      /[\\/]src[\\/]web[\\/]app[\\/]screen-loaders\.ts$/,
      /[\\/]node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|history|@tanstack[\\/](query-core|react-query))[\\/]/,
    ),
  ],
  resolve: {
    // wouter reads the address through use-sync-external-store's shim, whose fallback serves React before 18:
    // React 19 has the hook itself, under the same name.
    alias: [{ find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'react' }],
  },
  // The dev server has no build to compare with: null turns the update check off.
  define: { __BUILD_ID__: JSON.stringify(command === 'build' ? buildId : null) },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: the server reads which chunks each screen's route module needs from it.
    manifest: true,
    // Every browser the panel serves supports modulepreload: the polyfill would only add to each page's first script.
    modulePreload: { polyfill: false },
    // Monaco's own chunks are large by nature and only load with the form's editor.
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  worker: { format: 'es' },
}));
