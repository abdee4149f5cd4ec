import { TRANSFER_OUTCOME_LABELS } from '../../../../domain/rehearsal';
import { useCan } from '../../../lib/me';
import { Link } from '../../../lib/history-router';
import { paths } from '../../../../domain/screen-routes';
import { useTransferCoverage } from '../api/get-transfer-coverage';
import { useState } from 'react';
import { AddFailureRule } from './add-failure-rule';

/**
 * Every escalation path × transfer outcome, rehearsed by the server: red where the customer would end
 * in the Fallback dialog, the platform's default text or no answer, with the one-click fix that exists.
 */
export function TransferCoverage({ botId, onAddFailureDialog }: { botId: string; onAddFailureDialog: () => void }) {
  const canWrite = useCan('builder');
  const coverage = useTransferCoverage(botId);
  const [addingRule, setAddingRule] = useState<{ id: string; name: string } | null>(null);
  if (coverage.isPending) return <p className="transfer-coverage__note">Rehearsing every transfer…</p>;
  if (coverage.isError)
    return (
      <p className="transfer-coverage__note">
        Transfer coverage unavailable.{' '}
        <button type="button" className="button button--link" onClick={() => void coverage.refetch()}>
          Retry
        </button>
      </p>
    );
  if (coverage.data.length === 0) return <p className="transfer-coverage__note">The bot has no transfer that a dialog starter reaches.</p>;
  return (
    <>
      {addingRule ? <AddFailureRule botId={botId} interaction={addingRule} onClose={() => setAddingRule(null)} /> : null}
      <table className="transfer-coverage">
        <caption>Transfer coverage</caption>
        <thead>
          <tr>
            <th scope="col">Transfer</th>
            <th scope="col">Outcome</th>
            <th scope="col">The customer sees</th>
          </tr>
        </thead>
        <tbody>
          {coverage.data.map((item) => (
            <tr
              key={`${item.path.interactionId}-${item.outcome}`}
              className={`transfer-coverage__row transfer-coverage__row--${item.handled ? 'handled' : 'unhandled'}`}
              aria-label={`${item.path.dialogName} › ${item.path.interactionName}, ${TRANSFER_OUTCOME_LABELS[item.outcome]}: ${item.handled ? 'handled' : 'not handled'}`}
            >
              <td>
                <Link to={paths.dialogs(botId, item.path.interactionId)}>
                  {item.path.dialogName} › {item.path.interactionName}
                </Link>
              </td>
              <td>
                {TRANSFER_OUTCOME_LABELS[item.outcome]}
                <span className="transfer-coverage__verdict">{item.handled ? 'Handled' : 'Not handled'}</span>
              </td>
              <td>
                {item.customerSees.length > 0 ? item.customerSees.join(' / ') : 'Nothing'}
                {item.problem ? <span className="transfer-coverage__problem">{item.problem}</span> : null}
                {canWrite && item.fix === 'add-failure-dialog' && !item.handled ? (
                  <button type="button" className="button button--link" onClick={onAddFailureDialog}>
                    Add a failure dialog
                  </button>
                ) : null}
                {canWrite && item.fix === 'add-failure-rule' && !item.handled ? (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => setAddingRule({ id: item.path.interactionId, name: item.path.interactionName })}
                  >
                    Add a failure rule
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
