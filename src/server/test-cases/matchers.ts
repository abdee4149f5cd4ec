/**
 * Compares a run's output with a test case's `expect`, one failure `{ path, expected, actual }` per
 * expectation that does not hold. Patterns (`{ matches }`) run on RE2 (re2js): linear time whatever the
 * pattern, so a test case cannot hang the server with a backtracking expression.
 */
import { RE2JS } from 're2js';
import type { Integration } from '../../domain/integration';
import type { SimulationOutput } from '../../domain/simulation';
import type { PatternMatcher, TestCaseExpect, TestCaseValues, TestFailure, TestResult } from '../../domain/test-cases';
import { previewTransfer, type EscalationFields } from '../../domain/transfer-preview';
import { badRequest } from '../errors';

const isPattern = (value: unknown): value is PatternMatcher => typeof value === 'object' && value !== null && 'matches' in value;

function compile(pattern: string): RE2JS {
  return RE2JS.compile(pattern);
}

/** Every pattern of an `expect` compiles, or the request is refused naming the field (400). */
export function checkPatterns(expect: TestCaseExpect, prefix = 'expect'): void {
  const errors: Record<string, string> = {};
  for (const group of ['customData', 'botVariables'] as const) {
    for (const [key, value] of Object.entries(expect[group] ?? {})) {
      if (!isPattern(value)) continue;
      try {
        compile(value.matches);
      } catch (error) {
        errors[`${prefix}.${group}.${key}.matches`] = `Not a regular expression RE2 reads: ${(error as Error).message}.`;
      }
    }
  }
  if (Object.keys(errors).length > 0)
    throw badRequest('A pattern of the test case is not a valid regular expression.', errors, 'Validation failed');
}

function matchesPattern(pattern: string, actual: unknown): boolean {
  const regex = compile(pattern);
  if (typeof actual === 'string') return regex.matcher(actual).find();
  // A list (a `[i]` field) matches when every item does: one odd item is what a regression looks like.
  if (Array.isArray(actual)) return actual.length > 0 && actual.every((item) => typeof item === 'string' && regex.matcher(item).find());
  return false;
}

function holds(expected: unknown, actual: unknown): boolean {
  if (isPattern(expected)) return matchesPattern(expected.matches, actual);
  return JSON.stringify(expected) === JSON.stringify(actual ?? null);
}

/** The bot variables after the run: those given, then those the script set. */
function variablesAfter(values: TestCaseValues, output: SimulationOutput): Map<string, string | null> {
  const variables = new Map<string, string | null>(Object.entries(values.botVariables ?? {}));
  for (const variable of output.botVariables) variables.set(variable.key, variable.value);
  return variables;
}

/** What an Agent Escalation would send with the variables as the run left them. */
function transferOf(integration: Integration, values: TestCaseValues, output: SimulationOutput) {
  if (integration.type !== 'LIVEPERSON_AGENT_ESCALATION') return null;
  const botVariables = [...variablesAfter(values, output)].flatMap(([key, value]) => (value === null ? [] : [{ key, value }]));
  const envVariables = Object.entries(values.envVariables ?? {}).map(([key, value]) => ({ key, value }));
  const { requestBody } = previewTransfer(integration as unknown as EscalationFields, { botVariables, envVariables });
  return {
    agentSkillId: requestBody.agentSkillId,
    agentId: requestBody.agentId ?? '',
    message: requestBody.message,
    transferBotContext: requestBody.transferBotContext ?? false,
  };
}

export function evaluate(
  integration: Integration,
  values: TestCaseValues,
  output: SimulationOutput,
): Pick<TestResult, 'status' | 'failures'> {
  const { expect } = values;
  const failures: TestFailure[] = [];
  const actualError = output.error?.kind ?? null;
  // A run that stopped with an error the test case did not ask for is an `error`, not a plain failure.
  const unexpectedError = actualError !== null && expect.error !== actualError;
  if (expect.error !== undefined && expect.error !== actualError) {
    failures.push({ path: 'error', expected: expect.error, actual: actualError });
  } else if (expect.error === undefined && unexpectedError) {
    failures.push({ path: 'error', expected: null, actual: actualError });
  }
  if (unexpectedError && output.error) failures.push({ path: 'error.message', expected: null, actual: output.error.message });

  const fields = new Map(output.customDataFields.map((field) => [field.key, field.value]));
  for (const [key, expected] of Object.entries(expect.customData ?? {})) {
    const actual = fields.has(key) ? fields.get(key) : null;
    if (!holds(expected, actual)) failures.push({ path: `customData.${key}`, expected, actual: actual ?? null });
  }

  const variables = variablesAfter(values, output);
  for (const [key, expected] of Object.entries(expect.botVariables ?? {})) {
    const actual = variables.get(key) ?? null;
    if (!holds(expected, actual)) failures.push({ path: `botVariables.${key}`, expected, actual });
  }

  if (expect.transfer) {
    const transfer = transferOf(integration, values, output);
    for (const [key, expected] of Object.entries(expect.transfer)) {
      if (expected === undefined) continue;
      const actual = transfer ? transfer[key as keyof typeof transfer] : null;
      if (expected !== actual) failures.push({ path: `transfer.${key}`, expected, actual });
    }
  }

  const log = output.debugLog.join('\n');
  (expect.logIncludes ?? []).forEach((text, index) => {
    if (!log.includes(text)) failures.push({ path: `logIncludes.${index}`, expected: text, actual: output.debugLog });
  });

  const status = unexpectedError ? 'error' : failures.length > 0 ? 'failed' : 'passed';
  return { status, failures };
}
