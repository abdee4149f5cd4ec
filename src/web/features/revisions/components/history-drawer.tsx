import { Dialog } from 'radix-ui';
import { useState, type RefObject } from 'react';
import { returnFocusTo } from '../../../components/return-focus';
import { ErrorState, EmptyState, LoadingState } from '../../../components/states';
import { useRevisions } from '../api/get-revisions';
import type { HistoryHostProps } from './history-props';
import { RevisionDetail } from './revision-detail';
import { RevisionList } from './revision-list';

interface HistoryDrawerProps extends HistoryHostProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The History button: the focus goes back to it on close. */
  opener?: RefObject<HTMLElement | null>;
}

/** A side sheet over the form: Radix traps focus in it and Escape closes it. */
export default function HistoryDrawer({ open, onOpenChange, opener, ...host }: HistoryDrawerProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="sheet" data-testid="history-drawer" onCloseAutoFocus={returnFocusTo(opener)}>
          <div className="sheet__header">
            <div>
              <Dialog.Title className="dialog__title">History of {host.integration.name}</Dialog.Title>
              <Dialog.Description className="dialog__description">
                Every save, newest first. Pick one to compare it with the current version, or to restore it.
              </Dialog.Description>
            </div>
            <Dialog.Close className="button" type="button">
              Close
            </Dialog.Close>
          </div>
          {open ? <HistoryBody {...host} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function HistoryBody(host: HistoryHostProps) {
  const { botId, integration } = host;
  const revisions = useRevisions(botId, integration.id);
  const [picked, setPicked] = useState<number | null>(null);
  // Until the user picks one, the version before the current one: what the last save changed.
  const selected = picked ?? revisions.data?.find((revision) => revision.version !== integration.version)?.version ?? null;

  return (
    <div className="sheet__body">
      {revisions.isPending ? <LoadingState label="Loading the history…" /> : null}
      {revisions.isError ? (
        <ErrorState title="Could not load the history" error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : null}
      {revisions.data ? (
        <RevisionList revisions={revisions.data} selected={selected} currentVersion={integration.version} onSelect={setPicked} />
      ) : null}
      <div className="revision-detail">
        {selected !== null ? (
          <RevisionDetail key={selected} {...host} version={selected} />
        ) : revisions.data ? (
          <EmptyState title="No earlier version yet.">
            <p>Each save adds one here; then you can compare and restore.</p>
          </EmptyState>
        ) : null}
      </div>
    </div>
  );
}
