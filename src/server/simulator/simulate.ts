/**
 * One simulated integration run, as the bot runtime does it (reference §2.2–2.4): the raw result in
 * `api_<RDV>` (an object with `jsonData`) and its status in `api_<RDV>Status`, the Transform Result
 * Script in the sandbox, then every Custom Data Field read from the (possibly rewritten) jsonData.
 */
import { z } from 'zod';
import { evaluateCustomDataValue } from '../../domain/custom-data-path';
import type { CustomDataField } from '../../domain/custom-data-fields';
import {
  SIMULATED_ACCOUNT_ID,
  SIMULATED_CONVERSATION_ID,
  SIMULATION_LIMITS,
  type SimulateRequestValues,
  type SimulationError,
  type SimulationOutput,
} from '../../domain/simulation';
import { buildPrelude } from './bot-context-prelude';
import type { Sandbox, SandboxOutcome, ThrownError } from './sandbox';

export interface SimulatedIntegration {
  responseDataVariable: string;
  transformScript: string;
  customDataFields: readonly CustomDataField[];
}

export const SCRIPT_FILENAME = 'transform.js';

/** What the prelude's `collect` returns; checked because it comes out of the sandbox. */
const collectedSchema = z.object({
  api: z.unknown(),
  setVariables: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
  allVariables: z.record(z.string(), z.string().nullable()),
  debugLog: z.array(z.string()),
  customEvents: z.array(z.object({ userMessage: z.string(), eventName: z.string(), eventDetail: z.string() })),
  messages: z.array(z.string()),
  transfer: z.object({
    userMessage: z.string().nullable(),
    intentId: z.string().nullable(),
    intentByDomain: z.object({ intentName: z.string(), domainName: z.string() }).nullable(),
  }),
  contextData: z.array(z.object({ namespace: z.string(), key: z.string(), value: z.string().nullable() })),
  triggerNextMessage: z.string().nullable(),
  warnings: z.array(z.string()),
});
type Collected = z.infer<typeof collectedSchema>;

const POSITION = new RegExp(`${SCRIPT_FILENAME.replace('.', '\\.')}:(\\d+):(\\d+)`);

/** QuickJS puts the position in the stack (`at <eval> (transform.js:2:14)`); the first frame in the script wins. */
export function scriptPosition(stack: string): { line: number | null; column: number | null } {
  const match = POSITION.exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: null, column: null };
}

export function describeOutcomeError(outcome: SandboxOutcome): SimulationError | null {
  const { cpuMs, memoryBytes, wallClockMs } = SIMULATION_LIMITS;
  const mb = memoryBytes / (1024 * 1024);
  if (outcome.kind === 'killed') {
    return outcome.reason === 'deadline'
      ? {
          kind: 'timeout',
          message: `The script was stopped after ${wallClockMs / 1000} s: it ran too long or kept allocating memory (limits: ${cpuMs / 1000} s of CPU, ${mb} MB).`,
          line: null,
          column: null,
        }
      : { kind: 'sandbox', message: `The sandbox failed while running the script (${outcome.detail}).`, line: null, column: null };
  }
  if (!outcome.error) return null;
  return describeThrownError(outcome.error);
}

function describeThrownError(error: ThrownError): SimulationError {
  const { line, column } = scriptPosition(error.stack);
  const mb = SIMULATION_LIMITS.memoryBytes / (1024 * 1024);
  if (error.name === 'InternalError' && error.message === 'interrupted') {
    // QuickJS reports an interrupt at the start of the running function, not at the loop: no position beats a wrong one.
    return { kind: 'timeout', message: `The script ran for more than ${SIMULATION_LIMITS.cpuMs / 1000} s and was stopped (an endless loop?).`, line: null, column: null };
  }
  if (error.message === 'out of memory') {
    return { kind: 'memory', message: `The script used more than ${mb} MB of memory and was stopped.`, line, column };
  }
  if (error.message === 'stack overflow') {
    return { kind: 'script', message: 'RangeError: too much recursion (stack overflow).', line, column };
  }
  if (error.name === 'SandboxError') return { kind: 'sandbox', message: error.message, line: null, column: null };
  const hint = /^'?(console|require|process|fetch|window|document|XMLHttpRequest|module)'? is not defined$/.test(error.message)
    ? ' The bot runtime has no such global: use botContext (printDebugMessage to log); scripts cannot reach the network or files.'
    : '';
  const prefix = error.name === 'Thrown' ? '' : `${error.name}: `;
  const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
  return { kind: 'script', message: `${prefix}${sentence}${hint}`, line, column };
}

