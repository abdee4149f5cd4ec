import type { z } from 'zod';
import type { IntegrationType } from '../integration-types';
import type { DirectoryKit } from './directory-kit';

/**
 * A directory (skills, credentials, functions, knowledge bases) defined once, as the integration types
 * are: the server's routes and repository, the web app's page, add form, rename dialog and picker are
 * all built from its descriptor. A descriptor never imports zod (its schemas are built from the kit it
 * is given), so the web app reads labels and columns without loading zod.
 */

/** One field a person types or picks when adding an entry. */
interface DirectoryFieldDescriptor {
  /** What the field accepts; a default belongs in `default`, never here, so a PATCH that leaves it out keeps it. */
  readonly schema: (kit: DirectoryKit) => z.ZodType<string, string>;
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  /** Must be given on create: the form's asterisk. */
  readonly required?: boolean;
  /** The value a create that leaves the field out stores. */
  readonly default?: string;
  /** What the add form starts with, when not `default` or empty. */
  readonly initial?: string;
  /** A select of these values instead of a text input. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Set once on create, never changed by a PATCH (a credential's type). */
  readonly createOnly?: boolean;
}

export type DirectoryFields = Readonly<Record<string, DirectoryFieldDescriptor>>;

export interface DirectoryIdDescriptor {
  /** required: the person types it (a skill id); optional: left out, the server makes a UUID; server: always made by the server. */
  readonly given: 'required' | 'optional' | 'server';
  /** What create and the path parameter both accept: one schema, so every id created can be read, changed and deleted. */
  readonly schema: (kit: DirectoryKit) => z.ZodType<string, string | number>;
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly inputMode?: 'numeric' | 'text';
}

/** A pill in a table cell (a credential's secret, set or not). */
export interface DirectoryPill {
  readonly key: string;
  readonly label: string;
  readonly ok: boolean;
}

export interface DirectoryColumn {
  readonly header: string;
  readonly cell: (entry: Readonly<Record<string, unknown>>) => string | readonly DirectoryPill[];
}

/** The LivePerson API a directory may be read from instead of its table (read-only then). */
export interface DirectoryRemote {
  /** The variable naming the service's host; with LP_ACCOUNT_ID and LP_ACCESS_TOKEN it switches the directory to the account. */
  readonly hostVariable: string;
  /** What the page says the list is read from: "KnowledgeAI". */
  readonly source: string;
}

/** The integration fields that hold an entry's id: the "used by" column, and a delete refused while any does. */
export interface DirectoryUsages {
  readonly field: 'credentialId' | 'functionId' | 'knowledgeBaseId';
  readonly types: readonly IntegrationType[];
}

/** What the integration form's picker shows beside an entry's name and id. */
export interface DirectoryPicker {
  /** The picker's label in the integration form. */
  readonly label: string;
  /** A short text beside each option (a function's state, a credential's type). */
  readonly describe?: (entry: Readonly<Record<string, unknown>>) => string;
  /** A warning about the picked entry itself (a function that is not deployed). */
  readonly warn?: (entry: Readonly<Record<string, unknown>>) => string | undefined;
}

/** Credentials: fields and write-only secrets that depend on the entry's type. */
export interface DirectoryVariants {
  /** The field that chooses the variant. */
  readonly by: string;
  readonly shapes: Readonly<Record<string, { readonly fields: readonly string[]; readonly secrets: readonly string[] }>>;
  readonly labels: Readonly<Record<string, string>>;
}

export interface DirectoryDescriptor<K extends string = string, F extends DirectoryFields = DirectoryFields> {
  readonly kind: K;
  /** The API's collection path; an entry is `${path}/:id`. */
  readonly path: `/api/${string}`;
  /** The OpenAPI tag. */
  readonly tag: string;
  readonly noun: string;
  readonly plural: string;
  /** The page's title and the lead under it. */
  readonly title: string;
  readonly lead: string;
  readonly emptyHint: string;
  readonly id: DirectoryIdDescriptor;
  /** The add form's fields in order; `name` is every directory's. */
  readonly fields: F;
  readonly variants?: DirectoryVariants;
  /** The table's columns beside Name (with the id under it) and Used by. */
  readonly columns: readonly DirectoryColumn[];
  readonly remote?: DirectoryRemote;
  readonly usages?: DirectoryUsages;
  readonly picker?: DirectoryPicker;
  /** What the delete dialog says deleting an entry does, when not "it leaves the directory". */
  readonly deleteNote?: (entry: { id: string; name: string }) => string;
  /** The entry answers when it was created and last changed (`createdAt`, `updatedAt`). */
  readonly timestamps?: boolean;
  /** The demo's entries (the demo integrations refer to them). */
  readonly demo: readonly Readonly<Record<string, unknown>>[];
}

/** Keeps the descriptor's own type, so the compiler knows which directories have a remote, usages or variants. */
export function defineDirectory<const D extends DirectoryDescriptor>(descriptor: D): D {
  return descriptor;
}
