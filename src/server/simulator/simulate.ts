/**
 * The host side of one simulated run: the work itself (script, Custom Data Fields, output caps) runs
 * in a sandbox worker (simulation-run.ts); here the answer is checked and a worker that had to be
 * ended becomes an answer that says why.
 */
import { simulationOutputSchema, type SimulateRequestValues, type SimulationOutput } from '../../domain/simulation';
import type { Sandbox, SandboxOutcome } from './sandbox';
import { describeKilled, type RunLimits } from './simulation-errors';
import type { SimulatedIntegration } from './simulation-run';

export { type SimulatedIntegration } from './simulation-run';
export { scriptPosition } from './simulation-errors';

function stoppedOutput(
  integration: SimulatedIntegration,
  outcome: Extract<SandboxOutcome, { kind: 'killed' }>,
  limits: RunLimits,
): SimulationOutput {
  return {
    customDataFields: integration.customDataFields.map((field) => ({
      key: field.key,
      expression: field.value,
      value: null,
      note: 'Not read: the run was stopped before the Custom Data Fields were read.',
    })),
    botVariables: [],
    debugLog: [],
    customEvents: [],
    messages: [],
    transfer: { userMessage: null, intentId: null, intentByDomain: null },
    contextData: [],
    triggerNextMessage: null,
    warnings: ['The run did not finish: nothing the script set or logged could be read.'],
    error: describeKilled(outcome.reason, outcome.detail, limits),
    durationMs: 0,
  };
}

export async function simulate(
  sandbox: Sandbox,
  integration: SimulatedIntegration,
  request: SimulateRequestValues,
): Promise<SimulationOutput> {
  const started = performance.now();
  const outcome = await sandbox.run(integration, request);
  let output: SimulationOutput;
  if (outcome.kind === 'finished') {
    // The worker built it from what a script left: checked like any input before it is answered.
    const parsed = simulationOutputSchema.safeParse(outcome.output);
    output = parsed.success
      ? parsed.data
      : stoppedOutput(integration, { kind: 'killed', reason: 'crashed', detail: 'its answer was malformed' }, sandbox.limits);
  } else {
    output = stoppedOutput(integration, outcome, sandbox.limits);
  }
  return { ...output, durationMs: Math.round((performance.now() - started) * 10) / 10 };
}
