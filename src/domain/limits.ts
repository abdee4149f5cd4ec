/**
 * Size limits of the data a bot holds, shared by the API and the import. Each is refused with a
 * problem+json that names it (see the README's security section).
 */

/**
 * Integrations one bot may hold: the benchmark's largest bot (5,000) fits; the list stays usable. An import
 * makes a bot, so it brings no more.
 */
export const MAX_INTEGRATIONS_PER_BOT = 5_000;

/**
 * The largest version a native import keeps. ETags name versions of at most 9 digits, and each save adds
 * one: a version kept from a file must leave room for saves, so larger ones start again at 1.
 */
export const MAX_KEPT_IMPORT_VERSION = 1_000_000;

/** Rows of Custom Data Fields one integration holds, and the length of each value. */
export const MAX_CUSTOM_DATA_FIELDS = 100;
export const MAX_CUSTOM_DATA_VALUE_LENGTH = 1000;

/**
 * Dialogs and interactions one bot may hold (an import beyond them is refused with 413): every read of the
 * dialogs (checks, usages, rename, the flow) walks all of them, so these bound what one request may cost.
 */
export const MAX_DIALOGS_PER_BOT = 5_000;
export const MAX_INTERACTIONS_PER_BOT = 25_000;
