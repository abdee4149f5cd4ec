import { useParams } from '../../lib/history-router';
import { EmptyState } from '../../components/states';
import { useIntegrations } from '../../features/integrations/api/get-integrations';

/**
 * The panel with no integration open. The list is beside it on a wide screen and above it on a phone, so
 * it is "the list", not "the left"; a bot with none is asked for its first (the list's own answer, no second request).
 */
export function Component() {
  const { botId = '' } = useParams();
  const list = useIntegrations(botId, '');
  const none = list.data?.pages[0]?.items.length === 0;
  return (
    <EmptyState title={none ? "Add this bot's first integration." : 'Select an integration in the list, or add one.'}>
      <p>Integrations let your bot call APIs, send e-mail, search knowledge bases and transfer to a live agent.</p>
    </EmptyState>
  );
}
