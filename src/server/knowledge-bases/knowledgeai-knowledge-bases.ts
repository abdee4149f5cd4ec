import { z } from 'zod';
import type { KnowledgeBase } from '../../domain/directories/knowledge-base';
import { fetchLivePersonList, originOf, type LivePersonService } from '../directories/liveperson-fetch';

const kaiKnowledgeBase = z.looseObject({
  id: z.coerce.string(),
  name: z.string(),
  type: z.string().optional(),
  language: z.string().optional(),
});
// The list itself, or CB's usual `{ success, successResult }` envelope around it.
const kaiList = z.union([
  z.array(kaiKnowledgeBase),
  z.looseObject({ successResult: z.array(kaiKnowledgeBase) }).transform((body) => body.successResult),
]);

/**
 * The account's knowledge bases from the KnowledgeAI API ("Get All Knowledge Bases",
 * GET /cb/kai/v1/accounts/{accountId}/knowledgeBases on the region's livepersonapis.com host).
 */
export async function fetchKnowledgeAiKnowledgeBases(
  service: LivePersonService,
  fetchImpl: typeof fetch = fetch,
): Promise<KnowledgeBase[]> {
  const url = `${originOf(service.domain)}/cb/kai/v1/accounts/${service.accountId}/knowledgeBases`;
  const list = await fetchLivePersonList('The KnowledgeAI API', url, service, kaiList, fetchImpl);
  return list.map((kb) => ({
    id: kb.id,
    name: kb.name,
    type: /external/i.test(kb.type ?? '') ? 'external' : 'internal',
    language: kb.language ?? '',
  }));
}
