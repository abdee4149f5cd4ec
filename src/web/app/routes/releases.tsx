import { Link, useParams } from '../../lib/history-router';
import { paths } from '../../../domain/screen-routes';
import { ErrorState } from '../../components/states';
import { useBot } from '../../features/bots/api/get-bot';
import { ReleasesScreen } from '../../features/releases/components/releases-screen';
import { BotPanelHeader } from './bot-panel-header';

export function Component() {
  const { botId = '' } = useParams();
  const bot = useBot(botId);
  if (bot.isError) {
    return (
      <div className="page">
        <ErrorState
          title="Could not open this bot"
          error={bot.error}
          onRetry={() => void bot.refetch()}
          missing={{
            title: 'This bot does not exist',
            detail: 'No bot has this address: it was deleted, or the link is wrong.',
          }}
        />
        <p>
          <Link to={paths.bots()}>Back to the bots</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="panel">
      <title>{`Releases · ${bot.data?.name ?? '…'} · Integrations Panel`}</title>
      <BotPanelHeader botId={botId} bot={bot.data} title="Releases" />
      <ReleasesScreen botId={botId} />
    </div>
  );
}