function rows(list: readonly { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((row) => [row.key, row.value]));
}

function initialState(apiName: string, jsonData: string, request: SimulateRequestValues): Collected {
  return {
    api: { jsonData },
    setVariables: [],
    allVariables: { ...rows(request.botVariables), [apiName]: JSON.stringify({ jsonData }), [`${apiName}Status`]: String(request.sample.status) },
    debugLog: [],
    customEvents: [],
    messages: [],
    transfer: { userMessage: null, intentId: null, intentByDomain: null },
    contextData: [],
    triggerNextMessage: null,
    warnings: [],
  };
}

/** The jsonData the Custom Data Fields read, or why they cannot read any. */
function readJsonData(api: unknown, apiName: string): { ok: true; data: unknown } | { ok: false; message: string } {
  const jsonData = api !== null && typeof api === 'object' ? (api as { jsonData?: unknown }).jsonData : undefined;
  if (typeof jsonData !== 'string') {
    return {
      ok: false,
      message: `The script left ${apiName} without its jsonData text, so the Custom Data Fields find nothing: write it back as the object you read, e.g. botContext.setBotVariable('${apiName}', response, true, false).`,
    };
  }
  try {
    return { ok: true, data: JSON.parse(jsonData) };
  } catch (error) {
    return { ok: false, message: `${apiName}.jsonData is not JSON text (${(error as Error).message}): set it with JSON.stringify.` };
  }
}

export async function simulate(sandbox: Sandbox, integration: SimulatedIntegration, request: SimulateRequestValues): Promise<SimulationOutput> {
  const started = performance.now();
  const apiName = `api_${integration.responseDataVariable}`;
  const jsonData = JSON.stringify({ [apiName]: JSON.parse(request.sample.body) as unknown });
  let state = initialState(apiName, jsonData, request);
  let error: SimulationError | null = null;

  if (integration.transformScript.trim() !== '') {
    const outcome = await sandbox.run({
      prelude: buildPrelude({
        responseDataVariable: integration.responseDataVariable,
        jsonData,
        status: request.sample.status,
        botVariables: rows(request.botVariables),
        envVariables: rows(request.envVariables),
        userMessage: request.userMessage,
        conversationId: SIMULATED_CONVERSATION_ID,
        accountId: SIMULATED_ACCOUNT_ID,
      }),
      script: integration.transformScript,
      filename: SCRIPT_FILENAME,
    });
    error = describeOutcomeError(outcome);
    if (outcome.kind === 'finished' && outcome.collected !== null) {
      const parsed = collectedSchema.safeParse(JSON.parse(outcome.collected));
      if (parsed.success) state = parsed.data;
      else error ??= { kind: 'sandbox', message: 'The simulator could not read what the script left.', line: null, column: null };
    }
    if (error && outcome.kind === 'killed') {
      state.warnings.push('The script did not finish: the Custom Data Fields below are read from the raw result as the API returned it.');
    }
  }

  const json = readJsonData(state.api, apiName);
  if (!json.ok) error ??= { kind: 'result', message: json.message, line: null, column: null };
  const context = {
    data: json.ok ? json.data : undefined,
    botVariables: new Map(Object.entries(state.allVariables)),
    envVariables: new Map(Object.entries(rows(request.envVariables))),
  };
  const customDataFields = integration.customDataFields.map((field) => {
    const result = json.ok ? evaluateCustomDataValue(field.value, context) : { value: null, note: json.message };
    return { key: field.key, expression: field.value, value: result.value, note: result.note };
  });

  return {
    customDataFields,
    botVariables: state.setVariables,
    debugLog: state.debugLog,
    customEvents: state.customEvents,
    messages: state.messages,
    transfer: state.transfer,
    contextData: state.contextData,
    triggerNextMessage: state.triggerNextMessage,
    warnings: state.warnings,
    error,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
