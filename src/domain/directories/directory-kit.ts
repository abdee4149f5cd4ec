import { z } from 'zod';
import { nameString } from '../names';
import { POSITIVE_ID_PATTERN } from '../variable-reference';

/** The largest id a skill can have: Conversational Cloud's ids are positive longs (PostgreSQL bigint). */
const MAX_SKILL_ID = 9223372036854775807n;

/** The longest id a directory takes that it does not make itself (lambda UUIDs, knowledge base ids, typed ids). */
export const MAX_ENTRY_ID_LENGTH = 128;

const SKILL_ID_MESSAGE =
  'Skill id must be a positive whole number of up to 19 digits, as Conversational Cloud shows it (for example 3402109730).';

/**
 * What a directory descriptor builds its schemas from: descriptors receive it instead of importing zod,
 * so the web app reads their labels and columns without loading zod.
 */
export const directoryKit = {
  z,
  name: (label: string) => nameString(label).trim().min(1, `${label} is required.`).max(255, `${label} must be at most 255 characters.`),
  text: (label: string, max: number) =>
    z.string({ error: `${label} must be text.` }).max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`),
  oneOf: (values: readonly [string, ...string[]], message: string) => z.enum(values, { error: message }) as z.ZodType<string, string>,
  languageTag: () =>
    z
      .string({ error: 'Language must be text such as en-US.' })
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Language must be a language tag such as en-US or fr.'),
  /** An entry id as LivePerson gives it (lambda UUIDs, knowledge base ids) or as typed for a local entry. */
  entryId: (label: string) =>
    z
      .string({ error: `${label} id must be text.` })
      .trim()
      .min(1, `${label} id is required.`)
      .max(MAX_ENTRY_ID_LENGTH, `${label} id must be at most ${MAX_ENTRY_ID_LENGTH} characters.`)
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/,
        `${label} id may hold letters, digits, "_", ".", ":" and "-", starting with a letter or digit.`,
      ),
  uuid: (label: string) => z.uuid(`id must be a ${label} id (a UUID).`),
  /**
   * A skill id as the form takes it: digits, up to 19 of them, as text (a JSON number loses digits past 2^53).
   * A number is still accepted on input, for clients written when ids were numbers.
   */
  skillId: () =>
    z
      .union([z.string().trim(), z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String)], {
        error: 'Skill id must be a positive whole number, as Conversational Cloud shows it (for example 3402109730).',
      })
      .refine((id) => POSITIVE_ID_PATTERN.test(id) && BigInt(id) <= MAX_SKILL_ID, SKILL_ID_MESSAGE),
  /** A credential's plain field: kept as given, shown and answered. */
  plainField: (label: string) =>
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(2048, `${label} must be at most 2,048 characters.`),
  /** A credential's secret: write-only, stored sealed. */
  secretValue: (label: string) =>
    z
      .string({ error: `${label} must be text.` })
      .min(1, `${label} must not be empty: leave it out to keep it unset.`)
      .max(8192, `${label} must be at most 8,192 characters.`),
};

export type DirectoryKit = typeof directoryKit;

/**
 * The longest path parameter the router passes to a route: above every id schema's limit (and UUIDs),
 * so that an id too long is the schema's 400, never the router's 414 or 405.
 */
export const MAX_PATH_PARAM_LENGTH = 1024;
