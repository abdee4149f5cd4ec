import { useEffect } from 'react';
import type { Check, DialogView } from '../../../../domain/dialogs';
import { InvokedIntegration } from './invoked-integration';
import { TransferSummary } from './transfer-summary';
import { checksByNode, describeNext, dialogNodeId, dialogTypeLabel, kindLabel } from './interaction-kinds';

interface DialogListProps {
  botId: string;
  dialogs: DialogView[];
  checks: Check[];
  focus: string | null;
}

/** The id of an item of the list, for ?node= and the browser's own #fragment scrolling. */
const listItemId = (nodeId: string) => `node-${nodeId}`;

function CheckNotes({ marks }: { marks: Check[] | undefined }) {
  if (!marks?.length) return null;
  return (
    <ul className="dialog-list__marks">
      {marks.map((mark, index) => (
        <li key={index} className={`flow-node__mark flow-node__mark--${mark.status}`}>
          {mark.status === 'fail' ? 'Fails' : 'Warning'}: {mark.title}. {mark.detail}
        </li>
      ))}
    </ul>
  );
}

/** The same content as the flow, as nested lists and headings: what keyboard and screen-reader users read. */
export function DialogList({ botId, dialogs, checks, focus }: DialogListProps) {
  const marks = checksByNode(checks);
  useEffect(() => {
    if (!focus) return;
    const element = document.getElementById(listItemId(focus));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <div className="dialog-list" data-testid="dialog-list">
      {dialogs.map((dialog) => (
        <section
          key={dialog.id}
          id={listItemId(dialog.id)}
          tabIndex={-1}
          className={`dialog-list__dialog${focus === dialog.id ? ' dialog-list__item--focused' : ''}`}
          aria-labelledby={`${listItemId(dialog.id)}-title`}
        >
          <h2 id={`${listItemId(dialog.id)}-title`} className="dialog-list__title">
            {dialog.name} <span className="flow-dialog__type">{dialogTypeLabel(dialog.type)}</span>
            {dialog.status === 'DISABLED' ? <span className="flow-dialog__type"> · disabled</span> : null}
          </h2>
          <CheckNotes marks={marks.get(dialogNodeId(dialog.id))} />
          {dialog.interactions.length === 0 ? <p>No interactions.</p> : null}
          <ol className="dialog-list__interactions">
            {dialog.interactions.map((interaction) => {
              const next = describeNext(interaction, dialogs);
              return (
                <li
                  key={interaction.id}
                  id={listItemId(interaction.id)}
                  tabIndex={-1}
                  className={`dialog-list__interaction${focus === interaction.id ? ' dialog-list__item--focused' : ''}`}
                  aria-current={focus === interaction.id ? 'location' : undefined}
                >
                  <p>
                    <strong>{interaction.name}</strong> <span className="flow-node__kind">{kindLabel(interaction.kind)}</span>
                  </p>
                  {interaction.patterns?.length ? (
                    <p>
                      Patterns:{' '}
                      {interaction.patterns.map((pattern, index) => (
                        <span key={index}>
                          {index > 0 ? ', ' : null}
                          <code>{pattern}</code>
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {interaction.texts.map((text, index) => (
                    <p key={index} className="flow-node__text">
                      {text}
                    </p>
                  ))}
                  <InvokedIntegration interaction={interaction} botId={botId} />
                  <TransferSummary interaction={interaction} />
                  {next.length > 0 ? <p>Then: {next.join('; ')}</p> : null}
                  <CheckNotes marks={marks.get(interaction.id)} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
