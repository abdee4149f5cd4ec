import { useId, useState, type ReactNode } from 'react';
import { useCan } from '../../lib/me';
import { Link, NavLink } from '../../lib/history-router';
import type { Bot } from '../../../domain/bot';
import { paths } from '../../../domain/screen-routes';
import { ExportBotMenuSlot } from '../../features/bots/components/export-bot-menu-slot';
import { deferredPart } from '../../components/deferred-part';

// The checks' stand-in looks as the checks do while they load.
import '../../features/dialogs/components/bot-checks.css';

// The checks (and their request) wait until the screen has shown what it is for: no screen needs them to be used.
const BotChecks = deferredPart<{ botId: string; waiting?: boolean }>(
  () => import('../../features/dialogs/components/bot-checks').then((module) => ({ default: module.BotChecks })),
  'the bot checks',
);

// Release… and its dialog load once the screen has shown what it is for (they are not needed to use it).
const ReleaseButton = deferredPart<{ botId: string; botName: string }>(
  () => import('../../features/releases/components/release-dialog').then((module) => ({ default: module.ReleaseButton })),
  'the release dialog',
);

// The bot's environment picker, once the screen has shown what it is for.
const BotEnvironment = deferredPart<{ bot: Bot }>(
  () => import('./bot-environment-control').then((module) => ({ default: module.BotEnvironmentControl })),
  "the bot's environment",
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
  // Release… writes into another bot: a builder's.
  const canWrite = useCan('builder');
  // On a phone the header is one bar (the bot's tabs and this button); the breadcrumb and the actions fold under
  // the button, so the list and the form keep the screen. From 600 px up the button is not shown, nothing folds.
  const [open, setOpen] = useState(false);
  const foldId = useId();
  return (
    <div className="panel__header" data-folded={!open}>
      <button
        type="button"
        className="panel__fold-toggle"
        aria-expanded={open}
        aria-controls={`${foldId}-actions`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="panel__fold-name">{bot?.name ?? '…'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div className="panel__where">
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
      <div className="panel__actions" id={`${foldId}-actions`}>
        <BotChecks
          botId={botId}
          waiting={checksWait}
          placeholder={<p className="bot-checks__summary bot-checks__summary--muted">Checking the dialogs…</p>}
        />
        {bot ? <BotEnvironment bot={bot} placeholder={<p className="bot-environment">Environment…</p>} /> : null}
        {bot && canWrite ? (
          <ReleaseButton
            botId={botId}
            botName={bot.name}
            placeholder={
              <button type="button" className="button" disabled>
                Release…
              </button>
            }
          />
        ) : null}
        {bot ? <ExportBotMenuSlot bot={bot} /> : null}
        {children}
      </div>
    </div>
  );
}
