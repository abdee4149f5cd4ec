import { useState } from 'react';
import { useSearchParams } from '../../../lib/history-router';
import { retryableLazy } from '../../../components/lazy-part';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useChecks } from '../api/get-checks';
import { useDialogs } from '../api/get-dialogs';
import { DialogFlow } from './dialog-flow';
import { DialogList } from './dialog-list';
import './dialogs.css';

type View = 'flow' | 'list';

// The chat loads on the first click on Rehearse: the flow does not wait for it.
const RehearsePanel = retryableLazy<{ botId: string; onSteps: (interactionIds: string[]) => void }>(
  () => import('./rehearse-panel').then((module) => ({ default: module.RehearsePanel })),
  'the rehearsal',
);

/** The bot's dialogs, drawn as flows or read as a list; ?node=<id> centres one interaction (or dialog). */
export function DialogsScreen({ botId }: { botId: string }) {
  const [params, setParams] = useSearchParams();
  const dialogs = useDialogs(botId);
  const checks = useChecks(botId);
  const view: View = params.get('view') === 'list' ? 'list' : 'flow';
  const focus = params.get('node');
  const [rehearsing, setRehearsing] = useState(false);
  const [lit, setLit] = useState<ReadonlySet<string>>(new Set());
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
  if (dialogs.data.length === 0) {
    return (
      <EmptyState title="This bot has no dialogs.">
        <p>
          Bots made in the panel start without dialogs. Import a Conversation Builder export to see its dialogs and where they use the
          integrations.
        </p>
      </EmptyState>
    );
  }
  const checkItems = checks.data ?? [];
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
      {view === 'flow' ? (
        <DialogFlow botId={botId} dialogs={dialogs.data} checks={checkItems} focus={focus} lit={lit} />
      ) : (
        <DialogList botId={botId} dialogs={dialogs.data} checks={checkItems} focus={focus} />
      )}
      {rehearsing ? (
        <RehearsePanel botId={botId} onSteps={(ids) => setLit(new Set(ids))} fallback={<LoadingState label="Loading the rehearsal…" />} />
      ) : null}
    </div>
  );
}
