import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { botsQueryOptions } from '../features/bots/api/get-bots';
import { botQueryOptions } from '../features/bots/api/get-bot';
import { integrationQueryOptions } from '../features/integrations/api/get-integration';
import { integrationsQueryOptions } from '../features/integrations/api/get-integrations';
import { screenLoaders, type ScreenLoader } from './screen-loaders';

/**
 * Starts everything the first screen needs at once: its chunks and its API requests. Left to React,
 * the page would fetch the panel's chunk, run it, fetch the edit screen's chunk, run it, and only
 * then ask the API: one round trip after another. The queries land in the cache the screens read
 * (same keys, 30 s fresh), and a request that fails here is simply made again when its screen mounts.
 * Resolves when the screens' chunks have arrived (or failed: their screens then show the error).
 */
export function preloadRoute(client: QueryClient, pathname: string): Promise<void> {
  const screens: ScreenLoader[] = [];
  const preload = (loader: ScreenLoader) => screens.push(loader);
  const panel = matchPath('/bots/:botId/integrations/*', pathname);
  if (panel?.params.botId) {
    const { botId } = panel.params;
    preload(screenLoaders.integrationsPanel);
    void client.prefetchQuery(botQueryOptions(botId));
    // The list starts unfiltered.
    void client.prefetchInfiniteQuery(integrationsQueryOptions(botId, ''));
    const rest = panel.params['*'] ?? '';
    if (rest === '') preload(screenLoaders.integrationsIndex);
    else if (rest === 'new') preload(screenLoaders.integrationNew);
    else if (!rest.includes('/')) {
      preload(screenLoaders.integrationEdit);
      void client.prefetchQuery(integrationQueryOptions(botId, rest));
    }
  } else if (pathname === '/') {
    preload(screenLoaders.bots);
    void client.prefetchInfiniteQuery(botsQueryOptions());
  }
  return Promise.allSettled(screens.map((loader) => loader.load())).then(() => undefined);
}
