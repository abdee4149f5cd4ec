import { useId, useMemo } from 'react';
import { AUDIT_ACTIONS, roleAllows, type AuditAction, type AuditEntry } from '../../../../domain/people';
import { paths } from '../../../../domain/screen-routes';
import { ActionFailure } from '../../../components/action-failure';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { describeFailure } from '../../../lib/failure';
import { Link, useSearchParams } from '../../../lib/history-router';
import { useMe } from '../../../lib/me';
import { useAudit, useBotChoices, usePeople, type AuditFilters } from '../api/people-api';
import { When } from './copy-once';
import './people.css';

const ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Failed sign-in',
  'sign-out': 'Signed out',
  create: 'Created',
  save: 'Saved',
  rename: 'Renamed',
  delete: 'Deleted',
  restore: 'Restored',
  release: 'Released',
  import: 'Imported',
  export: 'Exported',
  'test-run': 'Ran a test',
  'role-change': 'Changed a role',
  'person-added': 'Added a person',
  'person-deactivated': 'Deactivated a person',
  'person-reactivated': 'Reactivated a person',
  'key-created': 'Created an API key',
  'key-revoked': 'Revoked an API key',
};

const FILTERS = ['botId', 'actor', 'action', 'since'] as const;

/** `since` is kept in the address as the API takes it (ISO); the input shows it in local time. */
function localInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function EntryLink({ entry, botName }: { entry: AuditEntry; botName: string | undefined }) {
  if (entry.botId && entry.integrationId && entry.action !== 'delete') {
    return <Link to={paths.integration(entry.botId, entry.integrationId)}>Open the integration</Link>;
  }
  if (entry.botId) return <Link to={paths.integrations(entry.botId)}>Open {botName ?? 'the bot'}</Link>;
  return null;
}

/** The Activity screen: the audit trail, newest first, filtered by bot, person, action and since, a page at a time. */
export function ActivityPage() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = useMemo(
    () => Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : []))),
    [params],
  );
  const me = useMe();
  const isAdmin = me.data ? roleAllows(me.data.role, 'admin') && me.data.authMode !== 'none' : false;
  const people = usePeople(isAdmin);
  const bots = useBotChoices();
  const audit = useAudit(filters);
  const id = useId();
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const botNames = new Map((bots.data ?? []).map((bot) => [bot.id, bot.name]));

  // Everyone named in what is on screen can be picked, and (for admins) everyone who can sign in.
  const actors = new Map<string, string>();
  for (const person of people.data ?? []) actors.set(person.id, person.name);
  for (const entry of entries) if (!actors.has(entry.actor.id)) actors.set(entry.actor.id, entry.actor.name);
  if (filters.actor && !actors.has(filters.actor)) actors.set(filters.actor, filters.actor);

  const setFilter = (name: (typeof FILTERS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const filtered = FILTERS.some((name) => filters[name]);

  return (
    <div className="page">
      <title>Activity · Integrations Panel</title>
      <div className="page__header">
        <h1>Activity</h1>
        <p className="page__lead">Who did what, newest first. Each entry is kept for good: nothing changes or removes one.</p>
      </div>
      <form className="activity-filters" aria-label="Filter the activity" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-bot`} className="field__label">
            Bot
          </label>
          <select
            id={`${id}-bot`}
            className="select"
            value={filters.botId ?? ''}
            onChange={(event) => setFilter('botId', event.target.value)}
          >
            <option value="">Every bot</option>
            {(bots.data ?? []).map((bot) => (
              <option key={bot.id} value={bot.id}>
                {bot.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-actor`} className="field__label">
            Person
          </label>
          <select
            id={`${id}-actor`}
            className="select"
            value={filters.actor ?? ''}
            onChange={(event) => setFilter('actor', event.target.value)}
          >
            <option value="">Everyone</option>
            {[...actors].map(([actorId, name]) => (
              <option key={actorId} value={actorId}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`} className="field__label">
            Action
          </label>
          <select
            id={`${id}-action`}
            className="select"
            value={filters.action ?? ''}
            onChange={(event) => setFilter('action', event.target.value)}
          >
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-since`} className="field__label">
            Since
          </label>
          <input
            id={`${id}-since`}
            className="input"
            type="datetime-local"
            value={localInputValue(filters.since)}
            onChange={(event) => setFilter('since', event.target.value ? new Date(event.target.value).toISOString() : '')}
          />
        </div>
        {filtered ? (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </button>
        ) : null}
      </form>
      {audit.isFetchNextPageError ? (
        <ActionFailure failure={describeFailure(audit.error, 'load older entries')} onRetry={() => void audit.fetchNextPage()} />
      ) : null}
      {audit.isPending ? (
        <LoadingState label="Loading the activity" shape="list" />
      ) : audit.isError && !audit.data ? (
        <ErrorState title="The activity could not be loaded" error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'No activity yet'}>
          {filtered ? 'Clear a filter to see more.' : 'Changes, sign-ins and keys show here as they happen.'}
        </EmptyState>
      ) : (
        <>
          <ul className="people-list" aria-label="Activity">
            {entries.map((entry) => (
              <li key={entry.id} className="people-list__item">
                <div className="people-list__main">
                  <span className="activity-entry__what">{ACTION_LABELS[entry.action]}</span> by {entry.actor.name}
                  {entry.actor.kind === 'api-key' ? ' (API key)' : null}
                  <span className="people-list__meta">
                    <When at={entry.at} />
                    {entry.botId && botNames.get(entry.botId) ? ` · ${botNames.get(entry.botId)}` : null} · {entry.summary}
                  </span>
                </div>
                <div className="people-list__actions">
                  <EntryLink entry={entry} botName={entry.botId ? botNames.get(entry.botId) : undefined} />
                </div>
              </li>
            ))}
          </ul>
          {audit.hasNextPage ? (
            <div className="activity-more">
              <button type="button" className="button" disabled={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                {audit.isFetchingNextPage ? 'Loading more…' : 'Show older entries'}
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
