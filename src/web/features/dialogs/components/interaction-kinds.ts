import type { Check, DialogView, InteractionView } from '../../../../domain/dialogs';

const KIND_LABELS: Record<string, string> = {
  DIALOG_STARTER: 'Dialog starter',
  TEXT: 'Text',
  API_INTEGRATION: 'Integration',
  ESCALATION: 'Agent Transfer',
  BUTTON_QUESTION: 'Button question',
  MULTIPLE_CHOICE_QUESTION: 'Multiple choice question',
  QUICK_REPLY: 'Quick reply',
  TEXT_QUESTION: 'Text question',
  STRUCTURED: 'Structured',
  IMAGE: 'Image',
  AUDIO: 'Audio',
  VIDEO: 'Video',
};

/** CB's interactionType as the user knows it from the dialog editor. */
export function kindLabel(kind: string): string {
  return (
    KIND_LABELS[kind] ??
    kind
      .toLowerCase()
      .replaceAll('_', ' ')
      .replace(/^./, (first) => first.toUpperCase())
  );
}

const DIALOG_TYPE_LABELS: Record<string, string> = {
  DIALOG: 'Dialog',
  FALLBACK_DIALOG: 'Fallback dialog',
  DISAMBIGUATION_DIALOG: 'Disambiguation dialog',
};

export const dialogTypeLabel = (type: string) => DIALOG_TYPE_LABELS[type] ?? kindLabel(type);

/** The id the screen gives a dialog's own node: interactions keep theirs, dialogs are told apart by the prefix. */
export const dialogNodeId = (dialogId: string) => `dialog:${dialogId}`;

/** Checks that do not pass, by the node they concern (an interaction, else its dialog); bot-wide ones are left to the header. */
export function checksByNode(checks: readonly Check[]): Map<string, Check[]> {
  const marks = new Map<string, Check[]>();
  for (const check of checks) {
    if (check.status === 'pass') continue;
    const key = check.interactionId ?? (check.dialogId ? dialogNodeId(check.dialogId) : null);
    if (!key) continue;
    marks.set(key, [...(marks.get(key) ?? []), check]);
  }
  return marks;
}

/** Where an interaction goes, in words, for the list. */
export function describeNext(interaction: InteractionView, dialogs: readonly DialogView[]): string[] {
  const nameOf = (id: string | undefined) => {
    for (const dialog of dialogs) {
      if (dialog.id === id) return `dialog "${dialog.name}"`;
      const found = dialog.interactions.find((item) => item.id === id);
      if (found) return found.name;
    }
    return id ?? 'an unknown interaction';
  };
  return interaction.transitions.map((transition) => {
    const target = transition.to === 'end' ? 'end of dialog' : nameOf(transition.id);
    return transition.rule ? `${transition.rule}: ${target}` : target;
  });
}
