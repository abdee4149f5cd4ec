/**
 * One simulated integration run, as the bot runtime does it (reference §2.2–2.4): the raw result in
 * `api_<RDV>` (an object with `jsonData`) and its status in `api_<RDV>Status`, the Transform Result
 * Script in QuickJS, then every Custom Data Field read from the (possibly rewritten) jsonData. All of it
 * runs in the simulation worker: `[i]` can multiply a small sample into gigabytes, so the fields are
 * read under the same wall-clock deadline and heap limit as the script, and every channel is capped.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten';
import { botVariableNamesOf, evaluateCustomDataValue, type EvaluationBudget } from '../../domain/custom-data-path';
import type { CustomDataField } from '../../domain/custom-data-fields';
import type { CustomDataFieldResult, SimulateRequestValues, SimulationError, SimulationOutput } from '../../domain/simulation';
import { SIMULATED_ACCOUNT_ID, SIMULATED_CONVERSATION_ID, SIMULATION_LIMITS, type OutputChannel } from '../../domain/simulation-limits';
import { buildPrelude, defaultPreludeLimits } from './bot-context-prelude';
import {
  describeSwallowedLimit,
  describeThrownError,
  isCollected,
  isLimitError,
  type Collected,
  type RunLimits,
} from './simulation-errors';
import { instrumentScript } from './limit-notes';
import { capChannel, capFieldValues, describeCut, describeCuts, kb } from './output-caps';
import { runInQuickJs } from './run-quickjs';

export interface SimulatedIntegration {
  responseDataVariable: string;
  transformScript: string;
  customDataFields: readonly CustomDataField[];
}

export interface SimulationJob {
  integration: SimulatedIntegration;
  request: SimulateRequestValues;
  limits: RunLimits;
}

const SCRIPT_FILENAME = 'transform.js';
// Far below the WebAssembly stack, so deep recursion ends as QuickJS's "stack overflow" error.
const STACK_BYTES = 256 * 1024;

function rows(list: readonly { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((row) => [row.key, row.value]));
}

function initialState(apiName: string, jsonData: string, request: SimulateRequestValues): Collected {
  const variables = { ...rows(request.botVariables), [`${apiName}Status`]: String(request.sample.status) };
  return {
    apiState: 'ok',
    jsonData,
    jsonDataChars: 0,
    setVariables: [],
    fieldVariables: variables,
    debugLog: [],
    dropped: { debugLog: 0, messages: 0, customEvents: 0 },
    customEvents: [],
    messages: [],
    transfer: { userMessage: null, intentId: null, intentByDomain: null },
    contextData: [],
    triggerNextMessage: null,
    warnings: [],
    cuts: [],
    limit: null,
  };
}

/** The jsonData the Custom Data Fields read, or why they cannot read any. */
function readJsonData(
  state: Collected,
  apiName: string,
  jsonDataChars: number,
): { ok: true; data: unknown } | { ok: false; error: SimulationError } {
  const fail = (kind: SimulationError['kind'], message: string) => ({
    ok: false as const,
    error: { kind, message, line: null, column: null },
  });
  if (state.apiState === 'too-large') {
    return fail(
      'output',
      `The script left ${apiName}.jsonData at ${state.jsonDataChars.toLocaleString('en-US')} characters: the simulator reads at most ${kb(jsonDataChars)} for the Custom Data Fields.`,
    );
  }
  if (state.apiState !== 'ok' || state.jsonData === null) {
    return fail(
      'result',
      `The script left ${apiName} without its jsonData text, so the Custom Data Fields find nothing: write it back as the object you read, e.g. botContext.setBotVariable('${apiName}', response, true, false).`,
    );
  }
  try {
    return { ok: true, data: JSON.parse(state.jsonData) };
  } catch (error) {
    return fail('result', `${apiName}.jsonData is not JSON text (${(error as Error).message}): set it with JSON.stringify.`);
  }
}

function readFields(
  fields: readonly CustomDataField[],
  state: Collected,
  request: SimulateRequestValues,
  data: unknown,
  limits: RunLimits,
) {
  const budget: EvaluationBudget = { chars: limits.caps.customDataFields, steps: limits.fieldSteps };
  const context = {
    data,
    botVariables: new Map(Object.entries(state.fieldVariables)),
    envVariables: new Map(Object.entries(rows(request.envVariables))),
  };
  let stopped: 'chars' | 'steps' | null = null;
  let cutAt: number | null = null;
  const limitText = (cut: 'chars' | 'steps') =>
    cut === 'chars'
      ? `the Custom Data Fields may show ${kb(limits.caps.customDataFields)} in all`
      : `the Custom Data Fields may walk ${limits.fieldSteps.toLocaleString('en-US')} elements in all`;
  const results: CustomDataFieldResult[] = fields.map((field, index) => {
    const base = { key: field.key, expression: field.value };
    if (stopped) return { ...base, value: null, note: `Not read: the output limit was reached before this field (${limitText(stopped)}).` };
    const result = evaluateCustomDataValue(field.value, context, budget);
    if (!result.cut) return { ...base, value: result.value, note: result.note };
    stopped = result.cut;
    cutAt = index;
    const shown = Array.isArray(result.value) ? `the first ${result.value.length} entries` : 'its beginning';
    const note = `Output limit reached: truncated to ${shown}, because ${limitText(result.cut)}.`;
    return { ...base, value: result.value, note: result.note ? `${note} ${result.note}` : note };
  });
  return { results, cut: stopped !== null, cutAt };
}

