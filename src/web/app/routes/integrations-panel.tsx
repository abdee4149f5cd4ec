import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate, useParams } from '../../lib/history-router';
import { useOfferedCommands } from '../../lib/commands';
import { useBot } from '../../features/bots/api/get-bot';
import { IntegrationsList } from '../../features/integrations/components/list/integrations-list';
import { useIntegrationsAnswered } from '../../features/integrations/api/get-integrations';
import { integrationQueryOptions } from '../../features/integrations/api/get-integration';
import { prefetchIntegrationResolver } from '../../features/integrations/components/form/lazy-integration-resolver';
import { prefetchScriptEditor } from '../../features/integrations/components/script-editor/load-script-editor';
import { INTEGRATION_DETAILS_ID } from '../../features/integrations/components/list/skip-to-form';
import { whenScreenSettled } from '../../lib/screen-settled';
import { useCan } from '../../lib/me';
import { paths } from '../../../domain/screen-routes';
import { BotNotOpened } from './bot-not-opened';
import { BotPanelHeader } from './bot-panel-header';
import { useLiveIntegrations } from '../../features/integrations/components/live/live-integrations';
import { RecentlyDeletedButton } from '../../features/integrations/components/recently-deleted/recently-deleted-button';

export function Component() {
  const { botId = '', integrationId } = useParams();
  const { pathname } = useLocation();
  const bot = useBot(botId);
  const client = useQueryClient();
  // The tab's title names the open integration: read from the form's own query as it answers, never asked twice.
  const open = useQuery({ ...integrationQueryOptions(botId, integrationId ?? ''), enabled: false });
  // The checks read every integration of the bot on the server (most of a second at 5,000): asked
  // beside the list, they held its first page up, and the panel opened slower the larger the bot.
  const listAnswered = useIntegrationsAnswered(botId);
  // Add Integration and Recently deleted (its Restore) are a builder's: a viewer is not offered them.
  const canWrite = useCan('builder');
  // Saves, renames and dialog changes made elsewhere show in the list and the checks as they happen.
  useLiveIntegrations(botId);
  const navigate = useNavigate();
  useOfferedCommands(
    useMemo(
      () => (canWrite ? [{ id: 'add-integration', label: 'Add Integration', run: () => navigate(paths.newIntegration(botId)) }] : null),
      [canWrite, navigate, botId],
    ),
  );

  // Once the list is there, fetch what the form needs only when it is used: its checks (zod and the
  // script parser), then Monaco (about 1 MB), while the user looks at the list.
  useEffect(
    () =>
      whenScreenSettled(client, () => {
        prefetchIntegrationResolver();
        prefetchScriptEditor();
      }),
    [client],
  );

  if (bot.isError) return <BotNotOpened error={bot.error} onRetry={() => void bot.refetch()} />;

  const botName = bot.data?.name ?? '…';
  const screenName = integrationId
    ? (open.data?.name ?? '…')
    : pathname === paths.newIntegration(botId)
      ? 'Add Integration'
      : 'Integrations';
  return (
    <div className="panel">
      <title>{`${screenName} · ${botName} · Integrations Panel`}</title>
      <BotPanelHeader botId={botId} bot={bot.data} title="Integrations" checksWait={!listAnswered}>
        {canWrite ? <RecentlyDeletedButton botId={botId} /> : null}
        {canWrite ? (
          <Link className="button button--primary" to={paths.newIntegration(botId)}>
            Add Integration
          </Link>
        ) : null}
      </BotPanelHeader>
      <div className="panel__body">
        <IntegrationsList botId={botId} />
        <section className="panel__detail" aria-label="Integration details" id={INTEGRATION_DETAILS_ID} tabIndex={-1}>
          <Outlet />
        </section>
      </div>
    </div>
  );
}
