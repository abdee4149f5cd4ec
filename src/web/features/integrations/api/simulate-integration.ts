import { useMutation } from '@tanstack/react-query';
import { simulationOutputSchema, type SimulateUnsavedRequest, type SimulationOutput } from '../../../../domain/simulation';
import { apiRequest } from '../../../lib/api-client';

const simulatePath = (botId: string) => `/api/bots/${encodeURIComponent(botId)}/simulate`;

/**
 * `POST /api/bots/:botId/simulate`: runs the integration given in the body (saved or not) on a sample.
 * A script error is a 200 whose `error` says what happened; only a malformed request throws.
 */
async function simulateIntegration(botId: string, request: SimulateUnsavedRequest, signal?: AbortSignal): Promise<SimulationOutput> {
  const { data } = await apiRequest<unknown>(simulatePath(botId), { method: 'POST', body: request, signal });
  return simulationOutputSchema.parse(data);
}

export function useSimulateIntegration(botId: string) {
  return useMutation({ mutationFn: (request: SimulateUnsavedRequest) => simulateIntegration(botId, request) });
}
