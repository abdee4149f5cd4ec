import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { apiReads } from '../../../../domain/first-reads';
import { botKeys } from './bot-keys';

export async function getBots(cursor: string | null, signal?: AbortSignal, q = ''): Promise<Page<Bot>> {
  return (await apiRequest<Page<Bot>>(apiReads.bots(cursor, q), { signal })).data;
}

/** `q`: the search of the bots page (by any part of the name), kept in its address. */
export const botsQueryOptions = (q = '') =>
  infiniteQueryOptions({
    queryKey: botKeys.list(q),
    queryFn: ({ pageParam, signal }) => getBots(pageParam, signal, q),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useBots = (q = '') => useInfiniteQuery({ ...botsQueryOptions(q), placeholderData: keepPreviousData });
