import { z } from 'zod';
import type { Skill } from '../../domain/skill';
import { upstreamFailed } from '../errors';

export interface LiveEngageSettings {
  accountId: string;
  accessToken: string;
  /** The accountConfigReadOnly host, e.g. va-a.ac.liveperson.net; a full http(s) origin is taken as is (tests). */
  domain: string;
}

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
  const origin = /^https?:\/\//.test(settings.domain) ? settings.domain.replace(/\/$/, '') : `https://${settings.domain}`;
  const url = `${origin}/api/account/${settings.accountId}/configuration/le-users/skills?v=4.0&select=id,name,deleted`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${settings.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw upstreamFailed(`LiveEngage did not answer (${(error as Error).message}).`);
  }
  if (!response.ok) {
    throw upstreamFailed(`LiveEngage answered ${response.status} when reading the skills: check LP_ACCESS_TOKEN and LP_ACCOUNT_ID.`);
  }
  const parsed = liveEngageSkills.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw upstreamFailed('LiveEngage answered with something that is not a skill list.');
  return parsed.data.filter((skill) => !skill.deleted).map(({ id, name }) => ({ id: String(id), name }));
}

export interface SkillSourceTiming {
  /** How long a list read from LiveEngage is served without asking again. */
  freshMs: number;
  /** The wait after a first failure; it doubles with each failure in a row, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long the last good list may stand in while LiveEngage fails. */
  staleMs: number;
}

export const SKILL_SOURCE_TIMING: SkillSourceTiming = { freshMs: 60_000, backoffMs: 1_000, maxBackoffMs: 60_000, staleMs: 10 * 60_000 };

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
  let good: { at: number; skills: Skill[] } | null = null;
  let failure: { until: number; error: unknown; inARow: number } | null = null;
  let inFlight: Promise<Skill[]> | null = null;

  function lastGood(): Skill[] | null {
    return good && now() - good.at <= timing.staleMs ? good.skills : null;
  }

  function refresh(): Promise<Skill[]> {
    inFlight ??= fetchLiveEngageSkills(settings, fetchImpl)
      .then(
        (skills) => {
          good = { at: now(), skills };
          failure = null;
          return skills;
        },
        (error: unknown) => {
          const inARow = (failure?.inARow ?? 0) + 1;
          const wait = Math.min(timing.maxBackoffMs, timing.backoffMs * 2 ** (inARow - 1));
          failure = { until: now() + wait, error, inARow };
          const stale = lastGood();
          if (stale) return stale;
          throw error;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return async () => {
    if (good && now() - good.at <= timing.freshMs) return good.skills;
    if (failure && now() < failure.until) {
      const stale = lastGood();
      if (stale) return stale;
      throw failure.error;
    }
    return refresh();
  };
}
