import { useParams } from '../../lib/history-router';
import { useBot } from '../../features/bots/api/get-bot';
import { ReleasesScreen } from '../../features/releases/components/releases-screen';
import { BotNotOpened } from './bot-not-opened';
import { BotPanelHeader } from './bot-panel-header';

export function Component() {
  const { botId = '' } = useParams();
  const bot = useBot(botId);
  if (bot.isError) return <BotNotOpened error={bot.error} onRetry={() => void bot.refetch()} />;
  return (
    <div className="panel">
      <title>{`Releases · ${bot.data?.name ?? '…'} · Integrations Panel`}</title>
      <BotPanelHeader botId={botId} bot={bot.data} title="Releases" />
      <ReleasesScreen botId={botId} />
    </div>
  );
}
