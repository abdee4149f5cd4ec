import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { botKeys } from './bot-keys';

const PAGE_SIZE = 100;

export async function getBots(cursor: string | null, signal?: AbortSignal): Promise<Page<Bot>> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return (await apiRequest<Page<Bot>>(`/api/bots?${params}`, { signal })).data;
}

export const botsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: botKeys.list(),
    queryFn: ({ pageParam, signal }) => getBots(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useBots = () => useInfiniteQuery(botsQueryOptions());
