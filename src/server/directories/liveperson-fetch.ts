import type { z } from 'zod';
import { upstreamFailed } from '../errors';

export interface LivePersonService {
  accountId: string;
  accessToken: string;
  /** The service's host (e.g. va.faasui.liveperson.net); a full http(s) origin is taken as is (tests). */
  domain: string;
}

export function originOf(domain: string): string {
  return /^https?:\/\//.test(domain) ? domain.replace(/\/$/, '') : `https://${domain}`;
}

/** GETs a LivePerson API list and checks its shape; anything else is a 502 that says which API and why. */
export async function fetchLivePersonList<T>(
  what: string,
  url: string,
  service: LivePersonService,
  schema: z.ZodType<T>,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${service.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw upstreamFailed(`${what} did not answer (${(error as Error).message}).`);
  }
  if (!response.ok) {
    throw upstreamFailed(`${what} answered ${response.status}: check LP_ACCESS_TOKEN and LP_ACCOUNT_ID.`);
  }
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw upstreamFailed(`${what} answered with something that is not the list it documents.`);
  return parsed.data;
}
