import { z } from 'zod';
import { integrationInputSchema } from './integration';

export { OUTPUT_CAPS, SIMULATED_ACCOUNT_ID, SIMULATED_CONVERSATION_ID, SIMULATION_LIMITS, type OutputChannel } from './simulation-limits';
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
});

/** `POST /api/bots/:botId/integrations/:id/simulate`: runs the saved integration. */
export const simulateRequestSchema = z.strictObject({
  sample: simulationSampleSchema,
  botVariables: variableRows('Bot variables'),
  envVariables: variableRows('Environment variables'),
  /** What `botContext.getCurrentUserMessage()` returns. */
  userMessage: z.string().max(2000, 'User message must be at most 2,000 characters.').default(''),
});
export type SimulateRequest = z.input<typeof simulateRequestSchema>;
export type SimulateRequestValues = z.output<typeof simulateRequestSchema>;

/** `POST /api/bots/:botId/simulate`: runs an unsaved integration, given as the create endpoint takes it. */
export const simulateUnsavedRequestSchema = simulateRequestSchema.extend({ integration: integrationInputSchema });
export type SimulateUnsavedRequest = z.input<typeof simulateUnsavedRequestSchema>;

export const SIMULATION_ERROR_KINDS = ['script', 'timeout', 'memory', 'result', 'sandbox', 'output'] as const;

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
