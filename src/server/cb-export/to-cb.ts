import { stringifyIndentedSliced } from '../http/sliced-json';
import type { BotExtras, ResponderExtras } from '../../domain/cb-export';
import type { IntegrationValues } from '../../domain/integration';
import { cbFieldsOf, inCbOrder, newResponderDefaults } from './cb-fields';
import { cbBotFieldsOf } from './from-cb';
import { restoreObject } from './kept-keys';
import { ENVIRONMENT_NAME_KEY } from './environment-name';
import { mapSteps, runNow, type Steps } from '../event-loop-slices';

export interface IntegrationToExport {
  id: string;
  values: IntegrationValues;
  /** Null for an integration created in the panel rather than imported. */
  extras: ResponderExtras | null;
}

export interface BotToExport {
  id: string;
  name: string;
  description: string;
  /** Written as `bot.environmentName` (our key: CB's own export of a bot's environment is not public); absent for none. */
  environmentName?: string | null;
  extras: BotExtras | null;
  integrations: IntegrationToExport[];
}

/** The bot object with the bot's environment as it is now: in the kept key's place, or last; none removes it. */
function withEnvironmentName(botObject: Record<string, unknown>, name: string | null | undefined): Record<string, unknown> {
  if (name) return { ...botObject, [ENVIRONMENT_NAME_KEY]: name };
  const rest = { ...botObject };
  delete rest[ENVIRONMENT_NAME_KEY];
  return rest;
}

/** Imported entries in their file order; those created in the panel after them, by name. */
function exportOrder(a: IntegrationToExport, b: IntegrationToExport): number {
  const position = (item: IntegrationToExport) => item.extras?.position ?? Number.POSITIVE_INFINITY;
  if (position(a) !== position(b)) return position(a) < position(b) ? -1 : 1;
  return a.values.name.toLowerCase().localeCompare(b.values.name.toLowerCase()) || a.id.localeCompare(b.id);
}

function toCbResponder(integration: IntegrationToExport, chatbotId: string): Record<string, unknown> {
  const mapped = cbFieldsOf(integration.values);
  if (integration.extras) return restoreObject(integration.extras, mapped);
  return inCbOrder({ ...newResponderDefaults(chatbotId, integration.id), ...mapped });
}

/** The `bot` object of a bot created in the panel, with the values CB gives a new bot. */
function newCbBot(bot: BotToExport): Record<string, unknown> {
  return {
    id: bot.id,
    name: bot.name,
    chatBotType: 'CUSTOMER_FACING_BOT',
    description: bot.description,
    status: 'NEW',
    getStartedButtonPayload: 'hi',
    language: 'en-US',
  };
}

/** The CB export file of a bot: imported bots get back every key of their file. */
export const toCbExport = (bot: BotToExport): Record<string, unknown> => runNow(toCbExportSteps(bot));

/** The same, as steps between its integrations (a bot may hold 5,000). */
export function* toCbExportSteps(bot: BotToExport): Steps<Record<string, unknown>> {
  const kept = bot.extras;
  const botObject = withEnvironmentName(kept ? restoreObject(kept.bot, cbBotFieldsOf(bot)) : newCbBot(bot), bot.environmentName);
  const chatbotId = typeof botObject.id === 'string' ? botObject.id : bot.id;
  const sorted = [...bot.integrations].sort(exportOrder);
  yield;
  const responder = yield* mapSteps(sorted, (integration) => toCbResponder(integration, chatbotId));
  if (!kept) {
    // A bot made in the panel has no dialogs: the file carries its integrations only.
    return {
      bot: botObject,
      responder,
      requiredContext: [],
      conversationMessage: [],
      menus: [],
      groups: [],
      platforms: [],
      associatedDomains: [],
      dialogTemplates: [],
    };
  }
  const rebuilt: Record<string, unknown> = { bot: botObject, responder };
  const keys = [...new Set([...kept.keyOrder, 'bot', 'responder', ...Object.keys(kept.topLevel)])];
  return Object.fromEntries(
    keys
      .filter((key) => Object.hasOwn(rebuilt, key) || Object.hasOwn(kept.topLevel, key))
      .map((key) => [key, Object.hasOwn(rebuilt, key) ? rebuilt[key] : kept.topLevel[key]] as const),
  );
}

/** CB's own layout: two-space indent, no final newline (all five sample exports match it byte for byte). */
export function serializeCbExport(file: Record<string, unknown>): string {
  return JSON.stringify(file, null, 2);
}

/** serializeCbExport's text, written in slices: a bot of thousands of integrations and dialogs does not hold other requests. */
export function serializeCbExportSliced(file: Record<string, unknown>): Promise<string> {
  return stringifyIndentedSliced(file);
}
