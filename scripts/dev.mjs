// `npm run dev`: the API (tsx, restarted on change) on API_PORT and Vite with hot reload, proxying /api to it.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '3001';
const children = [];

function start(name, command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the other one too.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

start('API', 'npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], {
  PORT: apiPort,
  HOST: process.env.HOST ?? '127.0.0.1',
});
start('Vite', 'npx', ['vite'], { API_PORT: apiPort });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
