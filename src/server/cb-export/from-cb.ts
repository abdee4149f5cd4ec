import { botInputSchema } from '../../domain/bot';
import type { BotExtras, CbExport, ResponderExtras } from '../../domain/cb-export';
import { integrationInputSchema } from '../../domain/integration';
import type { IntegrationType } from '../../domain/integration-types';
import { CB_TYPE_KEY, cbFieldsOf, fieldMapOf, integrationTypeOfCb } from './cb-fields';
import { keepObject } from './kept-keys';

interface MappedIntegration {
  /** The object to validate with integrationInputSchema: only the keys the entry has. */
  input: Record<string, unknown>;
  /** The type the entry names, when it is one the panel knows. */
  type: IntegrationType | undefined;
  extras: ResponderExtras;
  /** The entry's name as written, or its place in the array when it has none. */
  sourceName: string;
}

interface MappedBot {
  input: Record<string, unknown>;
  extras: BotExtras;
}

interface MappedImport {
  bot: MappedBot;
  integrations: MappedIntegration[];
}

/** The keys of the top level and of `bot` that the model rebuilds itself. */
const TOP_LEVEL_MAPPED = new Set(['bot', 'responder']);
const BOT_FIELDS = [
  ['name', 'name'],
  ['description', 'description'],
] as const;

function pick(source: Record<string, unknown>, pairs: ReadonlyArray<readonly [string, string]>) {
  return Object.fromEntries(pairs.filter(([, cbKey]) => Object.hasOwn(source, cbKey)).map(([field, cbKey]) => [field, source[cbKey]]));
}

export function mapCbResponder(entry: Record<string, unknown>, position: number): MappedIntegration {
  const rawType = entry[CB_TYPE_KEY];
  const type = integrationTypeOfCb(rawType);
  const fields = fieldMapOf(type);
  // An unknown type is passed on as written, so the schema names it in its message.
  const input = { type: type ?? rawType, ...pick(entry, fields) };
  if (input.type === undefined) delete input.type;
  const parsed = integrationInputSchema.safeParse(input);
  const mappedKeys = new Set([CB_TYPE_KEY, ...fields.map(([, cbKey]) => cbKey)]);
  return {
    input,
    type,
    extras: { ...keepObject(entry, mappedKeys, parsed.success ? cbFieldsOf(parsed.data) : null), position },
    sourceName: typeof entry.name === 'string' && entry.name !== '' ? entry.name : `responder[${position}]`,
  };
}

/** The bot as CB writes it from the model: description is always written. */
export function cbBotFieldsOf(values: { name: string; description: string }): Record<string, unknown> {
  return { name: values.name, description: values.description };
}

/** The bot part of a CB export: its mapped fields and everything else the file holds beside the responders. */
export function mapCbBot(file: CbExport): MappedBot {
  const bot = file.bot as Record<string, unknown>;
  const botInput = pick(bot, BOT_FIELDS);
  const parsedBot = botInputSchema.safeParse(botInput);
  const top = file as Record<string, unknown>;
  return {
    input: botInput,
    extras: {
      keyOrder: Object.keys(top),
      topLevel: Object.fromEntries(Object.entries(top).filter(([key]) => !TOP_LEVEL_MAPPED.has(key))),
      bot: keepObject(bot, new Set(BOT_FIELDS.map(([, key]) => key)), parsedBot.success ? cbBotFieldsOf(parsedBot.data) : null),
    },
  };
}

/**
 * Pass the file as read, after checking it with cbExportSchema, and not the
 * schema's output: zod rebuilds objects with the modelled keys first, which
 * would change the key order export has to write back.
 */
export function mapCbExport(file: CbExport): MappedImport {
  return { bot: mapCbBot(file), integrations: file.responder.map((entry, position) => mapCbResponder(entry, position)) };
}
