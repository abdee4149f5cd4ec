import { listFilterProps, moveBetweenRows } from '../../../../lib/keyboard';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useLocation, useParams } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useFilteredIntegrations } from './use-filtered-integrations';
import { retryableLazy } from '../../../../components/lazy-part';
import { useCan } from '../../../../lib/me';
import { IntegrationRowPlaceholder, type MenuOpener } from './integration-row-placeholder';
import { deferredModule } from '../../../../components/deferred-part';
import { paths } from '../../../../../domain/screen-routes';
import { SkipToForm } from './skip-to-form';
import { notify } from '../../../../lib/notify';
import { firstWindow, type RowWindow } from './row-window';
import { useJustChanged } from '../live/live-integrations';
import { useUrlSearchState } from '../../../../lib/url-search-state';
import { INTEGRATION_TYPE_NAMES } from '../../../../../domain/integration-types/type-names';
import type { IntegrationType } from '../../../../../domain/integration-types';

const ROW_HEIGHT = 48;

// The virtualizer (TanStack Virtual, about 10 KB) is not needed to show the first rows: see Rows.
const useVirtualWindow = deferredModule(() => import('./virtual-window'));
// The rows' tooltips and menus (Radix) load once the list is shown; the rows are links before that.
// A menu is a control the user may reach for at once: it does not wait for the form's editor too.
const useRowParts = deferredModule(() => import('./integration-list-item'), { behindHolds: false });
// Loaded with the first "Delete Integration", then kept mounted (for its closing and its focus return).
const DeleteIntegrationDialog = retryableLazy<ComponentProps<typeof import('./delete-integration-dialog').DeleteIntegrationDialog>>(
  () => import('./delete-integration-dialog').then((module) => ({ default: module.DeleteIntegrationDialog })),
  'the dialog',
);

/**
 * The left panel: filter by name (server-side, so it scales; the loaded rows at once), virtual rows, pages
 * fetched as you scroll. The filter is kept in the address (`?q=`), and the rows' links carry it, so a link
 * to the list, Back from an integration, or a reload shows the same rows.
 */
