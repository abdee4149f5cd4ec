import { screensFor } from './screen-routes';

/** Bots per page of the bots list; integrations per page of a bot's list (large: a 5,000-integration bot is ten requests). */
const BOTS_PAGE_SIZE = 100;
const INTEGRATIONS_PAGE_SIZE = 500;

const segment = encodeURIComponent;

/**
 * The API's read addresses, spelled once: the app requests them, and the server names the first ones
 * in the page it sends (see firstReadsOf), which only helps when both spell them alike.
 */
export const apiReads = {
  bots: (cursor: string | null = null, q = '') =>
    `/api/bots?${new URLSearchParams({ limit: String(BOTS_PAGE_SIZE), ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) })}`,
  bot: (botId: string) => `/api/bots/${segment(botId)}`,
  integrations: (botId: string) => `/api/bots/${segment(botId)}/integrations`,
  integrationsPage: (botId: string, q: string, cursor: string | null, type = '') =>
    `${apiReads.integrations(botId)}?${new URLSearchParams({ limit: String(INTEGRATIONS_PAGE_SIZE), ...(q ? { q } : {}), ...(type ? { type } : {}), ...(cursor ? { cursor } : {}) })}`,
  integration: (botId: string, id: string) => `${apiReads.integrations(botId)}/${segment(id)}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a page opened at this address reads first, before its screens can show anything: the web app's
 * preloadRoute starts these requests as it starts, and the server names them in the page it sends
 * (`<link rel="preload" as="fetch">`), so the browser asks for them while the scripts still load.
 * Ids that cannot be the database's (not UUIDs) are left out: the server would only answer 404.
 */
export function firstReadsOf(pathname: string): string[] {
  const { screens, botId, integrationId } = screensFor(pathname);
  const reads: string[] = [];
  if (screens.includes('bots')) reads.push(apiReads.bots());
  if (botId && UUID.test(botId)) {
    reads.push(apiReads.bot(botId));
    // The list starts unfiltered.
    if (screens.includes('integrations-panel')) reads.push(apiReads.integrationsPage(botId, '', null));
    if (integrationId && UUID.test(integrationId)) reads.push(apiReads.integration(botId, integrationId));
  }
  return reads;
}
