import type { Bot } from '../../../../domain/bot';
import { deferredPart } from '../../../components/deferred-part';

interface ExportBotMenuProps {
  bot: Pick<Bot, 'id' | 'name'>;
  small?: boolean;
}

/*
 * A screen is usable once its content is in: the export menus (Radix) load right after, in their places,
 * and are drawn meanwhile as they look, inert.
 */

const ExportBotMenuPart = deferredPart<ExportBotMenuProps>(
  () => import('./export-bot-menu').then((module) => ({ default: module.ExportBotMenu })),
  'the export menu',
  // A control the user may reach for at once: it does not wait for the form's editor too.
  { behindHolds: false },
);

export function ExportBotMenuSlot({ bot, small = false }: ExportBotMenuProps) {
  return (
    <ExportBotMenuPart
      bot={bot}
      small={small}
      placeholder={
        <button
          type="button"
          className={small ? 'button button--small' : 'button'}
          aria-label={`Export ${bot.name}`}
          aria-haspopup="menu"
          disabled
        >
          Export <span aria-hidden="true">▾</span>
        </button>
      }
    />
  );
}
