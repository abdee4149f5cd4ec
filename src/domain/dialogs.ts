import { authorSchema } from './people';
import { z } from 'zod';
import { identifierSchema } from './identifier';
import { integrationInputSchema } from './integration';
import { problemSchema } from './problem';
import { requiredText } from './request-fields';
import { agentEscalation } from './integration-types/agent-escalation';
import { schemaKit } from './integration-types/schema-kit';

/*
 * The bot around its integrations, as the server reads it from an imported Conversation Builder
 * export: dialogs (`groups`), their interactions (`conversationMessage`), where they use an
 * integration, and the checks that catch what CB leaves to the user.
 */

/** The platform's message to the bot when a transfer that had started fails later on. */
export const AGENT_ESCALATION_FAILED = '__agent_escalation_failed__';

/** Where an interaction goes after it: another interaction, another dialog, or the end of the dialog. */
export const transitionSchema = z.object({
  rule: z.string().optional().describe('The response rule name, when the interaction has several'),
  to: z.enum(['interaction', 'dialog', 'end']),
  id: z.string().optional().describe('The interaction or dialog id; absent for end'),
});
export type Transition = z.infer<typeof transitionSchema>;

export const interactionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** CB's interactionType as written: DIALOG_STARTER, TEXT, API_INTEGRATION, ESCALATION, ... */
  kind: z.string(),
  /** The panel's id of the integration an integration interaction invokes, when the bot has it. */
  integrationId: z.uuid().optional(),
  /** The integration name the interaction names (`content.responderName`), found or not. */
  integrationName: z.string().optional(),
  patterns: z.array(z.string()).optional(),
  intentId: z.string().optional(),
  next: z.string().optional().describe('nextMessageId: the interaction a `next` rule goes to'),
  transitions: z.array(transitionSchema),
  texts: z.array(z.string()),
  preProcess: z.string().optional(),
  postProcess: z.string().optional(),
  /** The skill of an Agent Transfer (ESCALATION) interaction. */
  agentSkillId: z.string().optional(),
  /** An Agent Transfer's message (BLANK_MESSAGE: none is sent). */
  messageToUser: z.string().optional(),
  /** An Agent Transfer's agent, when it names one. */
  agentId: z.string().optional(),
  /** An Agent Transfer's Transfer Bot Context (the file's `tangoContextEnabled`). */
  transferBotContext: z.boolean().optional(),
  /** Milliseconds the platform waits before the interaction (the file keeps `interactionDelay` as text: "2000"). */
  interactionDelay: z.number().int().nonnegative().optional(),
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const dialogViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** CB's dialogType: DIALOG, FALLBACK_DIALOG, ... */
  type: z.string(),
  status: z.string(),
  interactions: z.array(interactionViewSchema),
  /** The panel added it (Add a failure dialog): DELETE …/dialogs/:dialogId removes it again. */
  addedHere: z.boolean().optional(),
});
export type DialogView = z.infer<typeof dialogViewSchema>;

/** Every dialog, or for a bot of more than 1,000 a page of them and the cursor of the next (GET …/dialogs?cursor=). */
export const dialogListSchema = z.object({ items: z.array(dialogViewSchema), nextCursor: z.string().optional() });

const USAGE_KINDS = ['invokes', 'reads-variable', 'reads-field'] as const;
/** testCase: a rename's change only, the expectations of the renamed integration's test cases. */
export const USAGE_PLACES = [
  'interaction',
  'preProcess',
  'postProcess',
  'text',
  'transformScript',
  'customDataFields',
  'testCase',
] as const;
export type UsagePlace = (typeof USAGE_PLACES)[number];

/** Who holds a reference: an interaction in a dialog, or another integration's script or fields. */
const referenceHolder = {
  dialogId: z.string().nullable(),
  dialogName: z.string().nullable(),
  interactionId: z.string().nullable(),
  interactionName: z.string().nullable(),
  /** For where = transformScript or customDataFields: the integration that holds the reference. */
  integrationId: z.uuid().nullable(),
  integrationName: z.string().nullable(),
  where: z.enum(USAGE_PLACES),
};

export const usageSchema = z.object({
  ...referenceHolder,
  kind: z.enum(USAGE_KINDS),
  excerpt: z.string().describe('The line holding the reference'),
});
export type Usage = z.infer<typeof usageSchema>;

export const usageListSchema = z.object({ items: z.array(usageSchema) });

/** A 409 of a delete or of a PUT that renames lists where the integration is used (other 409s have no usages). */
export const usagesProblemSchema = problemSchema.extend({ usages: z.array(usageSchema).optional() });

export const renameInputSchema = z.strictObject({
  name: identifierSchema('Integration Name'),
  responseDataVariable: identifierSchema('Response Data Variable Name').optional(),
  values: integrationInputSchema
    .optional()
    .describe(
      "The integration as the form saves it with the rename (the builder's other edits): its own script and fields are rewritten like the stored ones would be, and stored in the same revision. Its name and variable are the ones above.",
    ),
});
export type RenameInput = z.infer<typeof renameInputSchema>;

