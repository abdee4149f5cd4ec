import { z } from 'zod';
import { FUNCTION_STATES } from '../../domain/directories/functions';
import type { AnyDirectory } from '../../domain/directories';
import { fetchLivePersonList, originOf, type LivePersonService } from './liveperson-fetch';

/** The directories whose descriptor names a LivePerson API. */
export type RemoteKind = { [D in AnyDirectory as D['kind']]: D extends { remote: object } ? D['kind'] : never }[AnyDirectory['kind']];
export type RemoteEntry = { id: string; name: string } & Record<string, unknown>;

const accountSkills = z.array(z.looseObject({ id: z.coerce.number().int().positive(), name: z.string(), deleted: z.boolean().optional() }));

const lambdas = z.array(
  z.looseObject({ uuid: z.string(), name: z.string(), description: z.string().nullish(), state: z.enum(FUNCTION_STATES) }),
);

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

/** How each directory that can be read from the LivePerson account reads it, as its entries. */
export const REMOTE_LISTS: Record<RemoteKind, (service: LivePersonService, fetchImpl?: typeof fetch) => Promise<RemoteEntry[]>> = {
  /** The Account Config API's skills (LP_DOMAIN is its accountConfigReadOnly host), deleted ones left out. */
  skills: async (service, fetchImpl) => {
    const url = `${originOf(service.domain)}/api/account/${service.accountId}/configuration/le-users/skills?v=4.0&select=id,name,deleted`;
    const skills = await fetchLivePersonList("Conversational Cloud's Account Config API", url, service, accountSkills, fetchImpl);
    return skills.filter((skill) => !skill.deleted).map(({ id, name }) => ({ id: String(id), name }));
  },
  /** The Functions API (faasUI): GET /api/account/{accountId}/lambdas/?v=1, each lambda with its uuid, name, description and state. */
  functions: async (service, fetchImpl) => {
    const url = `${originOf(service.domain)}/api/account/${service.accountId}/lambdas/?v=1`;
    const list = await fetchLivePersonList('The LivePerson Functions API', url, service, lambdas, fetchImpl);
    return list.map((item) => ({ id: item.uuid, name: item.name, description: item.description ?? '', state: item.state }));
  },
  /** KnowledgeAI's "Get All Knowledge Bases": GET /cb/kai/v1/accounts/{accountId}/knowledgeBases. */
  'knowledge-bases': async (service, fetchImpl) => {
    const url = `${originOf(service.domain)}/cb/kai/v1/accounts/${service.accountId}/knowledgeBases`;
    const list = await fetchLivePersonList('The KnowledgeAI API', url, service, kaiList, fetchImpl);
    return list.map((kb) => ({
      id: kb.id,
      name: kb.name,
      type: /external/i.test(kb.type ?? '') ? 'external' : 'internal',
      language: kb.language ?? '',
    }));
  },
};
