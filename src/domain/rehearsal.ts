import { z } from 'zod';

/*
 * A rehearsal plays a bot's dialogs as Conversation Builder would, with its integrations answered by
 * samples, and shows what the customer sees on each transfer branch (reference §3). The same schemas
 * serve the Rehearse panel, the API and OpenAPI.
 */

/** What the platform does with a transfer, as the builder picks it for a rehearsal. */
export const TRANSFER_OUTCOMES = ['accepted', 'immediate-failure', 'late-failure', 'late-failure-4x', 'agent-unavailable'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export const TRANSFER_OUTCOME_LABELS: Record<TransferOutcome, string> = {
  accepted: 'Accepted',
  'immediate-failure': 'Immediate failure',
  'late-failure': 'Late failure',
  'late-failure-4x': 'Late failure ×4',
  'agent-unavailable': 'Agent unavailable',
};

/** The platform's own answer when the fourth transfer attempt fails too and the bot has no default error message. */
export const PLATFORM_TRANSFER_GIVE_UP = 'Not able to transfer to Agent at this time. Please try later.';

/** Times the platform sends the failed-transfer message before it gives up. */
export const LATE_FAILURE_EVENTS = 3;

/** Interactions (and code runs) one rehearsal may walk through: a loop in the flow ends here with a warning. */
export const REHEARSAL_STEP_BUDGET = 300;
/** Code runs (pre/post-process, transform scripts) one rehearsal makes, each up to the sandbox's 1.5 s. */
export const REHEARSAL_CODE_RUNS = 25;
/** Customer messages one rehearsal plays. */
const REHEARSAL_MAX_MESSAGES = 50;

const integrationResultSchema = z.union([
  z.string().min(1).max(200).describe('The id of a test case of the integration'),
  z.strictObject({
    status: z.number().int().min(100).max(599),
    body: z
      .string()
      .max(512 * 1024)
      .refine((text) => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      }, 'body must be JSON text, as the API would return it.'),
  }),
]);

export const rehearsalRequestSchema = z.strictObject({
  messages: z
    .array(z.string().max(2000, 'A message must be at most 2,000 characters.'))
    .max(REHEARSAL_MAX_MESSAGES, `A rehearsal plays at most ${REHEARSAL_MAX_MESSAGES} messages.`),
  integrationResults: z
    .record(z.string().max(255), integrationResultSchema)
    .refine((value) => Object.keys(value).length <= 100, 'At most 100 integration results.')
    .optional(),
  transferOutcome: z.enum(TRANSFER_OUTCOMES).optional(),
  /** The environment `{$env.NAME}` reads: the bot's own when left out, none with null. */
  environmentId: z.uuid('environmentId must be the id of an environment, or null.').nullable().optional(),
});
export type RehearsalRequest = z.infer<typeof rehearsalRequestSchema>;

const transcriptEntrySchema = z.object({
  from: z.enum(['user', 'bot', 'platform']),
  text: z.string().optional(),
  quickReplies: z.array(z.string()).optional(),
  /** The dialog and interaction that said it, or that took the customer's message (null: none did). */
  dialogName: z.string().nullable(),
  interactionName: z.string().nullable(),
  delayMs: z.number().int().nonnegative().optional(),
});

export const rehearsalStepSchema = z.object({
  dialogName: z.string(),
  interactionName: z.string(),
  /** Ids to find the node in the flow. */
  dialogId: z.string(),
  interactionId: z.string(),
  /** CB's interaction type, or CODE for pre- and post-process code. */
  kind: z.string(),
  /** The pattern or rule condition the customer's message matched. */
  matched: z.string().optional(),
  integration: z.string().optional(),
  /** The response rule followed. */
  rule: z.string().optional(),
  variablesSet: z.array(z.strictObject({ key: z.string(), value: z.string().nullable() })).optional(),
});
export type RehearsalStep = z.infer<typeof rehearsalStepSchema>;

const REHEARSAL_WARNING_CODES = [
  'intent-not-evaluated',
  'channel-element',
  'message-after-transfer',
  'skill-id-not-numeric',
  'skill-id-variable',
  'integration-missing',
  'integration-sample',
  'test-case-unknown',
  'code-error',
  'regex-invalid',
  'no-fallback',
  'step-budget',
  'unknown-interaction',
  'after-transfer',
  'unresolved-variable',
] as const;

export const rehearsalWarningSchema = z.object({
  code: z.enum(REHEARSAL_WARNING_CODES),
  detail: z.string(),
  dialogName: z.string().optional(),
  interactionName: z.string().optional(),
});
export type RehearsalWarning = z.infer<typeof rehearsalWarningSchema>;

/** What happened to the transfer the rehearsal reached; `no-transfer` when it reached none. */
const REHEARSAL_OUTCOMES = [...TRANSFER_OUTCOMES, 'no-transfer'] as const;

export const rehearsalSchema = z.object({
  transcript: z.array(transcriptEntrySchema),
  steps: z.array(rehearsalStepSchema),
  transfer: z
    .object({
      skillId: z.string(),
      agentId: z.string().optional(),
      message: z.string(),
      botContext: z.boolean().optional(),
    })
    .optional(),
  outcome: z.enum(REHEARSAL_OUTCOMES),
  warnings: z.array(rehearsalWarningSchema),
});
export type Rehearsal = z.infer<typeof rehearsalSchema>;

export const transferCoverageItemSchema = z.object({
  path: z.object({
    dialogName: z.string(),
    interactionName: z.string(),
    dialogId: z.string(),
    interactionId: z.string(),
  }),
  outcome: z.enum(TRANSFER_OUTCOMES),
  handled: z.boolean(),
  customerSees: z.array(z.string()),
  problem: z.string().optional(),
  /** The one-click fix that exists for this row. */
  fix: z.enum(['add-failure-dialog', 'set-default-error-message', 'add-failure-rule']).optional(),
});
export type TransferCoverageItem = z.infer<typeof transferCoverageItemSchema>;

export const transferCoverageSchema = z.object({ items: z.array(transferCoverageItemSchema) });