export const referenceChangeSchema = z.object({
  ...referenceHolder,
  before: z.string().describe('The lines that change, as they are'),
  after: z.string().describe('The same lines after the rename'),
});
export type ReferenceChange = z.infer<typeof referenceChangeSchema>;

const CHECK_IDS = ['escalation-failure-caught', 'integration-exists', 'custom-field-exists', 'env-variable-exists'] as const;
const CHECK_STATUSES = ['pass', 'warn', 'fail'] as const;

/**
 * The one-click fix a failed check offers, as data: the client shows what it will change before it applies it.
 * - `add-failure-dialog`: POST …/dialogs/escalation-failure.
 * - `missing-integration`: an interaction invokes (or a text reads) an integration the bot lacks: restore the
 *   deleted one that matches (GET …/deleted-integrations) or, when `repoint`, make the check's interaction invoke
 *   another (PUT …/interactions/:interactionId/integration).
 * - `add-custom-field`: give the integration the custom data field a dialog shows (`value`: the path suggested).
 */
export const checkFixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-failure-dialog') }),
  z.object({
    kind: z.literal('missing-integration'),
    invokes: z.object({ id: z.string().optional(), name: z.string().optional() }),
    repoint: z.boolean(),
  }),
  z.object({ kind: z.literal('add-custom-field'), integrationId: z.uuid(), key: z.string(), value: z.string() }),
]);
export type CheckFix = z.infer<typeof checkFixSchema>;

export const checkSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  title: z.string(),
  detail: z.string(),
  dialogId: z.string().optional(),
  interactionId: z.string().optional(),
  integrationId: z.uuid().optional(),
  fix: checkFixSchema.optional(),
});
export type Check = z.infer<typeof checkSchema>;

export const checkListSchema = z.object({ items: z.array(checkSchema) });

export const escalationFailureInputSchema = z.strictObject({
  message: requiredText('Message', 2000, 'Enter what the bot says when a transfer to an agent fails.'),
  thenEscalateTo: z.uuid('thenEscalateTo must be the id of an Agent Escalation integration of this bot.').optional(),
});
export type EscalationFailureInput = z.infer<typeof escalationFailureInputSchema>;

/**
 * `POST /api/bots/:botId/dialogs/failure-rule`: the one-click fix for a transfer that fails at once with nothing
 * to answer: the Agent Escalation integration interaction gets a "failure" rule leading to a text with the message.
 */
export const failureRuleInputSchema = z.strictObject({
  interactionId: z.string().min(1, 'interactionId is required.').max(200),
  message: requiredText('Message', 2000, 'Enter what the bot says when the transfer fails at once.'),
});
export type FailureRuleInput = z.infer<typeof failureRuleInputSchema>;

export const BOT_REVISION_ACTIONS = [
  'add-dialog',
  'rename-references',
  'add-failure-rule',
  'edit-interaction',
  'remove-dialog',
  'restore-dialog',
  'repoint-interaction',
] as const;

/** `PUT …/interactions/:interactionId/integration`: the integration an integration interaction invokes from now on. */
export const repointInputSchema = z.strictObject({
  integrationId: z.uuid('integrationId must be the id of an integration of this bot.'),
});
export type RepointInput = z.infer<typeof repointInputSchema>;
/** The longest Interaction Delay the panel writes: a minute (the platform's own advice is 2,000 ms per message before a transfer). */
const MAX_INTERACTION_DELAY = 60_000;

/*
 * An Agent Transfer interaction's fields, each checked as the Agent Escalation integration checks the field of
 * the same name. A PATCH changes what it is given: every field may be left out, none is cleared by leaving it out.
 */
const transferFields = agentEscalation.fields;
export const agentTransferInputSchema = z.strictObject({
  messageToUser: transferFields.messageToUser.schema(schemaKit).optional(),
  agentSkillId: transferFields.agentSkillId.schema(schemaKit).optional(),
  agentId: z
    .union([schemaKit.idOrVariableSchema('Agent Id', { variable: 'agentId', accountUserId: true }), z.literal('')])
    .optional()
    .describe('Empty removes the agent'),
  transferBotContext: z.boolean({ error: 'Transfer Bot Context must be true or false.' }).optional(),
  interactionDelay: z
    .number({ error: 'Interaction Delay must be a number of milliseconds.' })
    .int('Interaction Delay must be a whole number of milliseconds.')
    .min(0, 'Interaction Delay cannot be negative.')
    .max(MAX_INTERACTION_DELAY, `Interaction Delay must be at most ${MAX_INTERACTION_DELAY.toLocaleString('en-US')} ms.`)
    .optional()
    .describe('Milliseconds; 0 removes the delay'),
});
export type AgentTransferInput = z.infer<typeof agentTransferInputSchema>;

/** A change to the bot's dialogs, recorded with the bot version it produced. */
export const botRevisionSchema = z.object({
  version: z.number().int().positive(),
  action: z.enum(BOT_REVISION_ACTIONS),
  summary: z.string(),
  createdAt: z.iso.datetime(),
  author: authorSchema,
});
export type BotRevision = z.infer<typeof botRevisionSchema>;
