import { useParams } from '../../lib/history-router';
import { useBot } from '../../features/bots/api/get-bot';
import { DialogsScreen } from '../../features/dialogs/components/dialogs-screen';
import { BotNotOpened } from './bot-not-opened';
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
  if (bot.isError) return <BotNotOpened error={bot.error} onRetry={() => void bot.refetch()} />;
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
