import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { IntegrationSummary } from '../../../../domain/integration';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { useIntegrations } from '../api/get-integrations';
import { DeleteIntegrationDialog } from './delete-integration-dialog';
import { IntegrationListItem } from './integration-list-item';
import { SkipToForm } from './skip-to-form';

const ROW_HEIGHT = 48;

/** The left panel: filter by name (server-side, so it scales), virtual rows, pages fetched as you scroll. */
export function IntegrationsList({ botId }: { botId: string }) {
  const [filter, setFilter] = useState('');
  const q = useDebouncedValue(filter.trim(), 200);
  const query = useIntegrations(botId, q);
  const [toDelete, setToDelete] = useState<IntegrationSummary | null>(null);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <nav className="panel-list" aria-label="Integrations">
      <SkipToForm />
      <div className="panel-list__filter">
        <label htmlFor="integration-filter" className="visually-hidden">
          Filter integrations
        </label>
        <input
          id="integration-filter"
          className="input"
          type="search"
          placeholder="Filter by name"
          autoComplete="off"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {query.isPending ? (
        <LoadingState label="Loading integrations…" />
      ) : query.isError ? (
        <ErrorState title="Could not load the integrations" error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={q ? `No integration matches "${q}".` : 'No integrations yet.'}>
          {q ? null : <p>Use Add Integration to create the first one.</p>}
        </EmptyState>
      ) : (
        <VirtualRows
          botId={botId}
          items={items}
          hasMore={query.hasNextPage}
          loadMore={() => !query.isFetchingNextPage && void query.fetchNextPage()}
          onDelete={setToDelete}
        />
      )}
      {query.isFetchNextPageError ? (
        <ErrorState title="Could not load more integrations" error={query.error} onRetry={() => void query.fetchNextPage()} />
      ) : null}
      <DeleteIntegrationDialog botId={botId} integration={toDelete} onClose={() => setToDelete(null)} />
    </nav>
  );
}

interface VirtualRowsProps {
  botId: string;
  items: IntegrationSummary[];
  hasMore: boolean;
  loadMore: () => void;
  onDelete: (integration: IntegrationSummary) => void;
}

function VirtualRows({ botId, items, hasMore, loadMore, onDelete }: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 20) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  return (
    <div className="panel-list__scroller" ref={scroller} data-testid="integrations-scroller">
      <ul className="panel-list__rows" style={{ height: virtualizer.getTotalSize() }} aria-label={`${items.length} integrations`}>
        {virtualItems.map((row) => {
          const integration = items[row.index];
          if (!integration) return null;
          return (
            <li
              key={integration.id}
              className="panel-list__row"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
            >
              <IntegrationListItem botId={botId} integration={integration} onDelete={onDelete} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
