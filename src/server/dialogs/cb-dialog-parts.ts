/**
 * Parts of a Conversation Builder interaction as CB writes them in an export: what the demo bot's dialogs and
 * the rehearsal's fixture bots are built from.
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
