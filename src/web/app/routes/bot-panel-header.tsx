import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { Bot } from '../../../domain/bot';
import { paths } from '../../../domain/screen-routes';
import { ExportBotMenuSlot } from '../../features/bots/components/deferred-bot-parts';
import { BotChecks } from '../../features/dialogs/components/bot-checks';

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
        </nav>
      </div>
      <div className="panel__actions">
        <BotChecks botId={botId} waiting={checksWait} />
        {bot ? <ExportBotMenuSlot bot={bot} /> : null}
        {children}
      </div>
    </div>
  );
}
