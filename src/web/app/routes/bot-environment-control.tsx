import type { Bot } from '../../../domain/bot';
import { ActionFailure } from '../../components/action-failure';
import { describeFailure } from '../../lib/failure';
import { useReadOnlyReason } from '../../lib/me';
import { useUpdateBot } from '../../features/bots/api/update-bot';
import { BotEnvironmentPicker } from '../../features/environments/components/bot-environment-picker';

/** The bot's environment in its header: the environments feature picks, the bots feature saves (features do not import each other). */
export function BotEnvironmentControl({ bot }: { bot: Bot }) {
  const update = useUpdateBot();
  const readOnly = useReadOnlyReason() !== null;
  return (
    <>
      <BotEnvironmentPicker
        environmentId={bot.environmentId}
        saving={update.isPending}
        readOnly={readOnly}
        onChange={(environmentId) => update.mutate({ bot, patch: { environmentId } })}
      />
      {update.error ? <ActionFailure failure={describeFailure(update.error, "change the bot's environment")} /> : null}
    </>
  );
}
