import { INTEGRATION_TYPE_NAMES } from '../../../../../domain/integration-types/type-names';
import { paths } from '../../../../../domain/screen-routes';
import { ErrorState, LoadingState } from '../../../../components/states';
import { describeFailure } from '../../../../lib/failure';
import { Link } from '../../../../lib/history-router';
import { notify } from '../../../../lib/notify';
import { useDeletedIntegrations, useRestoreDeletedIntegration } from '../../api/deleted-integrations';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The address of an integration the bot does not have: a deleted one says what it was and offers
 * Restore (the form opens once it is back); any other says so in words, never with the id.
 */
export function MissingIntegration({ botId, integrationId }: { botId: string; integrationId: string }) {
  const deleted = useDeletedIntegrations(botId);
  const restore = useRestoreDeletedIntegration(botId);
  if (deleted.isPending) return <LoadingState label="Looking for the deleted integration…" shape="lines" />;
  if (deleted.isError) {
    return <ErrorState title="Could not find out what this integration was" error={deleted.error} onRetry={() => void deleted.refetch()} />;
  }
  const item = deleted.data.find((entry) => entry.id === integrationId);
  const back = <Link to={paths.integrations(botId)}>Back to the integrations</Link>;
  if (!item) {
    return (
      <div className="state state--empty" data-testid="missing-integration">
        <h2 className="state__title">This integration does not exist</h2>
        <p>This bot has no integration at this address, and never had one that was deleted. Pick one from the list.</p>
        <p>{back}</p>
      </div>
    );
  }
  const failure = restore.error ? describeFailure(restore.error, `restore ${item.name}`) : null;
  return (
    <div className="state state--empty" data-testid="missing-integration">
      <h2 className="state__title">{item.name} was deleted</h2>
      <p>
        The {INTEGRATION_TYPE_NAMES[item.type].displayName} integration {item.name} was deleted on{' '}
        {timeFormat.format(new Date(item.deletedAt))}. Restore brings it back as it was last saved.
      </p>
      <p className="state__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={restore.isPending}
          onClick={() => restore.mutate(item, { onSuccess: (restored) => notify('success', `Restored ${restored.name}`) })}
        >
          {restore.isPending ? 'Restoring…' : `Restore ${item.name}`}
        </button>{' '}
        {back}
      </p>
      {failure ? (
        <p role="alert" className="field-error">
          {failure.kind === 'request' && failure.detail ? `${failure.title}: ${failure.detail}` : failure.title}
        </p>
      ) : null}
    </div>
  );
}
