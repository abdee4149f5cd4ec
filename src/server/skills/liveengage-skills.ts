import { z } from 'zod';
import type { Skill } from '../../domain/skill';
import { createCachedSource, SOURCE_TIMING, type SourceTiming } from '../directories/cached-source';
import { fetchLivePersonList, originOf, type LivePersonService } from '../directories/liveperson-fetch';

/** The accountConfigReadOnly host (LP_DOMAIN, e.g. va-a.ac.liveperson.net) with the account and token. */
export type LiveEngageSettings = LivePersonService;

const liveEngageSkills = z.array(
  z.looseObject({ id: z.coerce.number().int().positive(), name: z.string(), deleted: z.boolean().optional() }),
);

export function liveEngageSettingsFrom(env: NodeJS.ProcessEnv): LiveEngageSettings | null {
  const { LP_ACCOUNT_ID: accountId, LP_ACCESS_TOKEN: accessToken, LP_DOMAIN: domain } = env;
  if (!accountId || !accessToken || !domain) return null;
  if (!/^[a-zA-Z0-9_]{1,20}$/.test(accountId)) throw new Error('LP_ACCOUNT_ID must be 1–20 letters, digits or underscores.');
  return { accountId, accessToken, domain };
}

/** Reads the account's skills from the LiveEngage Account Config API, leaving deleted ones out. */
export async function fetchLiveEngageSkills(settings: LiveEngageSettings, fetchImpl: typeof fetch = fetch): Promise<Skill[]> {
  const url = `${originOf(settings.domain)}/api/account/${settings.accountId}/configuration/le-users/skills?v=4.0&select=id,name,deleted`;
  const skills = await fetchLivePersonList("Conversational Cloud's Account Config API", url, settings, liveEngageSkills, fetchImpl);
  return skills.filter((skill) => !skill.deleted).map(({ id, name }) => ({ id: String(id), name }));
}

/** How long a list read from LiveEngage is served, and how long it waits after a failure: the directories' own policy. */
export type SkillSourceTiming = SourceTiming;
export const SKILL_SOURCE_TIMING: SkillSourceTiming = SOURCE_TIMING;

export type SkillSource = () => Promise<Skill[]>;

/**
 * LiveEngage's skills as the routes read them: the form looks skills up on every keystroke, so upstream is asked
 * at most once per freshMs, requests that arrive while it is being asked share that one call, and after a failure
 * nobody asks again until the back-off has passed (the last good list, or the same 502, answers meanwhile).
 */
export function createLiveEngageSkillSource(
  settings: LiveEngageSettings,
  timing: SkillSourceTiming = SKILL_SOURCE_TIMING,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): SkillSource {
  return createCachedSource(() => fetchLiveEngageSkills(settings, fetchImpl), timing, now);
}
