import { z } from 'zod';
import { FUNCTION_STATES, type LpFunction } from '../../domain/directories/lp-function';
import { fetchLivePersonList, originOf, type LivePersonService } from '../directories/liveperson-fetch';

const lambda = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  state: z.enum(FUNCTION_STATES),
});

/**
 * The account's functions from the LivePerson Functions API (the faasUI service):
 * GET /api/account/{accountId}/lambdas/?v=1, each lambda with its uuid, name, description and state.
 */
export async function fetchLivePersonFunctions(service: LivePersonService, fetchImpl: typeof fetch = fetch): Promise<LpFunction[]> {
  const url = `${originOf(service.domain)}/api/account/${service.accountId}/lambdas/?v=1`;
  const lambdas = await fetchLivePersonList('The LivePerson Functions API', url, service, z.array(lambda), fetchImpl);
  return lambdas.map((item) => ({ id: item.uuid, name: item.name, description: item.description ?? '', state: item.state }));
}
