import type { ReactNode } from 'react';
import { Link, NavLink } from '../../lib/history-router';
import type { Bot } from '../../../domain/bot';
import { paths } from '../../../domain/screen-routes';
import { ExportBotMenuSlot } from '../../features/bots/components/export-bot-menu-slot';
import { deferredPart } from '../../components/deferred-part';
import { ActionFailure } from '../../components/action-failure';
import { describeFailure } from '../../lib/failure';
import { useUpdateBot } from '../../features/bots/api/update-bot';
import { BotEnvironmentPicker } from '../../features/environments/components/bot-environment-picker';
import { ReleaseButton } from '../../features/releases/components/release-dialog';
// The checks' stand-in looks as the checks do while they load.
import '../../features/dialogs/components/bot-checks.css';

// The checks (and their request) wait until the screen has shown what it is for: no screen needs them to be used.
const BotChecks = deferredPart<{ botId: string; waiting?: boolean }>(
  () => import('../../features/dialogs/components/bot-checks').then((module) => ({ default: module.BotChecks })),
  'the bot checks',
);

interface BotPanelHeaderProps {
  botId: string;
  bot: Bot | undefined;
  /** The screen's heading: "Integrations", "Dialogs". */
  title: string;
  /** The checks are asked only once this is false: what the screen shows first goes ahead of them. */
  checksWait?: boolean;
  children?: ReactNode;
}

/** The header the bot's screens share: where you are, the bot's tabs, its checks, export, and the screen's own actions. */
export function BotPanelHeader({ botId, bot, title, checksWait = false, children }: BotPanelHeaderProps) {
  const update = useUpdateBot();
  return (
    <div className="panel__header">
      <div>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            <li>
              <Link to={paths.bots()}>Bots</Link>
            </li>
            <li aria-current="page">{bot?.name ?? '…'}</li>
          </ol>
        </nav>
        <h1 className="panel__title">{title}</h1>
        <nav aria-label="Bot sections" className="bot-tabs">
          <NavLink className="bot-tabs__link" to={paths.integrations(botId)}>
            Integrations
          </NavLink>
          <NavLink className="bot-tabs__link" to={paths.dialogs(botId)}>
            Dialogs
          </NavLink>
          <NavLink className="bot-tabs__link" to={paths.releases(botId)}>
            Releases
          </NavLink>
        </nav>
      </div>
      <div className="panel__actions">
        <BotChecks
          botId={botId}
          waiting={checksWait}
          placeholder={<p className="bot-checks__summary bot-checks__summary--muted">Checking the dialogs…</p>}
        />
        {bot ? (
          <BotEnvironmentPicker
            environmentId={bot.environmentId}
            saving={update.isPending}
            onChange={(environmentId) => update.mutate({ bot, patch: { environmentId } })}
          />
        ) : null}
        {update.error ? <ActionFailure failure={describeFailure(update.error, "change the bot's environment")} /> : null}
        {bot ? <ReleaseButton botId={botId} botName={bot.name} /> : null}
        {bot ? <ExportBotMenuSlot bot={bot} /> : null}
        {children}
      </div>
    </div>
  );
}
