import { z } from 'zod';
import { INTEGRATION_FIELD_LABELS } from './field-labels';
import { integrationSchema } from './integration';
import { authorSchema } from './people';
import { INTEGRATION_TYPES } from './integration-types';
import { testCaseChangeSchema, testCaseSchema } from './test-cases';

/** `release`: written by a release from another bot, or by its rollback (GET …/releases names it). */
const REVISION_ACTIONS = ['create', 'update', 'restore', 'delete', 'release'] as const;

export const revisionSummarySchema = z.object({
  version: z.number().int().positive(),
  action: z.enum(REVISION_ACTIONS),
  createdAt: z.iso.datetime(),
  changedFields: z.array(z.string()),
  summary: z.string(),
  /** Who saved it (revisions from before people were known: the local builder). */
  author: authorSchema,
  /** The test case changes made with this version (a rename or restore in the save itself, then edits until the next save). */
  testCaseChanges: z.array(testCaseChangeSchema),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/**
 * One saved state of an integration: the whole integration as it was saved, and its test cases as they
 * stood with it (until the next save): what restoring it brings back.
 */
export const revisionSchema = revisionSummarySchema.extend({ integration: integrationSchema, testCases: z.array(testCaseSchema) });
export type Revision = z.infer<typeof revisionSchema>;

/** A save in the panel's words: the fields it changed by their labels ("Message to User"), never their keys. */
export function describeRevision(action: RevisionSummary['action'], changedFieldKeys: string[]): string {
  const changedFields = changedFieldKeys.map((key) => INTEGRATION_FIELD_LABELS[key] ?? key);
  switch (action) {
    case 'create':
      return 'Created';
    case 'delete':
      return 'Deleted';
    case 'restore':
      return changedFields.length ? `Restored (${changedFields.join(', ')})` : 'Restored';
    case 'update':
      return changedFields.length ? `Changed ${changedFields.join(', ')}` : 'Saved without changes';
    case 'release':
      return changedFields.length ? `Released (${changedFields.join(', ')})` : 'Released';
  }
}

/**
 * An integration of the bot whose newest revision is its deletion: restorable with one click. Revisions are
 * kept for good, so the list reaches back at least the 30 days the panel promises.
 */
export const deletedIntegrationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(INTEGRATION_TYPES),
  deletedAt: z.iso.datetime(),
  /** The deletion's version: the If-Match of the restore. */
  deletedVersion: z.number().int().positive(),
  /** The last saved state before the deletion: the revision a restore saves again. */
  restoreVersion: z.number().int().positive(),
});
export type DeletedIntegration = z.infer<typeof deletedIntegrationSchema>;
