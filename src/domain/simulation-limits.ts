/**
 * The budgets of one simulated run. Apart from simulation.ts (which re-exports them) so that the
 * simulation worker loads them without zod, which would add a quarter of a second to every worker start.
 */

/** Limits of one simulated run; the server enforces them, the web app shows them. */
export const SIMULATION_LIMITS = {
  cpuMs: 1000,
  memoryBytes: 32 * 1024 * 1024,
  /** The worker is terminated after this much wall-clock time whatever the script does. */
  wallClockMs: 1500,
  sampleBodyChars: 512 * 1024,
  debugLines: 500,
  lineChars: 10_000,
  /** Runs that may wait for a free core (the server runs one per core of its machine); beyond it, or after queueWaitMs, 503. */
  queuedRuns: 8,
  /** The longest a run waits for a free core before it is answered 503 with Retry-After. */
  queueWaitMs: 2000,
  /** Everything one run answers, all channels together, in bytes of its JSON (UTF-8); each channel has its share in OUTPUT_CAPS. */
  outputChars: 1024 * 1024,
  /** The jsonData the Custom Data Fields read after the script rewrote it (the sample itself is at most 512 KB). */
  jsonDataChars: 2 * 1024 * 1024,
  /** Elements and entries the Custom Data Fields may walk: a path that finds nothing costs time but yields no text. */
  fieldSteps: 2_000_000,
} as const;

/**
 * Each output channel's share of SIMULATION_LIMITS.outputChars, in bytes of the answer's JSON (UTF-8, escapes
 * included: a control character is 6); what is over is cut with a note.
 */
export const OUTPUT_CAPS = {
  customDataFields: 512 * 1024,
  botVariables: 192 * 1024,
  debugLog: 128 * 1024,
  customEvents: 64 * 1024,
  messages: 32 * 1024,
  contextData: 32 * 1024,
  /** Warnings, transfer texts and the next interaction. */
  other: 48 * 1024,
  errorMessage: 4 * 1024,
} as const;
export type OutputChannel = keyof typeof OUTPUT_CAPS;

/** What the simulator answers for the conversation-level getters: there is no real conversation. */
export const SIMULATED_CONVERSATION_ID = 'simulated-conversation';
export const SIMULATED_ACCOUNT_ID = 'simulated-account';
