/**
 * Test cases: a Test panel run kept as a regression test. The inputs are the simulator's (a sample result,
 * bot and environment variables); `expect` says what must hold after the run, each part optional, and a
 * test run compares it with the run's output as a list of failures `{ path, expected, actual }`. One schema
 * serves the Save as test case form, the API and OpenAPI.
 */
import { z } from 'zod';
import { integrationInputSchema } from './integration';
import { simulationSampleSchema, type SimulationOutput } from './simulation';

const MAX_EXPECTATIONS = 200;
const MAX_VALUE_CHARS = 64 * 1024;
/** Patterns run on RE2 (linear time), but a pattern is still a program: kept short. */
const MAX_PATTERN_CHARS = 1000;

const expectedText = z.string().max(MAX_VALUE_CHARS, 'An expected value must be at most 64 KB.');

/** `{ matches: "<regex>" }`: the whole value or any part of it matches (RE2 syntax, unanchored). */
export const patternMatcherSchema = z.strictObject({
  matches: z
    .string({ error: 'matches must be a regular expression as text.' })
    .min(1, 'matches must not be empty.')
    .max(MAX_PATTERN_CHARS, `matches must be at most ${MAX_PATTERN_CHARS} characters.`),
});
export type PatternMatcher = z.infer<typeof patternMatcherSchema>;

/** A custom data field's value: exact text, an exact list (`[i]` paths), null (finds nothing), or a pattern. */
const customDataExpectationSchema = z.union([expectedText, z.array(expectedText).max(2000), z.null(), patternMatcherSchema], {
  error: 'A custom data expectation is a text, a list of texts, null, or { "matches": "<regex>" }.',
});

const botVariableExpectationSchema = z.union([expectedText, z.null(), patternMatcherSchema], {
  error: 'A bot variable expectation is a text, null, or { "matches": "<regex>" }.',
});

function keyedExpectations<T extends z.ZodType>(label: string, value: T) {
  return z
    .record(z.string().min(1, `${label}: a key must not be empty.`).max(256, `${label}: a key must be at most 256 characters.`), value)
    .refine((record) => Object.keys(record).length <= MAX_EXPECTATIONS, `${label} can hold at most ${MAX_EXPECTATIONS} expectations.`);
}

/** The error kinds a test case may expect: the simulator's limits and a script error. */
export const EXPECTED_ERROR_KINDS = ['script', 'timeout', 'memory', 'output'] as const;

/** What an Agent Escalation sends when it transfers, after its variables are resolved (each part optional). */
const transferExpectationSchema = z.strictObject({
  agentSkillId: expectedText.optional(),
  agentId: expectedText.optional(),
  /** The text sent before the transfer, or BLANK_MESSAGE. */
  message: expectedText.optional(),
  transferBotContext: z.boolean().optional(),
});

export const testCaseExpectSchema = z.strictObject({
  /** null: the run must end without an error; a kind: it must end with that one. Left out: not checked. */
  error: z
    .enum(EXPECTED_ERROR_KINDS, { error: `error must be null or one of ${EXPECTED_ERROR_KINDS.join(', ')}.` })
    .nullable()
    .optional(),
  customData: keyedExpectations('customData', customDataExpectationSchema).optional(),
  botVariables: keyedExpectations('botVariables', botVariableExpectationSchema).optional(),
  transfer: transferExpectationSchema.optional(),
  logIncludes: z.array(expectedText.min(1, 'logIncludes: a line must not be empty.')).max(MAX_EXPECTATIONS).optional(),
});
export type TestCaseExpect = z.infer<typeof testCaseExpectSchema>;

const variableRecord = z
  .record(z.string().min(1).max(256), z.string().max(MAX_VALUE_CHARS))
  .refine((record) => Object.keys(record).length <= MAX_EXPECTATIONS, `At most ${MAX_EXPECTATIONS} variables.`);

