import type { DirectoryUsage } from '../../domain/directories/directory-usage';
import { conflict } from '../errors';

/** 409 naming every integration that still refers to the entry: deleting it would break them at run time. */
export function inUseProblem(what: string, usages: DirectoryUsage[]) {
  const names = usages.map((usage) => `${usage.botName} › ${usage.integrationName}`);
  const errors = Object.fromEntries(
    usages.map((usage, index) => [`usedBy.${index}`, `${names[index]} (bot ${usage.botId}, integration ${usage.integrationId})`]),
  );
  return conflict(
    `${what} is used by ${usages.length === 1 ? 'an integration' : `${usages.length} integrations`} (${names.join(', ')}): pick another one there first.`,
    errors,
  );
}