export function runSimulation(QuickJS: QuickJSWASMModule, job: SimulationJob): SimulationOutput {
  const { integration, request, limits } = job;
  const apiName = `api_${integration.responseDataVariable}`;
  const jsonData = JSON.stringify({ [apiName]: JSON.parse(request.sample.body) as unknown });
  let state = initialState(apiName, jsonData, request);
  let error: SimulationError | null = null;

  if (integration.transformScript.trim() !== '') {
    const script = instrumentScript(integration.transformScript, SCRIPT_FILENAME);
    const restore = <T extends { stack: string } | null>(thrown: T): T =>
      thrown && { ...thrown, stack: script.restorePositions(thrown.stack) };
    const fieldVariables = [...new Set(integration.customDataFields.flatMap((field) => botVariableNamesOf(field.value)))];
    const run = runInQuickJs(QuickJS, {
      prelude: buildPrelude(
        {
          responseDataVariable: integration.responseDataVariable,
          jsonData,
          status: request.sample.status,
          ...(request.sample.headers ? { headers: request.sample.headers } : {}),
          botVariables: rows(request.botVariables),
          envVariables: rows(request.envVariables),
          userMessage: request.userMessage,
          conversationId: SIMULATED_CONVERSATION_ID,
          accountId: SIMULATED_ACCOUNT_ID,
          fieldVariables,
          noteName: script.noteName,
        },
        defaultPreludeLimits(limits.caps),
      ),
      script: script.source,
      filename: SCRIPT_FILENAME,
      cpuMs: limits.cpuMs,
      memoryBytes: limits.memoryBytes,
      stackBytes: STACK_BYTES,
      errorChars: limits.caps.errorMessage,
    });
    const thrown = restore(run.error);
    if (thrown) error = describeThrownError(thrown, limits);
    const collected: unknown = run.collected === null ? null : JSON.parse(run.collected);
    if (isCollected(collected)) {
      state = collected;
      // A limit the script went on after is what went wrong first, whatever the script threw later.
      const limit = restore(state.limit);
      if (limit && !(thrown && isLimitError(thrown))) error = describeSwallowedLimit(limit, error, limits);
    } else {
      const reason = run.collectFailure ? describeThrownError(restore(run.collectFailure), limits).message : 'its output was malformed';
      error ??= {
        kind: run.collectFailure?.message === 'out of memory' ? 'memory' : 'sandbox',
        message: `The simulator could not read what the script left: ${reason}`,
        line: null,
        column: null,
      };
      state.warnings.push(
        'What the script set and logged could not be read: the Custom Data Fields below are read from the raw result as the API returned it.',
      );
    }
    if (run.interrupted && error?.kind !== 'timeout')
      error = describeThrownError({ name: 'InternalError', message: 'interrupted', stack: '' }, limits);
  }

  const json = readJsonData(state, apiName, limits.jsonDataChars);
  if (!json.ok) error ??= json.error;
  const fields = json.ok
    ? readFields(integration.customDataFields, state, request, json.data, limits)
    : {
        results: integration.customDataFields.map((field) => ({
          key: field.key,
          expression: field.value,
          value: null,
          note: json.error.message,
        })),
        cut: false,
        cutAt: null,
      };

  const cuts = new Set<OutputChannel>(state.cuts);
  // The fields were read under a budget of characters; what they answer is bounded in bytes here.
  const shown = `the Custom Data Fields may show ${kb(limits.caps.customDataFields)} in all`;
  const fieldsInBytes = capFieldValues(fields.results, limits.caps.customDataFields, {
    truncated: `Output limit reached: truncated to its beginning, because ${shown}.`,
    notRead: `Not read: the output limit was reached before this field (${shown}).`,
    cutBefore: fields.cutAt,
  });
  if (fields.cut || fieldsInBytes.cut) cuts.add('customDataFields');
  const capped = <T>(channel: OutputChannel, value: T): T => {
    const result = capChannel(value, limits.caps[channel]);
    if (result.cut) cuts.add(channel);
    return result.value;
  };
  const debugLog = capped('debugLog', state.debugLog);
  if (state.dropped.debugLog > 0)
    debugLog.push(`... ${state.dropped.debugLog} more debug messages not shown (limit ${SIMULATION_LIMITS.debugLines}).`);
  else if (cuts.has('debugLog')) debugLog.push(`... the debug log was cut at ${kb(limits.caps.debugLog)} (the simulator's output limit).`);
  const other = capped('other', { transfer: state.transfer, triggerNextMessage: state.triggerNextMessage, warnings: state.warnings });
  const output: SimulationOutput = {
    customDataFields: fieldsInBytes.results,
    botVariables: capped('botVariables', state.setVariables),
    debugLog,
    customEvents: capped('customEvents', state.customEvents),
    messages: capped('messages', state.messages),
    transfer: other.transfer,
    contextData: capped('contextData', state.contextData),
    triggerNextMessage: other.triggerNextMessage,
    warnings: other.warnings,
    error: null,
    durationMs: 0,
  };
  const described = (Object.keys(limits.caps) as OutputChannel[])
    .filter((channel) => cuts.has(channel))
    .map((channel) => describeCut(channel, kb(limits.caps[channel])));
  for (const channel of ['debugLog', 'messages', 'customEvents'] as const) {
    const dropped = state.dropped[channel];
    if (dropped > 0 && !cuts.has(channel))
      described.push(describeCut(channel, `${SIMULATION_LIMITS.debugLines} entries (${dropped} more left out)`));
  }
  if (described.length > 0) {
    output.warnings.push(describeCuts(described));
    error ??= { kind: 'output', message: describeCuts(described), line: null, column: null };
  }
  output.error = error ? { ...error, message: capChannel(error.message, limits.caps.errorMessage).value } : null;
  return output;
}
