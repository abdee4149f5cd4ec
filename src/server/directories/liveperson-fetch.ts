import type { z } from 'zod';
import { upstreamFailed } from '../errors';

/*
 * A LivePerson API answer is input like a request body: it is read with a budget of bytes, items and
 * time, and never from anywhere but the host it was asked of. Trusted, a 302 to another host was
 * followed and its list served as the account's, and an 8M-item answer took a minute and 3.3 GB.
 */

export interface UpstreamLimits {
  /** The answer's body, counted while it is read: the read stops past it. */
  maxBytes: number;
  /** Entries of the list (or of any list at the top of the answer). */
  maxItems: number;
  /** From the request to the last byte of the body: headers that come late and a body that trickles both count. */
  timeMs: number;
}

const UPSTREAM_LIMITS: UpstreamLimits = { maxBytes: 16 * 1024 * 1024, maxItems: 100_000, timeMs: 15_000 };

export interface LivePersonService {
  accountId: string;
  accessToken: string;
  /** The service's host (e.g. va.faasui.liveperson.net); a full http(s) origin is taken as is (tests). */
  domain: string;
  /** UPSTREAM_LIMITS unless set (tests make them small). */
  limits?: Partial<UpstreamLimits>;
}

export function originOf(domain: string): string {
  return /^https?:\/\//.test(domain) ? domain.replace(/\/$/, '') : `https://${domain}`;
}

const MiB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

class TooLarge extends Error {}

/** The body as text, refused as soon as it grows past `maxBytes` (a Content-Length beyond it is refused unread). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLarge();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The length of the answer's list: the answer itself, or the longest list among its top-level keys (an envelope). */
function itemCount(json: unknown): number {
  if (Array.isArray(json)) return json.length;
  if (typeof json !== 'object' || json === null) return 0;
  return Math.max(0, ...Object.values(json).map((value) => (Array.isArray(value) ? value.length : 0)));
}

/** GETs a LivePerson API list and checks its shape; anything else is a 502 that says which API and why. */
export async function fetchLivePersonList<T>(
  what: string,
  url: string,
  service: LivePersonService,
  schema: z.ZodType<T>,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const limits = { ...UPSTREAM_LIMITS, ...service.limits };
  const signal = AbortSignal.timeout(limits.timeMs);
  const late = () => upstreamFailed(`${what} did not answer in full within ${limits.timeMs / 1000} s.`);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${service.accessToken}`, accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw late();
    throw upstreamFailed(`${what} did not answer (${(error as Error).message}).`);
  }
  // `redirect: 'manual'` hands the 3xx over as is: the list must come from the host the settings name.
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined);
    throw upstreamFailed(
      `${what} answered ${response.status}, a redirect${response.headers.get('location') ? ` to ${response.headers.get('location')}` : ''}: redirects are not followed; check its host setting.`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw upstreamFailed(`${what} answered ${response.status}: check LP_ACCESS_TOKEN and LP_ACCOUNT_ID.`);
  }
  let text: string;
  try {
    text = await readCapped(response, limits.maxBytes);
  } catch (error) {
    if (error instanceof TooLarge) throw upstreamFailed(`${what} answered more than ${MiB(limits.maxBytes)}, the most read from it.`);
    if (signal.aborted) throw late();
    throw upstreamFailed(`${what} broke off its answer (${(error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const count = itemCount(json);
  if (count > limits.maxItems) {
    throw upstreamFailed(
      `${what} answered ${count.toLocaleString('en-US')} entries, more than the ${limits.maxItems.toLocaleString('en-US')} read from it.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw upstreamFailed(`${what} answered with something that is not the list it documents.`);
  return parsed.data;
}
