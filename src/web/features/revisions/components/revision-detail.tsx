import { useMemo, useState } from 'react';
import { ActionFailure } from '../../../components/action-failure';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, LoadingState } from '../../../components/states';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { describeFailure } from '../../../lib/failure';
import { notify } from '../../../lib/notify';
import { useRevision } from '../api/get-revision';
import { useRestoreRevision } from '../api/restore-revision';
import { useCan } from '../../../lib/me';
import { diffFields } from './field-diff';
import { FieldDiffTable } from './field-diff-table';
import type { HistoryHostProps } from './history-props';
import { ScriptDiff } from './script-diff';
import { RevisionTestCases } from './revision-test-cases';

/** One revision side by side with the current version, and Restore. */
export function RevisionDetail({ version, ...host }: HistoryHostProps & { version: number }) {
  const { botId, integration, isDirty, onLoaded, reloadLatest, loadMonaco } = host;
  const revision = useRevision(botId, integration.id, version, version === integration.version);
  const now = useRevision(botId, integration.id, integration.version, true);
  const restore = useRestoreRevision(botId);
  const canRestore = useCan('builder');
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);

  if (revision.isPending) return <LoadingState label={`Loading version ${version}…`} />;
  if (revision.isError) {
    return (
      <ErrorState
        title={`Could not load version ${version}`}
        error={revision.error}
        onRetry={() => void revision.refetch()}
        missing={{
          title: `Version ${version} is not kept`,
          detail: 'The integration has no such version: pick another one from the list.',
        }}
      />
    );
  }

  const isCurrent = version === integration.version;
  const runRestore = () =>
    restore.mutate(
      { integrationId: integration.id, version, currentVersion: integration.version },
      {
        onSuccess: (restored) => {
          setConfirming(false);
          onLoaded(restored);
          notify('success', `Restored version ${version} (saved as version ${restored.version})`);
        },
        onError: (error) => {
          setConfirming(false);
          // The toast as well as the message under the button: the user may be looking at the diff below.
          notify('error', describeFailure(error, `restore version ${version}`).title);
        },
      },
    );
  const stale = isApiError(restore.error) && restore.error.status === 412;

  return (
    <>
      <div className="revision-detail__bar">
        <h3>
          Version {version} compared with the current version ({integration.version})
        </h3>
        {canRestore ? (
          <button
            type="button"
            className="button button--primary"
            disabled={isCurrent || restore.isPending}
            onClick={() => (isDirty ? setConfirming(true) : runRestore())}
          >
            {restore.isPending ? 'Restoring…' : `Restore version ${version}`}
          </button>
        ) : null}
      </div>
      {isCurrent ? <p className="form-legend">This is the current version.</p> : null}
      {restore.error && stale ? (
        <div className="form-problem" role="alert" data-testid="restore-error">
          <p className="form-problem__title">Someone saved this integration after you opened it</p>
          <p>
            Version {version} was not restored: it would have replaced a newer save you have not seen. Load the latest version, check the
            comparison again, then restore.
          </p>
          <p>
            <button
              type="button"
              className="button"
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                reloadLatest()
                  .then(() => restore.reset())
                  .catch((error: unknown) => notify('error', `Could not load the latest version: ${errorMessage(error)}`))
                  .finally(() => setReloading(false));
              }}
            >
              {reloading ? 'Loading…' : 'Load the latest version'}
            </button>
          </p>
        </div>
      ) : restore.error ? (
        <RestoreFailure error={restore.error} version={version} retrying={restore.isPending} onRetry={runRestore} />
      ) : null}
      <ScriptDiff
        revisionVersion={version}
        currentVersion={integration.version}
        original={revision.data.integration.transformScript}
        modified={integration.transformScript}
        loadMonaco={loadMonaco}
      />
      <FieldDiffTable
        rows={diffFields(revision.data.integration, integration)}
        revisionVersion={version}
        currentVersion={integration.version}
      />
      <RevisionTestCases
        version={version}
        testCases={revision.data.testCases}
        current={now.data?.testCases}
        changes={revision.data.testCaseChanges}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={(next) => !next && setConfirming(false)}
        title={`Restore version ${version}?`}
        description={
          <p>
            The form has unsaved changes. Restoring saves version {version} as the newest version and replaces what is in the form; your
            unsaved changes are lost.
          </p>
        }
        confirmLabel="Discard my changes and restore"
        danger
        pending={restore.isPending}
        onConfirm={runRestore}
      />
    </>
  );
}

/** A restore that failed otherwise than as stale: said with its kind, and Retry where trying again can help. */
function RestoreFailure({ error, version, retrying, onRetry }: { error: Error; version: number; retrying: boolean; onRetry: () => void }) {
  const failure = useMemo(() => describeFailure(error, `restore version ${version}`), [error, version]);
  return (
    <ActionFailure
      failure={failure}
      testId="restore-error"
      retrying={retrying}
      onRetry={failure.kind === 'request' ? undefined : onRetry}
    />
  );
}
