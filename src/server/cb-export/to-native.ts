import type { Bot } from '../../domain/bot';
import { NATIVE_FORMAT, NATIVE_FORMAT_VERSION, type BotExtras, type ResponderExtras } from '../../domain/cb-export';
import type { Integration } from '../../domain/integration';
import { mapSteps, runNow, type Steps } from '../event-loop-slices';

/** The bot as a native file holds it: its environment by name (ids differ between databases). */
type NativeBot = Omit<Bot, 'environmentId'> & { environmentId?: string | null; environmentName?: string | null };

interface NativeExport {
  format: typeof NATIVE_FORMAT;
  formatVersion: typeof NATIVE_FORMAT_VERSION;
  bot: NativeBot;
  integrations: Array<Integration & { extras: ResponderExtras | null; testCases?: unknown[] }>;
  /** The rest of the CB file the bot was imported from; null for a bot made in the panel. */
  extras: BotExtras | null;
}

/** The project's own export: every field and version as stored, and the CB extras untouched. */
export const toNativeExport = (...args: Parameters<typeof toNativeExportSteps>): NativeExport => runNow(toNativeExportSteps(...args));

/** The same, as steps between its integrations (a bot may hold 5,000). */
export function* toNativeExportSteps(
  bot: NativeBot,
  extras: BotExtras | null,
  integrations: ReadonlyArray<{ integration: Integration; extras: ResponderExtras | null }>,
  /** What other features keep of each integration (its test cases), by integration id. */
  parts: ReadonlyMap<string, Record<string, unknown>> = new Map(),
): Steps<NativeExport> {
  return {
    format: NATIVE_FORMAT,
    formatVersion: NATIVE_FORMAT_VERSION,
    bot,
    integrations: yield* mapSteps(integrations, ({ integration, extras: kept }) => ({
      ...integration,
      extras: kept,
      ...parts.get(integration.id),
    })),
    extras,
  };
}
