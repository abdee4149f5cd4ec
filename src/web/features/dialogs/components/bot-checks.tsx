import { useState } from 'react';
import { useCan } from '../../../lib/me';
import { Link } from '../../../lib/history-router';
import type { Check } from '../../../../domain/dialogs';
import { paths } from '../../../../domain/screen-routes';
import { useChecks } from '../api/get-checks';
import { retryableLazy } from '../../../components/lazy-part';
import type { CheckFixDialogProps } from './check-fix-dialog';
import './bot-checks.css';

// The form (react-hook-form, zod) loads on the first "Add a failure dialog": the header stays light.
const AddFailureDialog = retryableLazy<{ botId: string; open: boolean; onClose: () => void }>(
  () => import('./add-failure-dialog').then((module) => ({ default: module.AddFailureDialog })),
  'the failure dialog form',
);

// The preview of a fix loads when one is asked for.
const CheckFixDialog = retryableLazy<CheckFixDialogProps>(
  () => import('./check-fix-dialog').then((module) => ({ default: module.CheckFixDialog })),
  'the fix',
);

/** A check whose fix the preview dialog applies (the failure dialog has its own form). */
const previewedFix = (check: Check): check is CheckFixDialogProps['check'] =>
  check.status !== 'pass' && (check.fix?.kind === 'missing-integration' || check.fix?.kind === 'add-custom-field');

const FIX_LABELS = { 'missing-integration': 'Restore or replace…', 'add-custom-field': 'Add the field…' } as const;

// Rehearsing every transfer takes the server a moment: asked for only when the list is opened.
const TransferCoverage = retryableLazy<{ botId: string; onAddFailureDialog: () => void }>(
  () => import('./transfer-coverage').then((module) => ({ default: module.TransferCoverage })),
  'the transfer coverage',
);

const STATUS_WORDS: Record<Check['status'], string> = { pass: 'Passes', warn: 'Warning', fail: 'Fails' };

function summaryOf(checks: Check[]): string {
  const count = (status: Check['status']) => checks.filter((check) => check.status === status).length;
  const parts = [`${count('pass')} passed`];
  if (count('warn')) parts.push(`${count('warn')} warning${count('warn') === 1 ? '' : 's'}`);
  if (count('fail')) parts.push(`${count('fail')} failed`);
  return parts.join(', ');
}

/**
 * The bot's checks in the panel header: a one-line summary that opens the list, with the fixes offered.
 * `waiting` holds the request back: the server reads every integration of the bot to answer it.
 */
export function BotChecks({ botId, waiting = false }: { botId: string; waiting?: boolean }) {
  // Adding a dialog is a builder's.
  const canWrite = useCan('builder');
  const checks = useChecks(botId, { enabled: !waiting });
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [fixing, setFixing] = useState<CheckFixDialogProps['check'] | null>(null);
  if (checks.isPending) return <p className="bot-checks__summary bot-checks__summary--muted">Checking the dialogs…</p>;
  if (checks.isError) {
    return (
      <p className="bot-checks__summary bot-checks__summary--muted">
        Checks unavailable.{' '}
        <button type="button" className="button button--link" onClick={() => void checks.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  const items = checks.data;
  const worst = items.some((check) => check.status === 'fail') ? 'fail' : items.some((check) => check.status === 'warn') ? 'warn' : 'pass';
  return (
    <div
      className="bot-checks"
      onKeyDown={(event) => {
        // Escape folds the list back, as it closes the other popups of the app.
        if (event.key === 'Escape' && open) {
          setOpen(false);
          event.currentTarget.querySelector<HTMLButtonElement>('.bot-checks__summary')?.focus();
        }
      }}
    >
      <button
        type="button"
        className={`bot-checks__summary bot-checks__summary--${worst}`}
        aria-expanded={open}
        aria-controls="bot-checks-list"
        onClick={() => setOpen((value) => !value)}
      >
        Checks: {summaryOf(items)}
      </button>
      {open ? (
        <ul id="bot-checks-list" className="bot-checks__list" aria-label="Checks of the bot">
          {items.map((check, index) => {
            const node = check.interactionId ?? check.dialogId;
            return (
              <li key={`${check.id}-${index}`} className={`bot-checks__item bot-checks__item--${check.status}`}>
                <p className="bot-checks__title">
                  <span className={`bot-checks__status bot-checks__status--${check.status}`}>{STATUS_WORDS[check.status]}</span>{' '}
                  {check.title}
                </p>
                <p className="bot-checks__detail" id={`bot-check-${index}`}>
                  {check.detail}
                </p>
                <p className="bot-checks__actions">
                  {node ? <Link to={paths.dialogs(botId, node)}>Show in the dialogs</Link> : null}
                  {check.integrationId && !node ? (
                    <Link to={paths.integration(botId, check.integrationId)}>Open the integration</Link>
                  ) : null}
                  {canWrite && check.fix?.kind === 'add-failure-dialog' && check.status !== 'pass' ? (
                    <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
                      Add a failure dialog
                    </button>
                  ) : null}
                  {canWrite && previewedFix(check) ? (
                    <button
                      type="button"
                      className="button button--primary"
                      aria-describedby={`bot-check-${index}`}
                      onClick={() => setFixing(check)}
                    >
                      {FIX_LABELS[check.fix.kind]}
                    </button>
                  ) : null}
                </p>
              </li>
            );
          })}
          <li className="bot-checks__item bot-checks__item--coverage">
            <TransferCoverage botId={botId} onAddFailureDialog={() => setAdding(true)} />
          </li>
        </ul>
      ) : null}
      {adding ? <AddFailureDialog botId={botId} open onClose={() => setAdding(false)} /> : null}
      {fixing ? <CheckFixDialog botId={botId} check={fixing} onClose={() => setFixing(null)} /> : null}
    </div>
  );
}
