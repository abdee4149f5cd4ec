/**
 * Releases: integrations of one bot carried into another as new revisions there, after a plan that shows
 * each field change and what the target lacks. `{$env.X}` references travel unresolved: values stay in each
 * bot's environment.
 */
import { z } from 'zod';

export const releaseRequestSchema = z.strictObject({
  targetBotId: z.uuid('targetBotId must be the id of a bot.'),
  /** The source's integrations to release; all of them when left out. */
  integrationIds: z
    .array(z.uuid('Each integration id must be a UUID.'))
    .max(5000, 'A release carries at most 5,000 integrations.')
    .optional(),
  note: z.string().max(2000, 'Note must be at most 2,000 characters.').default(''),
  /** Release despite warnings (never despite errors). */
  force: z.boolean().default(false),
  /** Who releases: shown in the list and on the revisions it writes. */
  author: z.string().trim().max(100, 'Author must be at most 100 characters.').optional(),
});
export type ReleaseRequest = z.input<typeof releaseRequestSchema>;

const fieldChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
type FieldChange = z.infer<typeof fieldChangeSchema>;

const RELEASE_ACTIONS = ['create', 'update', 'unchanged', 'delete'] as const;

export const releaseChangeSchema = z.object({
  /** The source's integration (for a rollback: the target's, which it restores). */
  integrationId: z.uuid(),
  name: z.string(),
  /**
   * create, update, unchanged; delete: the source deleted an integration it had released into the target (a
   * release of all integrations carries that, as does one naming its id), or a rollback removes what a release created.
   */
  action: z.enum(RELEASE_ACTIONS),
  fields: z.array(fieldChangeSchema),
  /** The target's copy it writes (absent in a plan for a copy still to be made). */
  targetIntegrationId: z.uuid().optional(),
});
export type ReleaseChange = z.infer<typeof releaseChangeSchema>;

const PROBLEM_CODES = [
  'env-variable-missing',
  'skill-missing',
  'credential-missing',
  'function-missing',
  'knowledge-base-missing',
  'integration-in-use-renamed',
  'integration-in-use-removed',
  'directory-not-checked',
  'escalation-failure-not-caught',
  'target-changed',
] as const;

export const releaseProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(PROBLEM_CODES),
  integrationName: z.string(),
  field: z.string().optional(),
  detail: z.string(),
  /** target-changed: each field the target's copy changed since the last release, three ways. */
  threeWay: z.array(z.object({ path: z.string(), base: z.unknown(), target: z.unknown(), source: z.unknown() })).optional(),
});
export type ReleaseProblem = z.infer<typeof releaseProblemSchema>;

export const releasePlanSchema = z.object({ changes: z.array(releaseChangeSchema), problems: z.array(releaseProblemSchema) });
export type ReleasePlan = z.infer<typeof releasePlanSchema>;

export const releaseSchema = z.object({
  id: z.uuid(),
  number: z.number().int().positive(),
  sourceBotId: z.uuid().nullable(),
  targetBotId: z.uuid(),
  note: z.string(),
  author: z.string(),
  at: z.iso.datetime(),
  changes: z.array(releaseChangeSchema),
  /** The release this one rolled back, or null. */
  rollbackOf: z.uuid().nullable(),
});
export type Release = z.infer<typeof releaseSchema>;

const NOT_COMPARED = new Set(['id', 'botId', 'createdAt', 'updatedAt', 'version']);

/** The fields that differ between two states of an integration (null: it does not exist), in the newer one's order. */
export function fieldChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].filter((key) => !NOT_COMPARED.has(key));
  return keys.flatMap((path) => {
    const was = before?.[path];
    const now = after?.[path];
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [{ path, before: was ?? null, after: now ?? null }];
  });
}
