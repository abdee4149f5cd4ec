// `npm run db:check [-- <dir>]`: reads every table and index of the embedded database in DATA_DIR (or <dir>)
// and prints one line. Exit code 0: sound; 1: damaged or unusable (the line says what and what to do).
import { resolve } from 'node:path';
import { checkDataDir } from '../src/server/db/data-dir-check';

const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? 'data');
const report = await checkDataDir(dataDir);
(report.sound ? console.log : console.error)(report.line);
process.exit(report.sound ? 0 : 1);
