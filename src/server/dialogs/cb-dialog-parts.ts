import { createHash } from 'node:crypto';

/**
 * Parts of a Conversation Builder interaction as CB writes them in an export: what the demo bot's dialogs,
 * the sample dialogs and the rehearsal's fixture bots are built from.
 */
type Json = Record<string, unknown>;

/** A message's tile: its text when it has one, no buttons or quick replies unless given. */
export const tile = (text?: string, extra: Json = {}) => ({
  tileData: [{ ...(text === undefined ? {} : { text }), buttons: [], quickReplyList: [], ...extra }],
});

/** A response rule: when `conditions` hold, go to `value` (an interaction id, `next`, or a dialog with action `DIALOG`). */
export const rule = (value: string, conditions: Json[] = [], name?: string, action = 'INTERACTION') => ({
  ...(name ? { name } : {}),
  conditions,
  contextConditions: [],
  action: { name: action, value },
  contextDataVariables: [],
});

/** The condition of an integration interaction's success or failure rule. */
export const apiResult = (status: 'SUCCESS' | 'FAILURE') => ({ matchType: 'API_RESULT', apiResultsMatch: { status } });

/** A pattern condition (a dialog starter's or a question's). */
export const patterns = (...list: string[]) => ({ matchType: 'PATTERN', patternMatch: { patterns: list, excludeKeywords: [] } });

/** Ids as CB writes them (dialogs: UUIDs, interactions: 40 hex digits), the same for the same seed. */
const hex = (seed: string, length: number) => createHash('sha1').update(seed).digest('hex').slice(0, length);
const uuid = (seed: string) => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** An integration interaction's content: it invokes the integration by name (and by id when it has one). */
export const responder = (name: string, id?: string) => ({
  contentType: 'DYNAMIC',
  responderName: name,
  ...(id ? { responderId: id } : {}),
});

/**
 * Writes dialogs key for key as a CB export does (a `groups` entry each, their interactions in
 * `conversationMessage`), each interaction leading to the next unless it ends the dialog. Ids come from
 * the bot's chatBotId and each dialog's key, so the same dialogs written twice have the same ids.
 */
export function cbDialogWriter(chatBotId: string, time: string) {
  const groups: Json[] = [];
  const interactions: Json[] = [];

  function dialog(key: string, name: string, dialogType = 'DIALOG') {
    const groupId = uuid(`${chatBotId}/${key}`);
    groups.push({
      chatBotId,
      id: groupId,
      name,
      creationTime: time,
      modificationTime: time,
      dialogType,
      status: 'ENABLED',
      disambiguteOnlySelectedDomains: false,
    });
    const ids: string[] = [];
    const idOf = (index: number) => (ids[index] ??= hex(`${chatBotId}/${key}/${index}`, 40));
    let count = 0;
    /** Adds the next interaction of the dialog; `end` ends the dialog after it. */
    const add = (name: string, interactionType: string, content: Json, extra: Json = {}) => {
      const index = count++;
      const { responseMatches, end, ...rest } = extra;
      interactions.push({
        id: idOf(index),
        chatBotId,
        userInputRequired: false,
        name,
        type: 'BOT_MESSAGE',
        content,
        group: groupId,
        status: 'ACTIVE',
        required: true,
        ...(end ? {} : { nextMessageId: idOf(index + 1) }),
        ...(index > 0 ? { prevMessageId: idOf(index - 1) } : {}),
        ...rest,
        responseMatches: responseMatches ?? [rule(end ? 'none' : 'next')],
        interactionType,
      });
      return idOf(index);
    };
    const starter = (pattern: string[]) =>
      add('dialog_starter', 'DIALOG_STARTER', { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } }, { pattern });
    const text = (name: string, message: string, extra: Json = {}) =>
      add(name, 'TEXT', { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(message) } }, extra);
    /** An Agent Transfer to the skill, with its message, ending the dialog. */
    const transfer = (name: string, message: string, agentSkillId: string) =>
      add(
        name,
        'ESCALATION',
        {
          contentType: 'DYNAMIC',
          results: { type: 'ESCALATION', tile: tile(message, { escalation: { agentSkillId, tangoContextEnabled: false } }) },
        },
        { end: true },
      );
    return { groupId, idOf, add, starter, text, transfer };
  }

  return { dialog, written: () => ({ groups, interactions }) };
}
