import { useState } from 'react';
import { listFilterProps } from '../../../lib/keyboard';
import { useCan } from '../../../lib/me';
import { Link } from '../../../lib/history-router';
import { paths } from '../../../../domain/screen-routes';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import type { DirectoryDescriptor, DirectoryPill } from '../../../../domain/directories/define-directory';
import { lastReadText, type DirectoryEntry } from '../../../../domain/directories/directory-usage';
import { useUrlSearchState } from '../../../lib/url-search-state';
import { useDeleteEntry, useDirectory, useRestoreEntry } from '../api/directory-api';
import { AddEntryForm } from './entry-form';
import { RenameEntryDialog } from './rename-entry-dialog';

function Cell({ value }: { value: string | readonly DirectoryPill[] }) {
  if (typeof value === 'string') return value;
  return value.map((pill) => (
    <span key={pill.key} className={`pill pill--${pill.ok ? 'success' : 'warning'}`} data-testid={`pill-${pill.key}`}>
      {pill.label}
    </span>
  ));
}

/** A directory's screen, from its descriptor: search, add, rename, delete after confirmation, and which integrations use each entry. */
export function DirectoryPage({ directory }: { directory: DirectoryDescriptor }) {
  const { kind, noun, plural, columns, usages } = directory;
  const [search, setSearch] = useUrlSearchState('q');
  const q = useDebouncedValue(search.trim(), 250);
  const query = useDirectory(directory.path, q);
  const [renaming, setRenaming] = useState<DirectoryEntry | null>(null);
  const [deleting, setDeleting] = useState<DirectoryEntry | null>(null);
  const deletion = useDeleteEntry(directory.path);
  const restore = useRestoreEntry(directory.path);
  const remote = query.data?.source === 'liveperson';
  // Directory entries are edited by builders; a viewer reads them (never their secrets).
  const canWrite = useCan('builder');
  const editable = query.data !== undefined && !remote && canWrite;
  const searchId = `${kind}-search`;

  const title = plural[0]!.toUpperCase() + plural.slice(1);
  return (
    <div className="page">
      <title>{`${directory.title} · Integrations Panel`}</title>
      <div className="page__header">
        <h1>{directory.title}</h1>
        <p className="page__lead">{directory.lead}</p>
      </div>
      {remote ? (
        <p className="note" data-testid={`${kind}-source`}>
          This directory is read from {directory.remote?.source} ({directory.remote?.hostVariable} is set): add, rename and delete {plural}{' '}
          there.
        </p>
      ) : null}
      {remote && query.data?.stale && query.data.fetchedAt ? (
        // LivePerson could not be read again: every server shows the last good list, and says how old it is.
        <p className="note note--warning" role="status" data-testid={`${kind}-age`}>
          {lastReadText(query.data.fetchedAt)}: LivePerson did not answer since, so {plural} added or changed there since then are not shown
          yet.
        </p>
      ) : null}
      {editable ? <AddEntryForm directory={directory} /> : null}
      <div className="skills-search">
        <label htmlFor={searchId} className="field__label">
          Search {plural}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          {...listFilterProps}
          placeholder="Part of a name, or the start of an id"
          autoComplete="off"
          maxLength={200}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {query.isPending ? (
        <LoadingState label={`Loading ${plural}…`} shape="list" />
      ) : query.isError ? (
        <ErrorState title={`Could not load the ${plural}`} error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={q ? `No ${noun} matches “${q}”.` : `No ${plural} yet.`}>
          <p>{q ? 'Search by part of the name or by the start of the id.' : directory.emptyHint}</p>
        </EmptyState>
      ) : (
        <table className="skills-table" aria-label={title} aria-busy={query.isFetching}>
          <caption className="visually-hidden">
            {query.data.items.length === 1 ? `1 ${noun}` : `${query.data.items.length} ${plural}`}
            {q ? ` matching “${q}”` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
              {usages ? <th scope="col">Used by</th> : null}
              {editable ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {query.data.items.map((entry) => (
              <tr key={entry.id} data-testid={`${kind}-row`}>
                <td>
                  {/* The id in a tooltip (and read after the name): the names are what people scan for. */}
                  <span data-testid="entry-name" title={`${directory.noun[0]!.toUpperCase()}${directory.noun.slice(1)} id: ${entry.id}`}>
                    {entry.name}
                  </span>
                  <span className="visually-hidden">, id {entry.id}</span>
                </td>
                {columns.map((column) => (
                  <td key={column.header}>
                    <Cell value={column.cell(entry)} />
                  </td>
                ))}
                {entry.usedBy ? (
                  <td>
                    {entry.usedBy.length === 0 ? (
                      <span className="combobox__meta">Not used</span>
                    ) : (
                      <ul className="used-by">
                        {entry.usedBy.map((usage) => (
                          <li key={usage.integrationId}>
                            <Link to={paths.integration(usage.botId, usage.integrationId)}>
                              {usage.botName} › {usage.integrationName}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ) : null}
                {editable ? (
                  <td className="skills-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Rename ${entry.name}`}
                      onClick={() => setRenaming(entry)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger-text"
                      aria-label={`Delete ${entry.name}`}
                      onClick={() => setDeleting(entry)}
                    >
                      Delete
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RenameEntryDialog directory={directory} entry={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDeleteDialog
        item={deleting}
        noun={noun}
        description={
          deleting && directory.deleteNote ? (
            <p>{directory.deleteNote(deleting)}</p>
          ) : deleting?.usedBy && deleting.usedBy.length > 0 ? (
            <p>
              {deleting.usedBy.length === 1 ? 'An integration uses' : `${deleting.usedBy.length} integrations use`} this {noun} (
              {deleting.usedBy.map((usage) => `${usage.botName} › ${usage.integrationName}`).join(', ')}
              ): the server refuses to delete it until they pick another.
            </p>
          ) : (
            <p>The {noun} leaves the directory. No integration uses it.</p>
          )
        }
        mutation={deletion}
        onClose={() => setDeleting(null)}
        undo={(entry) => restore.mutateAsync(entry)}
      />
    </div>
  );
}
