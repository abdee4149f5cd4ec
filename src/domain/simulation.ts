import { z } from 'zod';
import { integrationInputSchema } from './integration';
import { describeJsonTextError, findJsonTextError } from './sample-json';

export { SIMULATED_ACCOUNT_ID, SIMULATED_CONVERSATION_ID, SIMULATION_LIMITS } from './simulation-limits';
import { SIMULATION_LIMITS } from './simulation-limits';

const MAX_VARIABLES = 200;
const MAX_VARIABLE_CHARS = 64 * 1024;

function variableRows(label: string) {
  return z
    .array(
      z.strictObject({
        key: z
          .string({ error: `${label}: key is required.` })
          .min(1, `${label}: key is required.`)
          .max(256, `${label}: key must be at most 256 characters.`),
        value: z.string({ error: `${label}: value must be text.` }).max(MAX_VARIABLE_CHARS, `${label}: value must be at most 64 KB.`),
      }),
    )
    .max(MAX_VARIABLES, `${label} can hold at most ${MAX_VARIABLES} rows.`)
    .default([])
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.key)) {
          ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `${label}: "${row.key}" is given twice; keep one row per key.` });
        }
        seen.add(row.key);
      });
    });
}

export const simulationSampleSchema = z.strictObject({
  status: z
    .number({ error: 'Sample status must be an HTTP status code such as 200.' })
    .int('Sample status must be a whole number such as 200.')
    .min(100, 'Sample status must be an HTTP status code from 100 to 599.')
    .max(599, 'Sample status must be an HTTP status code from 100 to 599.')
    .default(200),
  body: z
    .string({ error: 'Sample body is required: the raw result as JSON text, e.g. {"items": []}.' })
    .max(SIMULATION_LIMITS.sampleBodyChars, 'Sample body must be at most 512 KB.')
    .superRefine((text, ctx) => {
      try {
        JSON.parse(text);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `Sample body must be JSON text, as the API would return it: ${(error as Error).message}.`,
        });
      }
    }),
  /**
   * The response headers of the sample, when they matter to the script: it reads them as
   * `botContext.getBotVariable('api_<RDV>').headers` (beside `jsonData`); left out, the variable has none.
   */
  headers: z
    .record(z.string().min(1).max(256), z.string().max(8192))
    .refine((headers) => Object.keys(headers).length <= 100, 'A sample holds at most 100 headers.')
    .optional(),
});

/** What `botContext.getCurrentUserMessage()` returns. */
const userMessage = z.string().max(2000, 'User message must be at most 2,000 characters.');

/** `POST /api/bots/:botId/integrations/:id/simulate`: runs the saved integration. */
export const simulateRequestSchema = z.strictObject({
  sample: simulationSampleSchema,
  botVariables: variableRows('Bot variables'),
  envVariables: variableRows('Environment variables'),
  userMessage: userMessage.default(''),
  /**
   * The environment `{$env.NAME}` and getEnvVariable read: the bot's own when left out, none with null.
   * `envVariables` rows given beside it win over its values.
   */
  environmentId: z.uuid('environmentId must be the id of an environment, or null.').nullable().optional(),
});
export type SimulateRequest = z.input<typeof simulateRequestSchema>;
export type SimulateRequestValues = z.output<typeof simulateRequestSchema>;

/** `POST /api/bots/:botId/simulate`: runs an unsaved integration, given as the create endpoint takes it. */
export const simulateUnsavedRequestSchema = simulateRequestSchema.extend({ integration: integrationInputSchema });
export type SimulateUnsavedRequest = z.input<typeof simulateUnsavedRequestSchema>;

const STATUS_MESSAGE = 'HTTP status must be a whole number from 100 to 599, such as 200.';

/**
 * The Test panel's own inputs, checked before anything is sent: the sample must parse (its error names the
 * line and column, as an editor would) and the status must be one HTTP has. The request built from them is
 * checked again by simulateRequestSchema on the server; the sample variables are only checked there, since
 * blank rows are dropped before sending and the server's row numbers are the ones that count.
 */
export const simulationInputsSchema = z.object({
  sample: z
    .string()
    .max(SIMULATION_LIMITS.sampleBodyChars, 'The sample result must be at most 512 KB.')
    .superRefine((text, ctx) => {
      const error = findJsonTextError(text);
      if (error) ctx.addIssue({ code: 'custom', message: describeJsonTextError(error) });
    }),
  // A number input gives NaN when it is empty or not a number: the same sentence covers every case.
  status: z.number({ error: STATUS_MESSAGE }).int(STATUS_MESSAGE).min(100, STATUS_MESSAGE).max(599, STATUS_MESSAGE),
  userMessage,
});
export type SimulationInputs = z.infer<typeof simulationInputsSchema>;

const SIMULATION_ERROR_KINDS = ['script', 'timeout', 'memory', 'result', 'sandbox', 'output'] as const;

export const simulationErrorSchema = z.strictObject({
  /**
   * script: the script threw; timeout / memory: a sandbox limit; result: the script left api_<RDV> unreadable;
   * output: the run produced more than the simulator answers (OUTPUT_CAPS), and what is shown was cut.
   */
  kind: z.enum(SIMULATION_ERROR_KINDS),
  message: z.string(),
  /** 1-based position in the Transform Result Script, when the error has one. */
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
});
export type SimulationError = z.infer<typeof simulationErrorSchema>;

export const customDataFieldResultSchema = z.strictObject({
  key: z.string(),
  expression: z.string(),
  /** Text; a list where `[i]` iterates; null when the path finds nothing. */
  value: z.union([z.string(), z.array(z.string()), z.null()]),
  note: z.string().nullable(),
});
export type CustomDataFieldResult = z.infer<typeof customDataFieldResultSchema>;

export const simulationOutputSchema = z.strictObject({
  customDataFields: z.array(customDataFieldResultSchema),
  /** Variables the script set, in the order first set, with their last value. */
  botVariables: z.array(z.strictObject({ key: z.string(), value: z.string().nullable() })),
  /** printDebugMessage lines. */
  debugLog: z.array(z.string()),
  customEvents: z.array(z.strictObject({ userMessage: z.string(), eventName: z.string(), eventDetail: z.string() })),
  /** sendMessage texts. */
  messages: z.array(z.string()),
  /** setBotTransferUserMessage / setBotTransferIntentId / setBotTransferIntentbyDomain. */
  transfer: z.strictObject({
    userMessage: z.string().nullable(),
    intentId: z.string().nullable(),
    intentByDomain: z.strictObject({ intentName: z.string(), domainName: z.string() }).nullable(),
  }),
  contextData: z.array(z.strictObject({ namespace: z.string(), key: z.string(), value: z.string().nullable() })),
  triggerNextMessage: z.string().nullable(),
  /** Things that would work differently from what the script seems to expect (not errors). */
  warnings: z.array(z.string()),
  error: simulationErrorSchema.nullable(),
  durationMs: z.number().nonnegative(),
});
export type SimulationOutput = z.infer<typeof simulationOutputSchema>;
