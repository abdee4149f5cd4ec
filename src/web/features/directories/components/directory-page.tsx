import { useState, type ReactNode } from 'react';
import { Link } from '../../../lib/history-router';
import { paths } from '../../../../domain/screen-routes';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { useDeleteEntry, useDirectory, type DirectoryEntry, type DirectoryKind } from '../api/directory-api';
import { RenameEntryDialog } from './rename-entry-dialog';

export interface DirectoryColumn<T> {
  header: string;
  cell: (entry: T) => ReactNode;
}

interface DirectoryPageProps<T extends DirectoryEntry> {
  kind: DirectoryKind;
  /** "credential", "function", "knowledge base". */
  noun: string;
  plural: string;
  columns: DirectoryColumn<T>[];
  addForm: ReactNode;
  /** Shown when the list is read from the LivePerson account (and so cannot be changed here). */
  remoteNote: string;
  emptyHint: string;
}

/** A resource directory: search, add, rename, delete after confirmation, and which integrations use each entry. */
export function DirectoryPage<T extends DirectoryEntry>({
  kind,
  noun,
  plural,
  columns,
  addForm,
  remoteNote,
  emptyHint,
}: DirectoryPageProps<T>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const query = useDirectory<T>(kind, q);
  const [renaming, setRenaming] = useState<T | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const deletion = useDeleteEntry(kind);
  const remote = query.data?.source === 'liveperson';
  const editable = query.data !== undefined && !remote;
  const searchId = `${kind}-search`;

  return (
    <>
      {remote ? (
        <p className="note" data-testid={`${kind}-source`}>
          {remoteNote}
        </p>
      ) : null}
      {editable ? addForm : null}
      <div className="skills-search">
        <label htmlFor={searchId} className="field__label">
          Search {plural}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
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
          <p>{q ? 'Search by part of the name or by the start of the id.' : emptyHint}</p>
        </EmptyState>
      ) : (
        <table className="skills-table" aria-label={plural[0]!.toUpperCase() + plural.slice(1)} aria-busy={query.isFetching}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
              <th scope="col">Used by</th>
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
                  {entry.name}
                  <br />
                  <code className="combobox__id">{entry.id}</code>
                </td>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(entry)}</td>
                ))}
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
      <RenameEntryDialog kind={kind} noun={noun} entry={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDeleteDialog
        item={deleting}
        noun={noun}
        description={
          deleting && deleting.usedBy.length > 0 ? (
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
      />
    </>
  );
}
