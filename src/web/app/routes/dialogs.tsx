import { Link, useParams } from '../../lib/history-router';
import { paths } from '../../../domain/screen-routes';
import { ErrorState } from '../../components/states';
import { useBot } from '../../features/bots/api/get-bot';
import { DialogsScreen } from '../../features/dialogs/components/dialogs-screen';
import { BotPanelHeader } from './bot-panel-header';
import { DirectoriesProvider } from '../../components/directory-pickers/directories-context';
import { useFormDirectories } from './use-form-directories';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listenToBot } from '../../lib/bot-events';
import { invalidateBotDialogs } from '../../lib/bot-dialog-keys';

export function Component() {
  const { botId = '' } = useParams();
  const client = useQueryClient();
  // The flow, the checks and the usages follow changes made elsewhere (a dialog added, a rename, a save).
  useEffect(
    () =>
      listenToBot(botId, (event) => {
        if (event.type !== 'presence') void invalidateBotDialogs(client, botId);
      }),
    [botId, client],
  );
  const bot = useBot(botId);
  // The Agent Transfer form picks skills from the directory and checks ids against it.
  const directories = useFormDirectories();
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
      <title>{`Dialogs · ${bot.data?.name ?? '…'} · Integrations Panel`}</title>
      <BotPanelHeader botId={botId} bot={bot.data} title="Dialogs" />
      <DirectoriesProvider value={directories}>
        <DialogsScreen botId={botId} />
      </DirectoriesProvider>
    </div>
  );
}
