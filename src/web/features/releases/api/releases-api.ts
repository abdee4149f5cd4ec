import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { IntegrationSummary } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import type { Release, ReleasePlan, ReleaseRequest } from '../../../../domain/releases';
import { apiRequest } from '../../../lib/api-client';

const segment = encodeURIComponent;
const releaseKeys = { list: (botId: string) => ['releases', botId] as const };

const releasesQueryOptions = (botId: string) =>
  queryOptions({
    queryKey: releaseKeys.list(botId),
    queryFn: async ({ signal }) => (await apiRequest<{ items: Release[] }>(`/api/bots/${segment(botId)}/releases`, { signal })).data.items,
  });
export const useReleases = (botId: string) => useQuery(releasesQueryOptions(botId));

/** The bots a release may go to, and the source's integrations to pick from (first pages: the dialog's choices). */
export const useReleaseChoices = (botId: string, enabled: boolean) => ({
  bots: useQuery({
    queryKey: ['releases', 'target-bots'],
    queryFn: async ({ signal }) => (await apiRequest<Page<Bot>>('/api/bots?limit=100', { signal })).data.items,
    enabled,
  }),
  integrations: useQuery({
    queryKey: ['releases', 'source-integrations', botId],
    queryFn: async ({ signal }) =>
      (await apiRequest<Page<IntegrationSummary>>(`/api/bots/${segment(botId)}/integrations?limit=500`, { signal })).data.items,
    enabled,
  }),
});

export function usePlanRelease(botId: string) {
  return useMutation({
    mutationFn: async (request: ReleaseRequest) =>
      (await apiRequest<ReleasePlan>(`/api/bots/${segment(botId)}/releases?dryRun=true`, { method: 'POST', body: request })).data,
  });
}

export function useRelease(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: ReleaseRequest) =>
      (await apiRequest<{ release: Release }>(`/api/bots/${segment(botId)}/releases`, { method: 'POST', body: request })).data.release,
    onSuccess: () => client.invalidateQueries({ queryKey: ['releases'] }),
  });
}

export function useRollback(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (release: Release) =>
      (
        await apiRequest<{ release: Release }>(`/api/bots/${segment(botId)}/releases/${segment(release.id)}/rollback`, {
          method: 'POST',
          body: {},
        })
      ).data.release,
    onSuccess: () => client.invalidateQueries({ queryKey: ['releases'] }),
  });
}