/** What `POST …/test-cases` and `PUT …/test-cases/:testCaseId` take (the form's schema too). */
export const testCaseInputSchema = z.strictObject({
  name: z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(200, 'Name must be at most 200 characters.'),
  sample: simulationSampleSchema,
  botVariables: variableRecord.optional(),
  envVariables: variableRecord.optional(),
  /** The environment `{$env.NAME}` reads in the run: the bot's own when left out, none with null. */
  environmentId: z.uuid('environmentId must be the id of an environment, or null.').nullable().optional(),
  expect: testCaseExpectSchema,
});
export type TestCaseInput = z.input<typeof testCaseInputSchema>;
export type TestCaseValues = z.output<typeof testCaseInputSchema>;

export const testCaseSchema = testCaseInputSchema.extend({
  id: z.uuid(),
  botId: z.uuid(),
  integrationId: z.uuid(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TestCase = z.infer<typeof testCaseSchema>;

/** How a test case changed: `rename` follows a rename of what it tests, `restore` a restore of the integration. */
const TEST_CASE_REVISION_ACTIONS = ['create', 'update', 'rename', 'restore', 'delete'] as const;

/** One change of a test case, as the integration's history lists it under the version it was made with. */
export const testCaseChangeSchema = z.object({
  testCaseId: z.uuid(),
  name: z.string(),
  action: z.enum(TEST_CASE_REVISION_ACTIONS),
  /** What a rename rewrote (`expect.customData.status → expect.customData.state`), or what a restore did. */
  note: z.string().optional(),
});
export type TestCaseChange = z.infer<typeof testCaseChangeSchema>;

const TEST_RESULT_STATUSES = ['passed', 'failed', 'error'] as const;

export const testFailureSchema = z.strictObject({
  /** Where in `expect` the failed expectation is, e.g. `customData.city` or `transfer.agentSkillId`. */
  path: z.string(),
  expected: z.unknown(),
  actual: z.unknown(),
});
export type TestFailure = z.infer<typeof testFailureSchema>;

export const testResultSchema = z.strictObject({
  testCaseId: z.uuid(),
  integrationId: z.uuid(),
  name: z.string(),
  /** error: the run itself went wrong in a way the test case did not expect (a limit reached, a script error). */
  status: z.enum(TEST_RESULT_STATUSES),
  failures: z.array(testFailureSchema),
  durationMs: z.number().nonnegative(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const testRunSchema = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  results: z.array(testResultSchema),
});
export type TestRun = z.infer<typeof testRunSchema>;

/** `POST /api/bots/:botId/test-runs`: every test case of the bot, or those of some integrations, or some test cases. */
export const testRunRequestSchema = z.strictObject({
  integrationIds: z.array(z.uuid('integrationIds must hold UUIDs.')).max(5000).optional(),
  testCaseIds: z.array(z.uuid('testCaseIds must hold UUIDs.')).max(5000).optional(),
  /**
   * The Test panel's "Run all test cases" before Save: that integration's test cases run against this body
   * (the create body, as the form holds it) instead of the saved integration.
   */
  unsaved: z
    .strictObject({ integrationId: z.uuid('unsaved.integrationId must be a UUID.'), integration: integrationInputSchema })
    .optional(),
});
export type TestRunRequest = z.infer<typeof testRunRequestSchema>;
export type TestRunRequestInput = z.input<typeof testRunRequestSchema>;

/**
 * The expectations a run's output meets: what Save as test case offers, each of which the user may untick
 * or change. A run that reached an unexpected error kind (result, sandbox) expects no error.
 */
export function expectationsOf(output: SimulationOutput): TestCaseExpect {
  const kind = output.error?.kind;
  return {
    error: kind && (EXPECTED_ERROR_KINDS as readonly string[]).includes(kind) ? (kind as (typeof EXPECTED_ERROR_KINDS)[number]) : null,
    customData: Object.fromEntries(output.customDataFields.map((field) => [field.key, field.value])),
    botVariables: Object.fromEntries(output.botVariables.map((variable) => [variable.key, variable.value])),
    logIncludes: output.debugLog.filter((line) => line.length > 0).slice(0, MAX_EXPECTATIONS),
  };
}
