// `npm run test:e2e` starts here: Playwright drives Debian's Chromium, installed with apt when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(executable)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${executable}, which does not exist.`);
  process.exit(1);
}
console.log('Chromium is missing: installing it with apt-get (about a minute)…');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo'];
// Waits for dpkg's lock rather than failing when another apt run (unattended upgrades, a parallel job) holds it.
const waitForLock = ['-o', 'DPkg::Lock::Timeout=300'];
for (const args of [['apt-get', ...waitForLock, 'update'], ['apt-get', ...waitForLock, 'install', '-y', 'chromium']]) {
  const [command, ...rest] = [...sudo, ...args];
  const result = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`"${[command, ...rest].join(' ')}" failed. Install Chromium yourself or set CHROMIUM_PATH.`);
    process.exit(result.status ?? 1);
  }
}
if (!existsSync(executable)) {
  console.error(`apt-get installed chromium, but ${executable} is still missing: set CHROMIUM_PATH.`);
  process.exit(1);
}
