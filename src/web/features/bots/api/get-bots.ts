import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { apiReads } from '../../../../domain/first-reads';
import { botKeys } from './bot-keys';

export async function getBots(cursor: string | null, signal?: AbortSignal): Promise<Page<Bot>> {
  return (await apiRequest<Page<Bot>>(apiReads.bots(cursor), { signal })).data;
}

export const botsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: botKeys.list(),
    queryFn: ({ pageParam, signal }) => getBots(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useBots = () => useInfiniteQuery(botsQueryOptions());
