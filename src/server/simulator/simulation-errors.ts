/**
 * What comes out of the sandbox (checked, since a script shaped it) and how a failure or a limit
 * reads for the user. Shared by the worker (script errors, limits) and the host (a terminated worker).
 */
import type { SimulationError } from '../../domain/simulation';
import { OUTPUT_CAPS, SIMULATION_LIMITS, type OutputChannel } from '../../domain/simulation-limits';
import type { ThrownError } from './run-quickjs';

/** The budgets of one run; SIMULATION_LIMITS and OUTPUT_CAPS unless a test gives smaller ones. */
export interface RunLimits {
  cpuMs: number;
  memoryBytes: number;
  wallClockMs: number;
  fieldSteps: number;
  jsonDataChars: number;
  caps: Record<OutputChannel, number>;
}

export const DEFAULT_RUN_LIMITS: RunLimits = {
  cpuMs: SIMULATION_LIMITS.cpuMs,
  memoryBytes: SIMULATION_LIMITS.memoryBytes,
  wallClockMs: SIMULATION_LIMITS.wallClockMs,
  fieldSteps: SIMULATION_LIMITS.fieldSteps,
  jsonDataChars: SIMULATION_LIMITS.jsonDataChars,
  caps: { ...OUTPUT_CAPS },
};

/** What the prelude's `collect` returns (bot-context-prelude.ts writes it field by field). */
export interface Collected {
  /** ok: jsonData holds the text; missing / no-jsonData: the script broke api_<RDV>; too-large: over jsonDataChars. */
  apiState: 'ok' | 'missing' | 'no-jsonData' | 'too-large';
  jsonData: string | null;
  jsonDataChars: number;
  setVariables: { key: string; value: string | null }[];
  /** Only the variables the Custom Data Fields read. */
  fieldVariables: Record<string, string | null>;
  debugLog: string[];
  dropped: { debugLog: number; messages: number; customEvents: number };
  customEvents: { userMessage: string; eventName: string; eventDetail: string }[];
  messages: string[];
  transfer: { userMessage: string | null; intentId: string | null; intentByDomain: { intentName: string; domainName: string } | null };
  contextData: { namespace: string; key: string; value: string | null }[];
  triggerNextMessage: string | null;
  warnings: string[];
  /** Channels `collect` had to cut. */
  cuts: OutputChannel[];
  /** The first limit error the script's catch clauses, functions and promise handlers saw (limit-notes.ts). */
  limit: ThrownError | null;
}

const COLLECTED_SHAPE: Record<keyof Collected, 'string' | 'string?' | 'number' | 'object' | 'object?' | 'array'> = {
  apiState: 'string',
  jsonData: 'string?',
  jsonDataChars: 'number',
  setVariables: 'array',
  fieldVariables: 'object',
  debugLog: 'array',
  dropped: 'object',
  customEvents: 'array',
  messages: 'array',
  transfer: 'object',
  contextData: 'array',
  triggerNextMessage: 'string?',
  warnings: 'array',
  cuts: 'array',
  limit: 'object?',
};

/**
 * A shallow check: `collect` builds its text from captured built-ins, so a whole different shape means
 * the sandbox itself broke. The host checks the final answer against the full schema. (No zod here:
 * loading it would add a quarter of a second to every worker start.)
 */
export function isCollected(value: unknown): value is Collected {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return Object.entries(COLLECTED_SHAPE).every(([key, kind]) => {
    const field = record[key];
    if (kind.endsWith('?') && field === null) return true;
    if (kind === 'array') return Array.isArray(field);
    return typeof field === kind.replace('?', '') && field !== null;
  });
}

const POSITION = /transform\.js:(\d+):(\d+)/;

/** QuickJS puts the position in the stack (`at <eval> (transform.js:2:14)`); the first frame in the script wins. */
export function scriptPosition(stack: string): { line: number | null; column: number | null } {
  const match = POSITION.exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: null, column: null };
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

const memoryReached = (limits: Pick<RunLimits, 'memoryBytes'>) => `The script used more than ${megabytes(limits.memoryBytes)} MB of memory`;

/** QuickJS's errors for a limit: out of memory, stack overflow, the CPU deadline. */
export function isLimitError(error: Pick<ThrownError, 'message'>): boolean {
  return error.message === 'out of memory' || error.message === 'stack overflow' || error.message === 'interrupted';
}

/**
 * A limit the script went on after: it caught the error, or the error only rejected a promise. It is
 * still the run's error, since what the script did afterwards is not what it would do within its
 * budgets; `after` is what the script failed with later, if anything.
 */
export function describeSwallowedLimit(
  limit: ThrownError,
  after: SimulationError | null,
  limits: Pick<RunLimits, 'cpuMs' | 'memoryBytes'>,
): SimulationError {
  const reached = describeThrownError(limit, limits);
  const went = 'went on after that error (it caught it, or the error only rejected a promise)';
  const what = limit.message === 'out of memory' ? `${memoryReached(limits)}; it ${went}.` : `${reached.message} The script ${went}.`;
  return { ...reached, message: after ? `${what} Then: ${after.message}` : what };
}

export function describeThrownError(error: ThrownError, limits: Pick<RunLimits, 'cpuMs' | 'memoryBytes'>): SimulationError {
  const { line, column } = scriptPosition(error.stack);
  if (error.message === 'interrupted') {
    // QuickJS reports an interrupt at the start of the running function, not at the loop: no position beats a wrong one.
    return {
      kind: 'timeout',
      message: `The script ran for more than ${limits.cpuMs / 1000} s and was stopped (an endless loop?).`,
      line: null,
      column: null,
    };
  }
  if (error.message === 'out of memory') {
    return { kind: 'memory', message: `${memoryReached(limits)} and was stopped.`, line, column };
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

/** A worker the host had to end: on the wall-clock deadline, or because it ran out of heap or crashed. */
export function describeKilled(reason: 'deadline' | 'memory' | 'crashed', detail: string, limits: RunLimits): SimulationError {
  const mb = megabytes(limits.memoryBytes);
  if (reason === 'deadline') {
    return {
      kind: 'timeout',
      message: `The run was stopped after ${limits.wallClockMs / 1000} s: the script ran too long or kept allocating memory, or the Custom Data Fields had too much to read (limits: ${limits.cpuMs / 1000} s of CPU, ${mb} MB).`,
      line: null,
      column: null,
    };
  }
  if (reason === 'memory') {
    return {
      kind: 'memory',
      message: `The run used more memory than the simulator allows and was stopped (${detail}).`,
      line: null,
      column: null,
    };
  }
  return { kind: 'sandbox', message: `The sandbox failed while running the script (${detail}).`, line: null, column: null };
}
