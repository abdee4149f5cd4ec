import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../../lib/history-router';
import { TRANSFER_OUTCOME_LABELS, TRANSFER_OUTCOMES, type Rehearsal, type TransferOutcome } from '../../../../domain/rehearsal';
import { paths } from '../../../../domain/screen-routes';
import { errorMessage } from '../../../lib/api-client';
import { useRehearse } from '../api/rehearse';
import './rehearse-panel.css';

interface RehearsePanelProps {
  botId: string;
  /** The interactions the rehearsal passed, for the flow to light up. */
  onSteps: (interactionIds: string[]) => void;
}

const SPEAKER: Record<Rehearsal['transcript'][number]['from'], string> = { user: 'Customer', bot: 'Bot', platform: 'Platform' };

/**
 * Plays the bot's dialogs as a chat: the customer's messages are replayed from the first one on every
 * send (the server keeps no conversation), with the transfer outcome picked here, so changing the
 * outcome shows the same conversation down another branch.
 */
export function RehearsePanel({ botId, onSteps }: RehearsePanelProps) {
  const [messages, setMessages] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [outcome, setOutcome] = useState<TransferOutcome>('accepted');
  const mutation = useRehearse(botId);
  const inputId = useId();
  const outcomeId = useId();
  const logRef = useRef<HTMLOListElement>(null);
  const result = mutation.data;

  const play = (next: string[], transferOutcome: TransferOutcome) => {
    setMessages(next);
    if (next.length === 0) {
      mutation.reset();
      onSteps([]);
      return;
    }
    mutation.mutate(
      { messages: next, transferOutcome },
      { onSuccess: (answer) => onSteps(answer.steps.map((step) => step.interactionId)) },
    );
  };
  const send = (text: string) => {
    const message = text.trim();
    if (message === '') return;
    setDraft('');
    play([...messages, message], outcome);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(draft);
  };

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [result]);

  const last = result?.transcript.at(-1);
  const quickReplies = last?.from === 'bot' ? (last.quickReplies ?? []) : [];
  return (
    <section className="rehearse" aria-labelledby={`${inputId}-title`}>
      <div className="rehearse__head">
        <h2 className="rehearse__title" id={`${inputId}-title`}>
          Rehearse
        </h2>
        <label className="rehearse__outcome" htmlFor={outcomeId}>
          Transfer outcome
          <select
            id={outcomeId}
            className="select rehearse__outcome-select"
            value={outcome}
            onChange={(event) => {
              const next = event.target.value as TransferOutcome;
              setOutcome(next);
              if (messages.length > 0) play(messages, next);
            }}
          >
            {TRANSFER_OUTCOMES.map((item) => (
              <option key={item} value={item}>
                {TRANSFER_OUTCOME_LABELS[item]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => play(messages, outcome)}
          disabled={messages.length === 0 || mutation.isPending}
        >
          Replay
        </button>
        <button type="button" className="button" onClick={() => play([], outcome)} disabled={messages.length === 0}>
          Start over
        </button>
      </div>
      <div className="rehearse__body">
        <div className="rehearse__chat">
          {messages.length === 0 ? (
            <p className="rehearse__empty">
              Type what a customer would say, such as “hi” or “talk to an agent”. Integrations answer with their samples.
            </p>
          ) : null}
          <ol className="rehearse__transcript" aria-label="Transcript" aria-live="polite" ref={logRef} tabIndex={0}>
            {(result?.transcript ?? []).map((entry, index) => (
              <li key={index} className={`rehearse__entry rehearse__entry--${entry.from}`}>
                <span className="rehearse__speaker">
                  {SPEAKER[entry.from]}
                  {entry.dialogName ? ` · ${entry.dialogName}` : ''}
                  {entry.delayMs ? ` · after ${entry.delayMs} ms` : ''}
                </span>
                {entry.text ? <span className="rehearse__text">{entry.text}</span> : null}
              </li>
            ))}
          </ol>
          {mutation.isPending ? <p className="rehearse__status">Rehearsing…</p> : null}
          {mutation.isError ? (
            <p className="rehearse__error" role="alert">
              Could not rehearse: {errorMessage(mutation.error)}{' '}
              <button type="button" className="button button--link" onClick={() => play(messages, outcome)}>
                Retry
              </button>
            </p>
          ) : null}
          {quickReplies.length > 0 ? (
            <div className="rehearse__quick-replies" role="group" aria-label="Quick replies">
              {quickReplies.map((reply) => (
                <button key={reply} type="button" className="button" onClick={() => send(reply)} disabled={mutation.isPending}>
                  {reply}
                </button>
              ))}
            </div>
          ) : null}
          <form className="rehearse__form" onSubmit={submit}>
            <label htmlFor={inputId}>Customer message</label>
            <div className="rehearse__input-row">
              <input id={inputId} value={draft} maxLength={2000} onChange={(event) => setDraft(event.target.value)} autoComplete="off" />
              <button type="submit" className="button button--primary" disabled={mutation.isPending || draft.trim() === ''}>
                Send
              </button>
            </div>
          </form>
          {result && result.warnings.length > 0 ? (
            <ul className="rehearse__warnings" aria-label="Rehearsal warnings">
              {result.warnings.map((warning, index) => (
                <li key={index}>{warning.detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <ol className="rehearse__steps" aria-label="Steps" tabIndex={0}>
          {(result?.steps ?? []).map((step, index) => (
            <li key={index}>
              <Link to={paths.dialogs(botId, step.interactionId)}>
                {step.dialogName} › {step.interactionName}
              </Link>{' '}
              <span className="rehearse__step-detail">
                {step.kind === 'CODE' ? step.matched : step.kind.toLowerCase().replace(/_/g, ' ')}
                {step.kind !== 'CODE' && step.matched ? ` · matched ${step.matched}` : ''}
                {step.integration ? ` · ${step.integration}` : ''}
                {step.rule ? ` · rule ${step.rule}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
