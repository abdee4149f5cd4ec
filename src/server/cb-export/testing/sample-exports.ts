import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IntegrationToExport, BotToExport } from '../to-cb';
import type { ImportPlan } from '../plan-import';
import { OWN_EXPORTS } from './own-exports';

/**
 * The real CB exports live next to the repository (`<repo>/../shared/cb-exports`), never inside it.
 * CB_EXPORTS_DIR names another place, for a checkout (a git worktree) that is not beside them.
 */
export const REAL_EXPORTS_DIR = process.env.CB_EXPORTS_DIR
  ? `${process.env.CB_EXPORTS_DIR.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('../../../../../shared/cb-exports/', import.meta.url));

/** False in a clone anywhere else: the tests that need the real files then report themselves skipped. */
export const hasRealExports = existsSync(REAL_EXPORTS_DIR);

export const REAL_EXPORT_FILES = hasRealExports
  ? readdirSync(REAL_EXPORTS_DIR)
      .filter((file) => file.endsWith('.json'))
      .sort()
  : [];

/** Every export the suite can read here: the project's own, then the real ones when they are beside it. */
export const SAMPLE_EXPORT_FILES = [...Object.keys(OWN_EXPORTS).sort(), ...REAL_EXPORT_FILES];

export function readSampleExport(file: string): string {
  return OWN_EXPORTS[file] ?? readFileSync(REAL_EXPORTS_DIR + file, 'utf8');
}

/** What an import would store, without a database: new ids, the plan's values and extras. */
export function storedFrom(plan: ImportPlan, botId = '00000000-0000-4000-8000-000000000000'): BotToExport {
  if (!plan.valid || !plan.bot.values) throw new Error(`plan has ${plan.problemCount} problems`);
  const integrations: IntegrationToExport[] = plan.integrations.map((item, index) => ({
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    values: item.values!,
    extras: item.extras,
  }));
  return { id: botId, ...plan.bot.values, extras: plan.bot.extras, integrations };
}
