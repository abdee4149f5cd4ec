import { Link } from '../../../../lib/history-router';
import { rowLinkProps } from '../../../../lib/keyboard';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { paths } from '../../../../../domain/screen-routes';
import { TypeBadge } from './type-badge';

/** How the menu was asked for: from the keyboard, it opens with its first item focused, as Radix's own does. */
export type MenuOpener = 'keyboard' | 'pointer';

interface IntegrationRowPlaceholderProps {
  botId: string;
  integration: IntegrationSummary;
  /** The open integration's row: marked aria-current="page" (the styles and tests read that). */
  current: boolean;
  /** The list's state in the address (`?q=…`), kept when a row is opened. */
  linkSearch?: string;
  /** The menu was asked for and opens once the row's code is here. */
  menuAsked: boolean;
  /** Asks for the menu: it loads the row's code at once, and the menu opens when it arrives. */
  onMenu: (by: MenuOpener) => void;
  /** false for a role that may not delete, the menu's one action. */
  withMenu?: boolean;
}

/**
 * A row of the list as it looks before its tooltip and menu (Radix) have loaded: the same link, and the
 * menu's button, which takes the focus and the user's request at once (a keyboard user who reaches it
 * in the first moments finds it working) and opens the menu when integration-list-item.tsx replaces it.
 */
export function IntegrationRowPlaceholder({
  botId,
  integration,
  current,
  linkSearch = '',
  menuAsked,
  onMenu,
  withMenu = true,
}: IntegrationRowPlaceholderProps) {
  return (
    <div className="integration-item" data-testid="integration-item">
      <Link
        to={`${paths.integration(botId, integration.id)}${linkSearch}`}
        {...rowLinkProps}
        className="integration-item__link"
        aria-current={current ? 'page' : undefined}
      >
        <span className="integration-item__name">{integration.name}</span>
        <TypeBadge type={integration.type} />
      </Link>
      {withMenu ? (
        <button
          type="button"
          className="button button--icon integration-item__menu"
          aria-label={`Actions for ${integration.name}`}
          aria-haspopup="menu"
          aria-expanded={false}
          aria-busy={menuAsked}
          // Enter and Space click a button too, with no pointer: detail 0.
          onClick={(event) => onMenu(event.detail === 0 ? 'keyboard' : 'pointer')}
          onKeyDown={(event) => {
            // As the menu's own trigger does: the arrow opens it too.
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            onMenu('keyboard');
          }}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      ) : null}
    </div>
  );
}
