import type { InteractionView } from '../../../../domain/dialogs';
import { BLANK_MESSAGE } from '../../../../domain/integration-types/agent-escalation';
import { useSearchParams } from '../../../lib/history-router';

/** The query parameter that opens an Agent Transfer's form: ?edit=<interaction id>, so Back closes it. */
export const EDIT_PARAM = 'edit';

export function useOpenTransfer() {
  const [, setParams] = useSearchParams();
  return (interactionId: string | null) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (interactionId) updated.set(EDIT_PARAM, interactionId);
      else updated.delete(EDIT_PARAM);
      return updated;
    });
}

/** An Agent Transfer's skill, agent and message, and the button that opens its form. */
export function TransferSummary({ interaction }: { interaction: InteractionView }) {
  const open = useOpenTransfer();
  if (interaction.kind !== 'ESCALATION') return null;
  const skill = interaction.agentSkillId ? `Skill ${interaction.agentSkillId}` : 'No skill';
  const agent = interaction.agentId ? `, agent ${interaction.agentId}` : '';
  return (
    <div className="flow-node__transfer">
      {interaction.messageToUser && interaction.messageToUser !== BLANK_MESSAGE ? (
        <p className="flow-node__text">{interaction.messageToUser}</p>
      ) : null}
      <p>
        {skill}
        {agent}
        {interaction.messageToUser === BLANK_MESSAGE ? ', no message (BLANK_MESSAGE)' : ''}
      </p>
      <button
        type="button"
        className="button button--small nodrag nopan"
        aria-label={`Edit Agent Transfer ${interaction.name}`}
        onClick={(event) => {
          // A click on the node opens the form too: once is enough.
          event.stopPropagation();
          open(interaction.id);
        }}
      >
        Edit
      </button>
    </div>
  );
}
