import { EmptyState } from '../../../components/states';
import { describeFailure } from '../../../lib/failure';
import { useReadOnlyReason } from '../../../lib/me';
import { notify } from '../../../lib/notify';
import { useAddSampleDialogs } from '../api/add-sample-dialogs';

/** A bot without dialogs (one made in the panel): what dialogs would show, one click away. */
export function NoDialogs({ botId }: { botId: string }) {
  const add = useAddSampleDialogs(botId);
  const readOnly = useReadOnlyReason('builder');
  const failure = add.isError ? describeFailure(add.error, 'add the sample dialogs') : null;
  return (
    <EmptyState title="This bot has no dialogs.">
      <p>
        Bots made in the panel start without dialogs. Add the sample dialogs to see how dialogs use this bot&apos;s integrations: a
        greeting, a dialog for each integration, a transfer to an agent and a fallback. Or import a Conversation Builder export from the
        list of bots.
      </p>
      {readOnly ? (
        <p>{readOnly}</p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          // Not disabled while adding: the focus stays on the button, and a second click is ignored.
          aria-disabled={add.isPending}
          onClick={() => {
            if (add.isPending) return;
            add.mutate(undefined, {
              onSuccess: (dialogs) => notify('success', `Added ${dialogs.length} sample dialogs`),
            });
          }}
        >
          {add.isPending ? 'Adding the sample dialogs…' : 'Add the sample dialogs'}
        </button>
      )}
      {failure ? (
        <p className="field__error" role="alert">
          {failure.title}
          {failure.detail ? `: ${failure.detail}` : ''}
        </p>
      ) : null}
    </EmptyState>
  );
}
