import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TransferCoverageItem } from '../../../../domain/rehearsal';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys } from '../../../lib/bot-dialog-keys';

async function getTransferCoverage(botId: string, signal?: AbortSignal): Promise<TransferCoverageItem[]> {
  return (await apiRequest<{ items: TransferCoverageItem[] }>(`/api/bots/${encodeURIComponent(botId)}/transfer-coverage`, { signal })).data
    .items;
}

const transferCoverageQueryOptions = (botId: string) =>
  queryOptions({ queryKey: botDialogKeys.transferCoverage(botId), queryFn: ({ signal }) => getTransferCoverage(botId, signal) });

export const useTransferCoverage = (botId: string) => useQuery(transferCoverageQueryOptions(botId));
