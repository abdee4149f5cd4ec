import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TestCase, TestCaseInput, TestRun, TestRunRequestInput } from '../../../../domain/test-cases';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { integrationPath } from './integration-path';

export type ListedTestCase = TestCase & { lastRun: { runId: string; status: 'passed' | 'failed' | 'error' } | null };

export const testCaseKeys = {
  all: (botId: string) => ['test-cases', botId] as const,
  list: (botId: string, integrationId: string) => ['test-cases', botId, 'list', integrationId] as const,
  failing: (botId: string) => ['test-cases', botId, 'failing'] as const,
  run: (botId: string, runId: string) => ['test-cases', botId, 'run', runId] as const,
};

const testCasesPath = (botId: string, integrationId: string) => `${integrationPath(botId, integrationId)}/test-cases`;
const testRunsPath = (botId: string) => `/api/bots/${encodeURIComponent(botId)}/test-runs`;

/** `GET …/test-cases`: an integration's test cases with their last run against the saved integration. */
export const testCasesQueryOptions = (botId: string, integrationId: string) =>
  queryOptions({
    queryKey: testCaseKeys.list(botId, integrationId),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: ListedTestCase[] }>(testCasesPath(botId, integrationId), { signal })).data.items,
  });

/**
 * `GET /api/bots/:botId/test-cases/failing`: the integrations whose test cases fail now (the list's badge).
 * `poll`: asked again every second for a while after a save, since the test cases run in the background.
 */
export function useFailingTestCases(botId: string, poll = false) {
  return useQuery({
    queryKey: testCaseKeys.failing(botId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest<{ items: { integrationId: string; runId: string; failed: number }[] }>(
          `/api/bots/${encodeURIComponent(botId)}/test-cases/failing`,
          { signal },
        )
      ).data.items,
    refetchInterval: poll ? 1000 : false,
  });
}

export function useTestRunResult(botId: string, runId: string | null) {
  return useQuery({
    queryKey: testCaseKeys.run(botId, runId ?? ''),
    queryFn: async ({ signal }) => (await apiRequest<TestRun>(`${testRunsPath(botId)}/${runId}`, { signal })).data,
    enabled: runId !== null,
    staleTime: Infinity,
  });
}

export function useCreateTestCase(botId: string, integrationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: TestCaseInput) =>
      (await apiRequest<TestCase>(testCasesPath(botId, integrationId), { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: testCaseKeys.list(botId, integrationId) }),
  });
}

export function useDeleteTestCase(botId: string, integrationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (testCase: Pick<TestCase, 'id' | 'version'>) =>
      apiRequest<void>(`${testCasesPath(botId, integrationId)}/${testCase.id}`, { method: 'DELETE', ifMatch: etagOf(testCase.version) }),
    onSuccess: () => client.invalidateQueries({ queryKey: testCaseKeys.all(botId) }),
  });
}

/** `POST /api/bots/:botId/test-runs`: with `unsaved`, the form's body stands in for the saved integration. */
export function useRunTestCases(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: TestRunRequestInput) =>
      (await apiRequest<TestRun>(testRunsPath(botId), { method: 'POST', body: request })).data,
    onSuccess: (_, request) => {
      // A run on the saved integration changes the badges; one on an unsaved body does not.
      if (!request.unsaved) void client.invalidateQueries({ queryKey: testCaseKeys.all(botId) });
    },
  });
}
