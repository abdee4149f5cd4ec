import type { QueryClient } from '@tanstack/react-query';
import { screensFor } from '../../domain/screen-routes';
import { botsQueryOptions } from '../features/bots/api/get-bots';
import { botQueryOptions } from '../features/bots/api/get-bot';
import { integrationQueryOptions } from '../features/integrations/api/get-integration';
import { integrationsQueryOptions } from '../features/integrations/api/get-integrations';
import { checksQueryOptions } from '../features/dialogs/api/get-checks';
import { dialogsQueryOptions } from '../features/dialogs/api/get-dialogs';
import { screenLoaders } from './screen-loaders';
import { meQueryOptions } from '../lib/me';

/**
 * Starts everything the first screen needs at once: its chunks and its API requests. Left to React,
 * the page would fetch the panel's chunk, run it, fetch the edit screen's chunk, run it, and only
 * then ask the API: one round trip after another. The queries land in the cache the screens read
 * (same keys, 30 s fresh), and a request that fails here is simply made again when its screen mounts.
 * Resolves when the screens' chunks have arrived (or failed: their screens then show the error).
 */
export function preloadRoute(client: QueryClient, pathname: string): Promise<void> {
  const { screens, botId, integrationId } = screensFor(pathname);
  // Every screen leaves out what the role cannot do; the invite page has nobody signed in to ask about.
  if (!screens.includes('invite')) void client.prefetchQuery(meQueryOptions());
  if (screens.includes('bots')) void client.prefetchInfiniteQuery(botsQueryOptions());
  if (botId) {
    void client.prefetchQuery(botQueryOptions(botId));
    // The Dialogs screen marks its nodes with the checks; the header's summary waits for the screen to settle.
    if (screens.includes('dialogs')) void client.prefetchQuery(checksQueryOptions(botId));
    // The list starts unfiltered.
    if (screens.includes('integrations-panel')) void client.prefetchInfiniteQuery(integrationsQueryOptions(botId, ''));
    if (screens.includes('dialogs')) void client.prefetchQuery(dialogsQueryOptions(botId));
    if (integrationId) void client.prefetchQuery(integrationQueryOptions(botId, integrationId));
  }
  return Promise.allSettled(screens.map((screen) => screenLoaders[screen].load())).then(() => undefined);
}
