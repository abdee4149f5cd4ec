import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IntegrationToExport, BotToExport } from '../to-cb';
import type { ImportPlan } from '../plan-import';

/** The real CB exports live next to the repository (`<repo>/../shared/cb-exports`), never inside it. */
const EXPORTS_DIR = fileURLToPath(new URL('../../../../../shared/cb-exports/', import.meta.url));

export const SAMPLE_EXPORT_FILES = readdirSync(EXPORTS_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

export function readSampleExport(file: string): string {
  return readFileSync(EXPORTS_DIR + file, 'utf8');
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
