import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../../cb-export/testing/own-exports';

type Json = Record<string, unknown>;

/**
 * The support-desk export with `copies` more dialogs like its welcome dialog (a starter whose patterns
 * need matching, then a text showing an integration's field): a bot as big as a test needs, as CB writes it.
 */
export function bigBotExport(copies: number): string {
  const file = JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as Json & { groups: Json[]; conversationMessage: Json[] };
  const [welcome] = file.groups;
  const [starter, text] = file.conversationMessage;
  for (let copy = 0; copy < copies; copy += 1) {
    const dialogId = `copy-dialog-${copy}`;
    const starterId = `copy-starter-${copy}`;
    const textId = `copy-text-${copy}`;
    file.groups.push({ ...welcome, id: dialogId, name: `Dialog ${copy}` });
    file.conversationMessage.push(
      {
        ...starter,
        id: starterId,
        name: `starter ${copy}`,
        group: dialogId,
        nextMessageId: textId,
        pattern: [`*topic ${copy}*`, '(a|b)*'],
      },
      { ...text, id: textId, name: `text ${copy}`, group: dialogId, prevMessageId: starterId },
    );
  }
  return JSON.stringify(file);
}
