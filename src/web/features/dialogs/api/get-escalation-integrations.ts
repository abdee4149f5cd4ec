import { useQuery } from '@tanstack/react-query';
import type { IntegrationSummary } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys } from '../../../lib/bot-dialog-keys';

// One large page: the failure dialog offers the bot's Agent Escalation integrations, a handful in practice.
const LIMIT = 500;

async function getEscalationIntegrations(botId: string, signal?: AbortSignal): Promise<IntegrationSummary[]> {
  const page = (
    await apiRequest<Page<IntegrationSummary>>(`/api/bots/${encodeURIComponent(botId)}/integrations?limit=${LIMIT}`, { signal })
  ).data;
  return page.items.filter((item) => item.type === 'LIVEPERSON_AGENT_ESCALATION');
}

/** The Agent Escalation integrations a failure dialog may transfer to; asked only while the form is open. */
export const useEscalationIntegrations = (botId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...botDialogKeys.all(botId), 'escalation-integrations'],
    queryFn: ({ signal }) => getEscalationIntegrations(botId, signal),
    enabled,
  });
