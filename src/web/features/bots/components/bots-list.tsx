import { useState } from 'react';
import { listFilterProps, moveBetweenRows, rowLinkProps } from '../../../lib/keyboard';
import { retryableLazy } from '../../../components/lazy-part';
import { Link } from '../../../lib/history-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useBots } from '../api/get-bots';
import { useUrlSearchState } from '../../../lib/url-search-state';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import type { BotAction } from './bot-dialogs';
import { ExportBotMenuSlot } from './export-bot-menu-slot';
import { paths } from '../../../../domain/screen-routes';
import { useCan } from '../../../lib/me';

const BotDialogs = retryableLazy(() => import('./bot-dialogs'), 'the dialog');

export function BotsList() {
  const [search, setSearch] = useUrlSearchState('q');
  const q = useDebouncedValue(search.trim(), 250);
  const query = useBots(q);
  const [action, setAction] = useState<BotAction>(null);
  // Editing a bot is a builder's; deleting one takes everything in it, an admin's.
  const canEdit = useCan('builder');
  const canDelete = useCan('admin');
  const searchBox = (
    <div className="skills-search">
      <label htmlFor="bots-search" className="field__label">
        Search bots
      </label>
      <input
        id="bots-search"
        className="input"
        type="search"
        {...listFilterProps}
        placeholder="Part of a name, such as order"
        autoComplete="off"
        maxLength={200}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
    </div>
  );

  if (query.isPending) return <LoadingState label="Loading bots…" shape="list" />;
  if (query.isError) return <ErrorState title="Could not load the bots" error={query.error} onRetry={() => void query.refetch()} />;
  const bots = query.data.pages.flatMap((page) => page.items);

  return (
    <>
      {searchBox}
      {bots.length === 0 && q ? (
        <EmptyState title={`No bot matches “${q}”.`}>
          <p>Search by any part of the name.</p>
        </EmptyState>
      ) : bots.length === 0 ? (
        <EmptyState title="No bots yet.">
          <p>Create your first bot above, then add its integrations.</p>
        </EmptyState>
      ) : (
        <ul className="bot-list" aria-label="Bots" onKeyDown={moveBetweenRows}>
          {bots.map((bot) => (
            <li key={bot.id} className="bot-card" data-testid="bot-card">
              <div className="bot-card__body">
                <Link className="bot-card__name" to={paths.integrations(bot.id)} {...rowLinkProps}>
                  {bot.name}
                </Link>
                {bot.description ? <p className="bot-card__description">{bot.description}</p> : null}
              </div>
              <ExportBotMenuSlot bot={bot} small />
              {canEdit ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Edit ${bot.name}`}
                  onClick={() => setAction({ kind: 'edit', bot })}
                >
                  Edit
                </button>
              ) : null}
              {canDelete ? (
                <button
                  type="button"
                  className="button button--small button--danger-text"
                  aria-label={`Delete ${bot.name}`}
                  onClick={() => setAction({ kind: 'delete', bot })}
                >
                  Delete
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <button type="button" className="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          Load more bots
        </button>
      ) : null}
      {action ? <BotDialogs action={action} onClose={() => setAction(null)} /> : null}
    </>
  );
}
