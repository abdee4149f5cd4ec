import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Integration, IntegrationSummary } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import { integrationKeys } from './integration-keys';

type SummaryPages = InfiniteData<Page<IntegrationSummary>, string | null>;

function summaryOf(integration: Integration): IntegrationSummary {
  const { id, name, type, responseDataVariable, version, updatedAt } = integration;
  return { id, name, type, responseDataVariable, version, updatedAt };
}

const byName = (a: IntegrationSummary, b: IntegrationSummary) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

function matches(summary: IntegrationSummary, q: string): boolean {
  return summary.name.toLowerCase().includes(q.toLowerCase());
}

/**
 * Puts a saved integration into every cached list of its bot (each filter),
 * so the left panel shows it at once without refetching every page.
 */
export function upsertInListCache(client: QueryClient, botId: string, integration: Integration): void {
  const summary = summaryOf(integration);
  for (const [key, data] of client.getQueriesData<SummaryPages>({ queryKey: integrationKeys.lists(botId) })) {
    if (!data) continue;
    const q = String(key[3] ?? '');
    // A list filtered by type has it as its last key part (integrationKeys.list).
    const type = key[4];
    const fits = matches(summary, q) && (type === undefined || summary.type === type);
    const present = data.pages.some((page) => page.items.some((item) => item.id === summary.id));
    const pages = data.pages.map((page, index) => {
      let items = page.items.filter((item) => item.id !== summary.id || fits);
      items = items.map((item) => (item.id === summary.id ? summary : item));
      // A new one goes into the first page, where its neighbours by name may not be yet: good enough until the next fetch.
      if (!present && index === 0 && fits) items = [...items, summary];
      return { ...page, items: [...items].sort(byName) };
    });
    client.setQueryData<SummaryPages>(key, { ...data, pages });
  }
}

export function removeFromListCache(client: QueryClient, botId: string, id: string): void {
  client.setQueriesData<SummaryPages>({ queryKey: integrationKeys.lists(botId) }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) } : data,
  );
}