export function IntegrationsList({ botId }: { botId: string }) {
  const [filter, setFilter] = useUrlSearchState('q');
  const [typeParam, setType] = useUrlSearchState('type');
  // An unknown type in a hand-written address shows every type, and the select says so.
  const type = typeParam in INTEGRATION_TYPE_NAMES ? (typeParam as IntegrationType) : '';
  const linkSearch = listSearch(filter, type);
  const { query, typed, answered, complete, items } = useFilteredIntegrations(botId, filter, type);
  const typeName = type ? INTEGRATION_TYPE_NAMES[type].displayName : '';
  const [toDelete, setToDelete] = useState<IntegrationSummary | null>(null);
  const [deleteAsked, setDeleteAsked] = useState(false);
  const pickerRef = useRef<HTMLButtonElement>(null);
  const folded = useFoldedList(botId, pickerRef);
  const current = items.find((item) => item.id === folded.integrationId)?.name;
  const askDelete = useCallback((integration: IntegrationSummary) => {
    setDeleteAsked(true);
    setToDelete(integration);
  }, []);

  return (
    <nav className="panel-list" aria-label="Integrations" data-expanded={String(folded.expanded)} onKeyDown={folded.onKeyDown}>
      {/* Below 900 px the list folds into this picker above the form (hidden by CSS on wider screens). */}
      <button type="button" ref={pickerRef} className="panel-list__toggle" aria-expanded={folded.expanded} onClick={folded.toggle}>
        <span className="panel-list__current">
          {current ? `Integrations: ${current}` : folded.isNew ? 'Integrations: new integration' : 'Integrations'}
        </span>
        <span aria-hidden="true">{folded.expanded ? '▴' : '▾'}</span>
      </button>
      <SkipToForm />
      <div className="panel-list__filter">
        <label htmlFor="integration-filter" className="visually-hidden">
          Filter integrations
        </label>
        <input
          id="integration-filter"
          className="input"
          type="search"
          {...listFilterProps}
          placeholder="Filter by name or type"
          autoComplete="off"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label htmlFor="integration-type-filter" className="visually-hidden">
          Filter by type
        </label>
        <select id="integration-type-filter" className="select" value={type} onChange={(event) => setType(event.target.value)}>
          <option value="">All types</option>
          {(Object.keys(INTEGRATION_TYPE_NAMES) as IntegrationType[]).map((each) => (
            <option key={each} value={each}>
              {INTEGRATION_TYPE_NAMES[each].displayName}
            </option>
          ))}
        </select>
      </div>
      {query.isPending ? (
        <LoadingState label="Loading integrations…" shape="list" />
      ) : query.isError ? (
        <ErrorState title="Could not load the integrations" error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 && !complete ? (
        <LoadingState label="Loading integrations…" shape="list" />
      ) : items.length === 0 ? (
        <EmptyState
          title={
            typed
              ? `No ${typeName ? `${typeName} integration` : 'integration'} matches "${typed}".`
              : typeName
                ? `No ${typeName} integration yet.`
                : 'No integrations yet.'
          }
        >
          {typed || typeName ? null : <p>Use Add Integration to create the first one.</p>}
        </EmptyState>
      ) : (
        <Rows
          botId={botId}
          items={items}
          currentId={folded.integrationId}
          linkSearch={linkSearch}
          hasMore={answered && query.hasNextPage}
          loadMore={() => !query.isFetchingNextPage && void query.fetchNextPage()}
          onDelete={askDelete}
        />
      )}
      {query.isFetchNextPageError ? (
        <ErrorState title="Could not load more integrations" error={query.error} onRetry={() => void query.fetchNextPage()} />
      ) : null}
      {deleteAsked ? <DeleteIntegrationDialog botId={botId} integration={toDelete} onClose={() => setToDelete(null)} /> : null}
    </nav>
  );
}

/** The list's state as the rows' links carry it (`?q=…&type=…`), so opening a row keeps it. */
function listSearch(filter: string, type: string): string {
  const params = new URLSearchParams();
  if (filter) params.set('q', filter);
  if (type) params.set('type', type);
  return params.size ? `?${params}` : '';
}

/**
 * Where the list folds (phones, narrow tablets): open on the panel's own page, closed once an
 * integration (or the new one) is open, so the form gets the screen; the user opens it again at will.
 * Escape folds it too. Folding hides what had the focus (the row just picked, the filter), so the focus
 * goes to the picker, not to the page.
 */
function useFoldedList(botId: string, toggleRef: RefObject<HTMLButtonElement | null>) {
  const { integrationId } = useParams();
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const onIndex = pathname.replace(/\/+$/, '') === paths.integrations(botId);
  const expanded = onIndex || openedAt === pathname;
  const wasExpanded = useRef(expanded);
  useLayoutEffect(() => {
    const toggle = toggleRef.current;
    const folding = wasExpanded.current && !expanded;
    wasExpanded.current = expanded;
    // The picker is shown only where the list folds (CSS): on wide screens the rows stay and keep the focus.
    if (!folding || !toggle || getComputedStyle(toggle).display === 'none') return;
    const active = document.activeElement;
    if (active !== toggle && active instanceof Node && toggle.parentElement?.contains(active)) toggle.focus();
  }, [expanded, toggleRef]);
  return {
    integrationId,
    isNew: pathname.replace(/\/+$/, '') === paths.newIntegration(botId),
    expanded,
    toggle: () => setOpenedAt(expanded ? null : pathname),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      // Not a key meant for a row's menu (a portal, outside the list in the page), nor the filter's own
      // Escape while it has text to clear.
      const target = event.target as HTMLElement;
      if (event.key !== 'Escape' || onIndex || openedAt !== pathname || !event.currentTarget.contains(target)) return;
      if (target instanceof HTMLInputElement && target.value !== '') return;
      setOpenedAt(null);
    },
  };
}

interface RowsProps {
  botId: string;
  items: IntegrationSummary[];
  /** The open integration's id, if any: its row is marked current. */
  currentId: string | undefined;
  /** The list's own state (`?q=`), kept by the rows' links. */
  linkSearch: string;
  hasMore: boolean;
  loadMore: () => void;
  onDelete: (integration: IntegrationSummary) => void;
}

/**
 * Until the virtualizer is here (it loads once the list is shown, or at the first scroll), the rows that
 * fit on the screen are drawn where the virtualizer will draw them, under a list of the full height, so
 * the list looks and reads the same and its first render does not grow with the number of rows.
 */
