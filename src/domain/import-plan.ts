import { z } from 'zod';
import { INTEGRATION_TYPES } from './integration-types';

/** One validation problem of an imported file. */
export const importProblemSchema = z.object({
  /** Where the model has the field, e.g. `customDataFields.1.key`. */
  path: z.string(),
  /** Where the file has it, e.g. `responder.0.customDataFields.1.key`. */
  sourcePath: z.string(),
  message: z.string(),
});

/**
 * The answer of `POST /api/bots/import?dryRun=true`: what an import would create, and every problem
 * that blocks it. The kept extras (the file's own content, possibly large) are not part of it.
 */
export const importPlanSchema = z.object({
  format: z.enum(['cb', 'native']),
  /** True when every part validates: only then may the import write anything. */
  valid: z.boolean(),
  problemCount: z.number().int(),
  bot: z.object({
    values: z.object({ name: z.string(), description: z.string() }).nullable(),
    problems: z.array(importProblemSchema),
    /** Keys the panel does not model, kept and written back on export. */
    keptKeys: z.array(z.string()),
  }),
  integrations: z.array(
    z.object({
      index: z.number().int(),
      sourceName: z.string(),
      type: z.enum(INTEGRATION_TYPES).nullable(),
      values: z.record(z.string(), z.unknown()).nullable().describe('The integration as it will be saved; null when it has problems'),
      problems: z.array(importProblemSchema),
      /** What to check before importing, which does not block it: a credential sent to a host it never was. */
      warnings: z.array(importProblemSchema),
      keptKeys: z.array(z.string()),
      /** The version a native export recorded; the integration keeps it. */
      version: z.number().int().nullable(),
    }),
  ),
});

export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportPlan = z.infer<typeof importPlanSchema>;
