// `node --import tsx lock-contender.ts <dataDir>`: a process that takes DATA_DIR's lock at an agreed instant,
// prints "held" or "refused <the one line>", and keeps the lock until killed. data-dir-lock.test.ts races
// several of these, without a whole server's start-up blurring the instant.
// It prints "ready" once loaded, then reads the instant (ms since the epoch) as one line on stdin.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { lockDataDir } from '../db/data-dir-lock';
import { DataDirProblem } from '../db/data-dir-problem';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: lock-contender.ts <dataDir>');
console.log('ready');
const lines = createInterface({ input: process.stdin });
const [line] = (await once(lines, 'line')) as [string];
lines.close();
const instant = Number(line);
// Spun, not slept, so the contenders leave the line within a fraction of a millisecond of each other.
while (Date.now() < instant);
try {
  await lockDataDir(dataDir);
  console.log('held');
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataDirProblem)) throw error;
  console.log(`refused ${error.message}`);
}
