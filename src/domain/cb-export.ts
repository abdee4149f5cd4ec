import { z } from 'zod';

/*
 * Conversation Builder bot export files, and the project's own export format.
 * The CB schemas are loose on purpose: an import keeps every key it does not
 * model and writes it back on export, so nothing may be dropped while parsing.
 */

/** The `bot` object of a CB export; only what the panel maps is typed. */
const cbBotSchema = z.looseObject(
  {
    id: z.string().optional(),
    name: z.string({ error: 'bot.name must be a string: the name of the bot.' }),
    description: z.string({ error: 'bot.description must be a string when present.' }).optional(),
  },
  { error: 'bot must be an object: the exported bot with its name.' },
);

/**
 * A whole CB export. Responder entries are only required to be objects here:
 * their fields are checked after mapping, by the integration schema, so that a
 * wrong entry is reported by its name and field rather than failing the file.
 */
export const cbExportSchema = z.looseObject({
  hash: z.string().optional(),
  bot: cbBotSchema,
  responder: z.array(z.record(z.string(), z.unknown()), {
    error: 'responder must be an array of integration objects.',
  }),
  requiredContext: z.array(z.unknown()).optional(),
  conversationMessage: z.array(z.unknown()).optional(),
  menus: z.array(z.unknown()).optional(),
  groups: z.array(z.unknown()).optional(),
  globalFunctions: z.unknown().optional(),
  platforms: z.array(z.unknown()).optional(),
  associatedDomains: z.array(z.unknown()).optional(),
  associatedIntents: z.array(z.unknown()).optional(),
  dialogTemplates: z.array(z.unknown()).optional(),
});
export type CbExport = z.infer<typeof cbExportSchema>;

/**
 * A mapped key whose model value would not write back what the file had: the
 * file lacked it (`absent`), or held a form the schema normalizes (a trimmed
 * URL, an empty response data variable). While the model still holds
 * `fromModel`, export writes the file's form again.
 */
export const verbatimKeySchema = z.union([
  z.strictObject({ absent: z.literal(true), fromModel: z.unknown() }),
  z.strictObject({ original: z.unknown(), fromModel: z.unknown() }),
]);
export type VerbatimKey = z.infer<typeof verbatimKeySchema>;

/** What an import keeps of one JSON object so that export can rebuild it key for key. */
export const keptObjectSchema = z.strictObject({
  /** Every key of the original object, in file order. */
  keyOrder: z.array(z.string()),
  /** The keys the model does not use, verbatim. */
  unmapped: z.record(z.string(), z.unknown()),
  verbatim: z.record(z.string(), verbatimKeySchema),
});
export type KeptObject = z.infer<typeof keptObjectSchema>;

/** The extras of an imported integration: its responder entry's kept keys and its place in the array. */
export const responderExtrasSchema = keptObjectSchema.extend({
  position: z.number().int().nonnegative(),
});
export type ResponderExtras = z.infer<typeof responderExtrasSchema>;

/** The extras of an imported bot: the rest of the file (dialogs, interactions, ...) and the unmapped `bot` keys. */
export const botExtrasSchema = z.strictObject({
  keyOrder: z.array(z.string()),
  topLevel: z.record(z.string(), z.unknown()),
  bot: keptObjectSchema,
});
export type BotExtras = z.infer<typeof botExtrasSchema>;

export const NATIVE_FORMAT = 'integrations-panel';
export const NATIVE_FORMAT_VERSION = 1;

/**
 * The project's own export. Integration fields are checked one by one on
 * import (like CB entries), so an integration only has to be an object here.
 */
export const nativeIntegrationEntrySchema = z.looseObject({
  version: z.number().int().positive().optional(),
  extras: responderExtrasSchema.nullable().optional(),
});

export const nativeExportSchema = z.strictObject({
  format: z.literal(NATIVE_FORMAT),
  formatVersion: z.literal(NATIVE_FORMAT_VERSION, {
    error: `formatVersion must be ${NATIVE_FORMAT_VERSION}: this file was written by another version of the panel.`,
  }),
  bot: z.looseObject({ name: z.unknown(), description: z.unknown() }),
  integrations: z.array(nativeIntegrationEntrySchema),
  extras: botExtrasSchema.nullable(),
});
