import { useState, type ComponentProps } from 'react';
import { useLocation, useParams } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useFilteredIntegrations } from './use-filtered-integrations';
import { retryableLazy } from '../../../../components/lazy-part';
import { IntegrationRowPlaceholder } from './integration-row-placeholder';
import { deferredModule } from '../../../../components/deferred-part';
import { paths } from '../../../../../domain/screen-routes';
import { SkipToForm } from './skip-to-form';
import { firstWindow, type RowWindow } from './row-window';

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

/** The left panel: filter by name (server-side, so it scales; the loaded rows at once), virtual rows, pages fetched as you scroll. */
export function IntegrationsList({ botId }: { botId: string }) {
  const [filter, setFilter] = useState('');
  const { query, typed, answered, complete, items } = useFilteredIntegrations(botId, filter);
  const [toDelete, setToDelete] = useState<IntegrationSummary | null>(null);
  const [deleteAsked, setDeleteAsked] = useState(false);
  const folded = useFoldedList(botId);
  const current = items.find((item) => item.id === folded.integrationId)?.name;

  return (
    <nav className="panel-list" aria-label="Integrations" data-expanded={String(folded.expanded)}>
      {/* Below 900 px the list folds into this picker above the form (hidden by CSS on wider screens). */}
      <button type="button" className="panel-list__toggle" aria-expanded={folded.expanded} onClick={folded.toggle}>
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
          placeholder="Filter by name or type"
          autoComplete="off"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {query.isPending ? (
        <LoadingState label="Loading integrations…" shape="list" />
      ) : query.isError ? (
        <ErrorState title="Could not load the integrations" error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 && !complete ? (
        <LoadingState label="Loading integrations…" shape="list" />
      ) : items.length === 0 ? (
        <EmptyState title={typed ? `No integration matches "${typed}".` : 'No integrations yet.'}>
          {typed ? null : <p>Use Add Integration to create the first one.</p>}
        </EmptyState>
      ) : (
        <Rows
          botId={botId}
          items={items}
          hasMore={answered && query.hasNextPage}
          loadMore={() => !query.isFetchingNextPage && void query.fetchNextPage()}
          onDelete={(integration) => {
            setDeleteAsked(true);
            setToDelete(integration);
          }}
        />
      )}
      {query.isFetchNextPageError ? (
        <ErrorState title="Could not load more integrations" error={query.error} onRetry={() => void query.fetchNextPage()} />
      ) : null}
      {deleteAsked ? <DeleteIntegrationDialog botId={botId} integration={toDelete} onClose={() => setToDelete(null)} /> : null}
    </nav>
  );
}

/**
 * Where the list folds (phones, narrow tablets): open on the panel's own page, closed once an
 * integration (or the new one) is open, so the form gets the screen; the user opens it again at will.
 */
function useFoldedList(botId: string) {
  const { integrationId } = useParams();
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const onIndex = pathname.replace(/\/+$/, '') === paths.integrations(botId);
  const expanded = onIndex || openedAt === pathname;
  return {
    integrationId,
    isNew: pathname.replace(/\/+$/, '') === paths.newIntegration(botId),
    expanded,
    toggle: () => setOpenedAt(expanded ? null : pathname),
  };
}

interface RowsProps {
  botId: string;
  items: IntegrationSummary[];
  hasMore: boolean;
  loadMore: () => void;
  onDelete: (integration: IntegrationSummary) => void;
}

/**
 * Until the virtualizer is here (it loads once the list is shown, or at the first scroll), the rows that
 * fit on the screen are drawn where the virtualizer will draw them, under a list of the full height, so
 * the list looks and reads the same and its first render does not grow with the number of rows.
 */
function Rows({ botId, items, hasMore, loadMore, onDelete }: RowsProps) {
  // State, not a ref: the virtual window is a child, and a child's layout effects run before its parent's
  // ref is set; a list that mounts with the virtualizer already here (after a filter) drew no rows.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const { module: virtual, request } = useVirtualWindow();
  const { module: parts } = useRowParts();
  const draw = (view: RowWindow) => {
    const rows = view.rows.map(({ index, start }) => {
      const integration = items[index];
      if (!integration) return null;
      return (
        <li
          key={integration.id}
          className="panel-list__row"
          style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
          aria-setsize={items.length}
          aria-posinset={index + 1}
        >
          {parts ? (
            <parts.IntegrationListItem botId={botId} integration={integration} onDelete={onDelete} />
          ) : (
            <IntegrationRowPlaceholder botId={botId} integration={integration} />
          )}
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
    <div className="panel-list__scroller" ref={setScroller} data-testid="integrations-scroller" onScroll={request}>
      {virtual ? (
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
