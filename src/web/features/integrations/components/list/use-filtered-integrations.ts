import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { IntegrationSummary } from '../../../../../domain/integration';
import type { Page } from '../../../../../domain/page';
import { useDebouncedValue } from '../../../../components/use-debounced-value';
import { useIntegrations } from '../../api/get-integrations';
import { integrationKeys } from '../../api/integration-keys';
import type { IntegrationType } from '../../../../../domain/integration-types';

/** The server is asked once typing pauses; the rows already here are filtered at every keystroke. */
const SERVER_FILTER_DELAY_MS = 200;

/** As the API filters (integrations-repository): the name holds the text, whatever the case. */
const matches = (text: string, type: IntegrationType | '') => {
  const wanted = text.toLowerCase();
  return (item: IntegrationSummary) => item.name.toLowerCase().includes(wanted) && (!type || item.type === type);
};

/**
 * The list's rows for the filter as typed. The server's answer is the truth (it filters every row, not only
 * the pages loaded here), but it comes a pause and a round trip later: until then the rows already loaded
 * (the unfiltered list when it is here) are filtered at once, the same way. `complete` is false while those
 * rows may miss some that the server will find, so that "no match" is said only when it is known.
 */
export function useFilteredIntegrations(botId: string, filter: string, type: IntegrationType | '' = '') {
  const typed = filter.trim();
  const q = useDebouncedValue(typed, SERVER_FILTER_DELAY_MS);
  const query = useIntegrations(botId, q, type);
  const client = useQueryClient();
  const answered = q === typed && !query.isPlaceholderData;
  const fetched = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (answered || !query.data) return { query, typed, answered, complete: true, items: fetched };
  const unfiltered = client.getQueryData<InfiniteData<Page<IntegrationSummary>>>(integrationKeys.list(botId, ''));
  const source = unfiltered ?? query.data;
  // The shown answer (for q) holds every match of a longer text; not of a shorter one.
  // A list of another type (kept while this one loads) holds none of them for sure.
  const holdsEveryMatch = unfiltered !== undefined || (!type && typed.toLowerCase().includes(q.toLowerCase()));
  const rows = source.pages.flatMap((page) => page.items);
  return {
    query,
    typed,
    answered,
    complete: holdsEveryMatch && source.pages.at(-1)?.nextCursor === null,
    items: typed || type ? rows.filter(matches(typed, type)) : rows,
  };
}
