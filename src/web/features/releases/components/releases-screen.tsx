import type { Release } from '../../../../domain/releases';
import { useCan } from '../../../lib/me';
import { ActionFailure } from '../../../components/action-failure';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { describeFailure } from '../../../lib/failure';
import { notify } from '../../../lib/notify';
import { useReleases, useRollback } from '../api/releases-api';
import { ChangeList } from './release-views';
import './releases.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The Releases tab: releases into and out of the bot, each with its diffs and Roll back. */
export function ReleasesScreen({ botId }: { botId: string }) {
  const canWrite = useCan('builder');
  const query = useReleases(botId);
  const rollback = useRollback(botId);
  const roll = (release: Release) =>
    rollback.mutate(release, { onSuccess: (done) => notify('success', `Rolled back release ${release.number} (release ${done.number})`) });
  if (query.isPending) return <LoadingState label="Loading the releases" />;
  if (query.isError)
    return <ErrorState title="The releases could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0)
    return <EmptyState title="No releases yet">Release… in the header carries integrations into another bot.</EmptyState>;
  return (
    <div className="releases-list">
      {rollback.error ? <ActionFailure failure={describeFailure(rollback.error, 'roll back')} /> : null}
      {query.data.map((release) => (
        <article key={release.id} aria-labelledby={`release-${release.id}`}>
          <h2 id={`release-${release.id}`}>
            Release {release.number} {release.targetBotId === botId ? 'into this bot' : 'from this bot'}
          </h2>
          <p>
            {release.author}, {timeFormat.format(new Date(release.at))}
            {release.note ? ` — ${release.note}` : ''}
          </p>
          <ChangeList changes={release.changes} />
          {canWrite ? (
            <button
              type="button"
              className="button button--small"
              disabled={rollback.isPending}
              onClick={() => roll(release)}
              aria-label={`Roll back release ${release.number}`}
            >
              Roll back
            </button>
          ) : null}
        </article>
      ))}
    </div>
  );
}
