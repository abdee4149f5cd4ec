// `npm start`: builds the web app and the server when missing or older than their sources, then
// serves both from one process. With --build-only it stops after building (the bench uses that).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function isStale(output, sources) {
  const target = join(root, output);
  if (!existsSync(target)) return true;
  const inputs = sources.map((source) => join(root, source)).filter(existsSync);
  return Math.max(...inputs.map(newestMtime)) > statSync(target).mtimeMs;
}

function run(what, command, args) {
  console.log(what);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const shared = ['src/domain', 'package.json'];
if (isStale('dist/index.html', ['index.html', 'vite.config.ts', 'scripts/screen-chunks.ts', 'public', 'src/web', ...shared])) {
  run('Building the web app (first start or changed sources)…', 'npx', ['vite', 'build', '--logLevel', 'warn']);
}
if (isStale('dist-server/main.mjs', ['src/server', 'scripts/build-server.mjs', ...shared])) {
  run('Building the server (first start or changed sources)…', process.execPath, [join(root, 'scripts/build-server.mjs')]);
}
if (process.argv.includes('--build-only')) process.exit(0);

// V8 lets the young generation grow to 2 x 16 MB semi-spaces under a burst of requests and keeps it;
// 4 MB ones hold this server's short-lived request garbage (bench: about 20 MB less resident, idle and under load).
const NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=4'];
const server = spawn(process.execPath, [...NODE_FLAGS, join(root, 'dist-server/main.mjs')], { cwd: root, stdio: 'inherit' });
// As an entry process (npm's "start" execs this script, so a container's SIGTERM reaches it), pass the
// signal on and wait: the server drains its requests and exits, and its way of ending is this one's.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
