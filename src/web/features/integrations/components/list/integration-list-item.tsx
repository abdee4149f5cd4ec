import { DropdownMenu, Tooltip } from 'radix-ui';
import { rowLinkProps } from '../../../../lib/keyboard';
import { useRef, useState, type ReactNode } from 'react';
import { Link } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { INTEGRATION_TYPE_LABELS } from '../../../../../domain/integration-types';
import { paths } from '../../../../../domain/screen-routes';
import { TypeBadge } from './type-badge';
import type { MenuOpener } from './integration-row-placeholder';
import { useFailingTestCases } from '../../api/test-cases';

/** Shown on a row whose test cases failed their last run against the saved integration (one query per bot). */
function FailingTestsBadge({ botId, integration }: { botId: string; integration: IntegrationSummary }) {
  const failing = useFailingTestCases(botId).data?.find((item) => item.integrationId === integration.id);
  if (!failing) return null;
  const words = `${failing.failed} test case${failing.failed === 1 ? '' : 's'} failing`;
  return (
    <span
      className="pill test-status test-status--failed integration-item__tests"
      title={words}
      aria-label={`${integration.name}: ${words}`}
      data-testid="failing-tests-badge"
    >
      {failing.failed} failing
    </span>
  );
}

interface IntegrationListItemProps {
  botId: string;
  integration: IntegrationSummary;
  /** The open integration's row: marked aria-current="page" (the styles and tests read that). */
  current: boolean;
  /** The list's state in the address (`?q=…`), kept when a row is opened. */
  linkSearch?: string;
  /** Absent for a role that may not delete: the row then has no actions menu. */
  onDelete?: (integration: IntegrationSummary) => void;
  /** Opens the menu as the row mounts: the user asked for it (so) while the row's code was on its way. */
  menuOpen?: MenuOpener | null;
  onMenuClosed?: () => void;
}

/** The rows' tooltips share one provider: moving from row to row shows the next one without a new delay. */
export function RowTooltips({ children }: { children: ReactNode }) {
  return <Tooltip.Provider delayDuration={400}>{children}</Tooltip.Provider>;
}

/** True when the name or the badge is cut with an ellipsis. */
function isCut(link: HTMLElement | null): boolean {
  return [...(link?.children ?? [])].some((part) => part.scrollWidth > part.clientWidth);
}

export function IntegrationListItem({
  botId,
  integration,
  current,
  linkSearch = '',
  onDelete,
  menuOpen = null,
  onMenuClosed,
}: IntegrationListItemProps) {
  const link = useRef<HTMLAnchorElement>(null);
  const [fullTextShown, setFullTextShown] = useState(false);
  // Asked for from the keyboard before Radix listened for keys, the menu would take it for a pointer and
  // focus itself: its first item takes the focus as it mounts instead (Radix then leaves a focus inside it).
  const focusOnMount = useRef(menuOpen === 'keyboard');
  const focusFirstItem = (item: HTMLDivElement | null) => {
    if (!item || !focusOnMount.current) return;
    focusOnMount.current = false;
    item.focus();
  };
  return (
    <div className="integration-item" data-testid="integration-item">
      {/* A cut name or badge shows in full beside the row, on hover and on keyboard focus alike. */}
      <Tooltip.Root open={fullTextShown} onOpenChange={(open) => setFullTextShown(open && isCut(link.current))}>
        <Tooltip.Trigger asChild>
          <Link
            ref={link}
            to={`${paths.integration(botId, integration.id)}${linkSearch}`}
            {...rowLinkProps}
            // A plain string: the tooltip's Slot merges class names as strings.
            className="integration-item__link"
            aria-current={current ? 'page' : undefined}
          >
            <span className="integration-item__name">{integration.name}</span>
            <TypeBadge type={integration.type} />
          </Link>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="integration-tooltip" side="bottom" align="start" sideOffset={2} data-testid="integration-full-name">
            {integration.name} · {INTEGRATION_TYPE_LABELS[integration.type]}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <FailingTestsBadge botId={botId} integration={integration} />
      {onDelete ? (
        <DropdownMenu.Root modal={false} defaultOpen={menuOpen !== null} onOpenChange={(open) => !open && onMenuClosed?.()}>
          <DropdownMenu.Trigger className="button button--icon integration-item__menu" aria-label={`Actions for ${integration.name}`}>
            <span aria-hidden="true">⋯</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Item ref={focusFirstItem} className="menu__item menu__item--danger" onSelect={() => onDelete(integration)}>
                Delete Integration
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : null}
    </div>
  );
}
