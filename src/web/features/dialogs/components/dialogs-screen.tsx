import { useState } from 'react';
import type { DialogView } from '../../../../domain/dialogs';
import { useSearchParams } from '../../../lib/history-router';
import { retryableLazy } from '../../../components/lazy-part';
import { ErrorState, LoadingState } from '../../../components/states';
import { useChecks } from '../api/get-checks';
import { useDialogs } from '../api/get-dialogs';
import { useRemoveDialog, useRestoreDialog } from '../api/remove-dialog';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { useCan } from '../../../lib/me';
import { DialogFlow } from './dialog-flow';
import { DialogList } from './dialog-list';
import { NoDialogs } from './no-dialogs';
import { EDIT_PARAM, useOpenTransfer } from './transfer-summary';
import './dialogs.css';

type View = 'flow' | 'list';

// The chat loads on the first click on Rehearse: the flow does not wait for it.
const RehearsePanel = retryableLazy<{ botId: string; onSteps: (interactionIds: string[]) => void }>(
  () => import('./rehearse-panel').then((module) => ({ default: module.RehearsePanel })),
  'the rehearsal',
);

// The form and its schemas load when an Agent Transfer is opened.
const AgentTransferEditor = retryableLazy<{ botId: string; dialogId: string; interactionId: string; name: string; onClose: () => void }>(
  () => import('./agent-transfer-editor').then((module) => ({ default: module.AgentTransferEditor })),
  'the Agent Transfer form',
);

/** The bot's dialogs, drawn as flows or read as a list; ?node=<id> centres one interaction (or dialog). */
export function DialogsScreen({ botId }: { botId: string }) {
  const [params, setParams] = useSearchParams();
  const dialogs = useDialogs(botId);
  const checks = useChecks(botId);
  const view: View = params.get('view') === 'list' ? 'list' : 'flow';
  const focus = params.get('node');
  const [rehearsing, setRehearsing] = useState(false);
  const openTransfer = useOpenTransfer();
  const editing = params.get(EDIT_PARAM);
  const [lit, setLit] = useState<ReadonlySet<string>>(new Set());
  const [removing, setRemoving] = useState<DialogView | null>(null);
  const removal = useRemoveDialog(botId);
  const restore = useRestoreDialog(botId);
  const canWrite = useCan('builder');
  const show = (next: View) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'list') updated.set('view', 'list');
        else updated.delete('view');
        return updated;
      },
      { replace: true },
    );

  if (dialogs.isPending) return <LoadingState label="Loading the dialogs…" />;
  if (dialogs.isError)
    return <ErrorState title="Could not load the dialogs" error={dialogs.error} onRetry={() => void dialogs.refetch()} />;
  if (dialogs.data.length === 0) return <NoDialogs botId={botId} />;
  const checkItems = checks.data ?? [];
  const edited = editing ? findTransfer(dialogs.data, editing) : undefined;
  return (
    <div className={`dialogs-screen${rehearsing ? ' dialogs-screen--rehearsing' : ''}`}>
      <div className="dialogs-screen__bar">
        <div className="segmented" role="group" aria-label="Show the dialogs as">
          <button type="button" className="segmented__button" aria-pressed={view === 'flow'} onClick={() => show('flow')}>
            Flow
          </button>
          <button type="button" className="segmented__button" aria-pressed={view === 'list'} onClick={() => show('list')}>
            List
          </button>
        </div>
        <button
          type="button"
          className="button"
          aria-pressed={rehearsing}
          onClick={() => {
            setRehearsing((value) => !value);
            setLit(new Set());
          }}
        >
          Rehearse
        </button>
        <p className="dialogs-screen__hint">
          {dialogs.data.length} dialog{dialogs.data.length === 1 ? '' : 's'}. The list shows the same as the flow, for the keyboard and
          screen readers.
        </p>
      </div>
      {canWrite && dialogs.data.some((dialog) => dialog.addedHere) ? (
        <ul className="dialogs-screen__added" aria-label="Dialogs added in the panel">
          {dialogs.data
            .filter((dialog) => dialog.addedHere)
            .map((dialog) => (
              <li key={dialog.id}>
                Added here: {dialog.name}{' '}
                <button type="button" className="button button--small button--danger-text" onClick={() => setRemoving(dialog)}>
                  Remove {dialog.name}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
      <ConfirmDeleteDialog
        item={removing}
        noun="dialog"
        description={
          <p>
            The dialog and its interactions leave the bot, as a new revision of its dialogs. Undo, in the message that follows, puts them
            back as they were.
          </p>
        }
        mutation={removal}
        onClose={() => setRemoving(null)}
        undo={(dialog) => restore.mutateAsync(dialog)}
      />
      {view === 'flow' ? (
        <DialogFlow botId={botId} dialogs={dialogs.data} checks={checkItems} focus={focus} lit={lit} />
      ) : (
        <DialogList botId={botId} dialogs={dialogs.data} checks={checkItems} focus={focus} />
      )}
      {edited ? (
        <AgentTransferEditor
          botId={botId}
          dialogId={edited.dialogId}
          interactionId={edited.interaction.id}
          name={edited.interaction.name}
          onClose={() => openTransfer(null)}
          fallback={<LoadingState label="Loading the Agent Transfer form…" />}
        />
      ) : null}
      {rehearsing ? (
        <RehearsePanel botId={botId} onSteps={(ids) => setLit(new Set(ids))} fallback={<LoadingState label="Loading the rehearsal…" />} />
      ) : null}
    </div>
  );
}

/** The Agent Transfer ?edit= names, with its dialog; another kind of interaction opens nothing. */
function findTransfer(dialogs: DialogView[], interactionId: string) {
  for (const dialog of dialogs) {
    const interaction = dialog.interactions.find((item) => item.id === interactionId && item.kind === 'ESCALATION');
    if (interaction) return { dialogId: dialog.id, interaction };
  }
  return undefined;
}