function Rows({ botId, items, currentId, linkSearch, hasMore, loadMore, onDelete }: RowsProps) {
  // The virtual window reads the scroller from state, taken after the first rows are drawn: the window's
  // layout effects run before this element's ref is attached, so a ref would still be empty for them. Set
  // while the rows were committed (a callback ref), the state rendered the list again in the same task, and
  // React ran every pending effect of the screen (the form's fetches, its draft check) before the browser
  // could draw. It is there before the virtualizer arrives, so the window replaces the first rows in the
  // commit that brings it, where the focus on a row is handed over (deferredModule).
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const { module: virtual, request } = useVirtualWindow();
  useEffect(() => {
    setScroller(scrollerRef.current);
  }, []);
  const { module: parts, failed: partsFailed, request: requestParts } = useRowParts();
  // The rows' one action is Delete Integration: a viewer's rows have no menu.
  const canDelete = useCan('builder');
  // Rows saved elsewhere a moment ago flash (the list follows the bot's live events).
  const justChanged = useJustChanged();
  // The row whose menu was asked for before its code was here: it opens once the code arrives, and
  // is forgotten when it closes (a row drawn again later must not open it a second time).
  const [menuAsked, setMenuAsked] = useState<{ id: string; by: MenuOpener } | null>(null);
  const menuFailed = partsFailed && menuAsked !== null;
  const askMenu = useCallback(
    (id: string, by: MenuOpener) => {
      setMenuAsked({ id, by });
      requestParts();
    },
    [requestParts],
  );
  const forgetMenu = useCallback(() => setMenuAsked(null), []);
  useEffect(() => {
    // The stand-in stays, no longer busy: asking again tries again.
    if (menuFailed) notify('error', 'Could not load the menu. Try again.');
  }, [menuFailed]);
  const draw = (view: RowWindow) => {
    const rows = view.rows.map(({ index, start }) => {
      const integration = items[index];
      if (!integration) return null;
      return (
        <li
          key={integration.id}
          className={justChanged.has(integration.id) ? 'panel-list__row integration-item--changed' : 'panel-list__row'}
          style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
          aria-setsize={items.length}
          aria-posinset={index + 1}
        >
          <ListRow
            botId={botId}
            integration={integration}
            current={integration.id === currentId}
            linkSearch={linkSearch}
            parts={parts}
            onDelete={canDelete ? onDelete : undefined}
            menuAsked={menuAsked?.id === integration.id ? menuAsked.by : null}
            partsFailed={partsFailed}
            onMenu={askMenu}
            onMenuClosed={forgetMenu}
          />
        </li>
      );
    });
    return (
      <ul className="panel-list__rows" style={{ height: view.totalSize }} aria-label={`${items.length} integrations`}>
        {parts ? <parts.RowTooltips>{rows}</parts.RowTooltips> : rows}
      </ul>
    );
  };
  return (
    <div
      className="panel-list__scroller"
      ref={scrollerRef}
      data-testid="integrations-scroller"
      onScroll={request}
      onKeyDown={moveBetweenRows}
    >
      {/* Until the window has its scroller, the first rows are drawn as before it came: never an empty list. */}
      {virtual && scroller ? (
        <virtual.VirtualWindow
          scroller={scroller}
          count={items.length}
          rowHeight={ROW_HEIGHT}
          onRange={(last) => {
            if (hasMore && last >= items.length - 20) loadMore();
          }}
        >
          {draw}
        </virtual.VirtualWindow>
      ) : (
        draw(firstWindow(items.length, ROW_HEIGHT, window.innerHeight))
      )}
    </div>
  );
}

interface ListRowProps {
  botId: string;
  integration: IntegrationSummary;
  current: boolean;
  linkSearch: string;
  /** The rows' code (tooltip and menu), once it is here. */
  parts: typeof import('./integration-list-item') | null;
  onDelete: ((integration: IntegrationSummary) => void) | undefined;
  /** How this row's menu was asked for before its code was here, if it was. */
  menuAsked: MenuOpener | null;
  partsFailed: boolean;
  onMenu: (id: string, by: MenuOpener) => void;
  onMenuClosed: () => void;
}

/**
 * One row, memoised on what it shows: a click on a row (a new address) renders the row that stops being
 * current and the one that becomes current, not every row in view with their tooltips and menus.
 */
const ListRow = memo(function ListRow({
  botId,
  integration,
  current,
  linkSearch,
  parts,
  onDelete,
  menuAsked,
  partsFailed,
  onMenu,
  onMenuClosed,
}: ListRowProps) {
  return parts ? (
    <parts.IntegrationListItem
      botId={botId}
      integration={integration}
      current={current}
      linkSearch={linkSearch}
      onDelete={onDelete}
      menuOpen={menuAsked}
      onMenuClosed={onMenuClosed}
    />
  ) : (
    <IntegrationRowPlaceholder
      botId={botId}
      integration={integration}
      current={current}
      linkSearch={linkSearch}
      menuAsked={menuAsked !== null && !partsFailed}
      withMenu={onDelete !== undefined}
      onMenu={(by) => onMenu(integration.id, by)}
    />
  );
});
