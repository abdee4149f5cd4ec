import type { AgentTransferInput } from '../../domain/dialogs';

/*
 * An Agent Transfer interaction rewritten in the platform's own shape (as the get-bot-patterns export keeps it):
 * the message is the tile's `text`, the transfer its `escalation` { agentSkillId, agentId?, tangoContextEnabled },
 * the delay `interactionDelay` as text. Every other key stays where it was, so the export differs only in what changed.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of the interaction with the fields given changed; what was left out stays as it is. */
export function editedAgentTransfer(raw: Json, input: AgentTransferInput): Json {
  const content = isObject(raw.content) ? raw.content : {};
  const results = isObject(content.results) ? content.results : { type: 'ESCALATION' };
  const tile = isObject(results.tile) ? results.tile : {};
  const tiles = Array.isArray(tile.tileData) ? tile.tileData : [];
  // The transfer is the first tile with an escalation, else the first tile (an interaction made without one).
  let at = tiles.findIndex((item) => isObject(item) && isObject(item.escalation));
  if (at < 0) at = 0;
  const first: Json = isObject(tiles[at]) ? { ...(tiles[at] as Json) } : { buttons: [], quickReplyList: [] };
  if (input.messageToUser !== undefined) first.text = input.messageToUser;
  const escalation: Json = isObject(first.escalation) ? { ...first.escalation } : { agentSkillId: '', tangoContextEnabled: false };
  if (input.agentSkillId !== undefined) escalation.agentSkillId = input.agentSkillId;
  if (input.agentId !== undefined) {
    if (input.agentId === '') delete escalation.agentId;
    else escalation.agentId = input.agentId;
  }
  if (input.transferBotContext !== undefined) escalation.tangoContextEnabled = input.transferBotContext;
  first.escalation = escalation;
  const tileData = tiles.length === 0 ? [first] : tiles.map((item, index) => (index === at ? first : item));
  const edited: Json = { ...raw, content: { ...content, results: { ...results, tile: { ...tile, tileData } } } };
  if (input.interactionDelay !== undefined) {
    if (input.interactionDelay === 0) delete edited.interactionDelay;
    else edited.interactionDelay = String(input.interactionDelay);
  }
  return edited;
}

/** What the revision says changed, in the form's words. */
export function changedFields(input: AgentTransferInput): string[] {
  const labels: Record<keyof AgentTransferInput, string> = {
    messageToUser: 'Message to User',
    agentSkillId: 'Agent Skill Id',
    agentId: 'Agent Id',
    transferBotContext: 'Transfer Bot Context',
    interactionDelay: 'Interaction Delay',
  };
  return (Object.keys(labels) as Array<keyof AgentTransferInput>).filter((key) => input[key] !== undefined).map((key) => labels[key]);
}
