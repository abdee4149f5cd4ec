import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { Page } from '../../../../domain/page';
import { botKeys } from './bot-keys';

type BotPages = InfiniteData<Page<Bot>, string | null>;

/** Writes a change into every cached list (each search) so it shows at once, without refetching every page. */
export function updateBotsCache(client: QueryClient, change: (items: Bot[], pageIndex: number) => Bot[]): void {
  client.setQueriesData<BotPages>({ queryKey: botKeys.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map((page, index) => ({ ...page, items: change(page.items, index) })) } : data,
  );
}
