import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Check, DialogView, InteractionView } from '../../../../domain/dialogs';
import { PATTERNS_SHOWN } from './flow-layout';
import { dialogTypeLabel, kindLabel } from './interaction-kinds';
import { InvokedIntegration } from './invoked-integration';
import { TransferSummary } from './transfer-summary';

export type InteractionNodeData = { interaction: InteractionView; botId: string; marks: Check[] };
export type DialogNodeData = { dialog: DialogView; marks: Check[] };
export type InteractionFlowNode = Node<InteractionNodeData, 'interaction'>;
export type DialogFlowNode = Node<DialogNodeData, 'dialog'>;

const markClass = (marks: Check[]) =>
  marks.some((mark) => mark.status === 'fail') ? ' flow-node--fail' : marks.length > 0 ? ' flow-node--warn' : '';

function Marks({ marks }: { marks: Check[] }) {
  if (marks.length === 0) return null;
  return (
    <ul className="flow-node__marks">
      {marks.map((mark, index) => (
        <li key={index} className={`flow-node__mark flow-node__mark--${mark.status}`} title={mark.detail}>
          {mark.status === 'fail' ? 'Fails' : 'Warning'}: {mark.title}
        </li>
      ))}
    </ul>
  );
}

function InteractionNode({ data }: NodeProps<InteractionFlowNode>) {
  const { interaction, botId, marks } = data;
  const patterns = interaction.patterns ?? [];
  const kind = interaction.kind === 'ESCALATION' ? 'escalation' : interaction.kind === 'API_INTEGRATION' ? 'integration' : 'plain';
  return (
    <div className={`flow-node flow-node--${kind}${markClass(marks)}`} data-testid={`flow-node-${interaction.id}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <p className="flow-node__kind">{kindLabel(interaction.kind)}</p>
      <p className="flow-node__name">{interaction.name}</p>
      {patterns.length > 0 ? (
        <ul className="flow-node__patterns" aria-label="Patterns">
          {patterns.slice(0, PATTERNS_SHOWN).map((pattern, index) => (
            <li key={index}>
              <code>{pattern}</code>
            </li>
          ))}
          {patterns.length > PATTERNS_SHOWN ? <li>+{patterns.length - PATTERNS_SHOWN} more</li> : null}
        </ul>
      ) : null}
      {interaction.texts[0] ? <p className="flow-node__text">{interaction.texts[0]}</p> : null}
      <InvokedIntegration interaction={interaction} botId={botId} />
      <TransferSummary interaction={interaction} />
      <Marks marks={marks} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function DialogNode({ data }: NodeProps<DialogFlowNode>) {
  const { dialog, marks } = data;
  return (
    <div className={`flow-dialog${markClass(marks)}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <p className="flow-dialog__title">
        <span className="flow-dialog__name">{dialog.name}</span> <span className="flow-dialog__type">{dialogTypeLabel(dialog.type)}</span>
        {dialog.status === 'DISABLED' ? <span className="flow-dialog__type"> · disabled</span> : null}
      </p>
      <Marks marks={marks} />
    </div>
  );
}

export const nodeTypes = { interaction: InteractionNode, dialog: DialogNode };
