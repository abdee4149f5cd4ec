import { useEffect, useRef, useState } from 'react';
import { authorName, listenToBot, othersIn, sendPresence, type PresentTab } from '../../../../lib/bot-events';
import { INTEGRATION_FIELD_LABELS } from '../../../../../domain/field-labels';
import { isOwnWrite } from '../../../../lib/own-writes';

/** A tab says where it is this often; the server forgets a tab silent for 25 s. */
const HEARTBEAT_MS = 10_000;

interface SavedElsewhere {
  version: number;
  text: string;
}

const sameTabs = (a: readonly PresentTab[], b: readonly PresentTab[]) =>
  a.length === b.length &&
  a.every(
    (tab, index) =>
      tab.tab === b[index]!.tab &&
      tab.integrationId === b[index]!.integrationId &&
      tab.field === b[index]!.field &&
      tab.author?.id === b[index]!.author?.id &&
      tab.author?.name === b[index]!.author?.name,
  );

const labelOf = (field: string) => INTEGRATION_FIELD_LABELS[field] ?? field;

/** The form field a focused control belongs to: its `name` up to the first dot (`customDataFields.2.key` → customDataFields). */
const fieldOf = (target: EventTarget | null) => {
  const name =
    target instanceof HTMLElement ? (target.getAttribute('name') ?? target.closest('[data-field]')?.getAttribute('data-field')) : null;
  return name ? name.split('.')[0] : undefined;
};

/**
 * Live company in the form: this tab's presence (which integration, which field) every 10 s and at each
 * focus change; who else is on this integration and where; and a save made elsewhere, said at once.
 */
export function useLiveForm(botId: string, integrationId: string | null, formElement: () => HTMLElement | null) {
  const [others, setOthers] = useState<PresentTab[]>([]);
  const [saved, setSaved] = useState<SavedElsewhere | null>(null);
  const field = useRef<string | undefined>(undefined);

  useEffect(() => {
    const where = () => ({ ...(integrationId ? { integrationId, ...(field.current ? { field: field.current } : {}) } : {}) });
    sendPresence(botId, where());
    const beat = setInterval(() => sendPresence(botId, where()), HEARTBEAT_MS);
    const element = formElement();
    const moved = (event: FocusEvent) => {
      const next = event.type === 'focusout' ? fieldOf(event.relatedTarget) : fieldOf(event.target);
      if (next === field.current) return;
      field.current = next;
      sendPresence(botId, where());
    };
    element?.addEventListener('focusin', moved);
    element?.addEventListener('focusout', moved);
    const stop = listenToBot(botId, async (event) => {
      if (event.type === 'presence') {
        const next = othersIn(event.data).filter((tab) => integrationId !== null && tab.integrationId === integrationId);
        // Every tab's focus change is a presence event for all: one that changes nobody here renders nothing
        // (this tab's own, at each click on Save, re-rendered the whole form as it drew "Saved").
        setOthers((current) => (sameTabs(current, next) ? current : next));
      }
      const about = event.data.integrationId === integrationId && integrationId !== null;
      if (about && ['integration.saved', 'integration.renamed', 'integration.restored'].includes(event.type)) {
        const fields = ((event.data.fields as string[] | undefined) ?? []).map(labelOf);
        const who = authorName(event.data.author as { name: string } | null);
        const version = Number(event.data.version);
        // This tab's own save is not news to it (and would re-render the whole form as "Saved" is drawn).
        if (await isOwnWrite(integrationId, version)) return;
        setSaved({ version, text: `${who} saved version ${version}${fields.length ? `: ${fields.join(', ')}` : ''}` });
      }
    });
    return () => {
      clearInterval(beat);
      element?.removeEventListener('focusin', moved);
      element?.removeEventListener('focusout', moved);
      stop();
      sendPresence(botId, { integrationId: integrationId ?? undefined, leave: true });
    };
  }, [botId, integrationId, formElement]);

  // The field someone else is in is marked where it is drawn.
  useEffect(() => {
    const element = formElement();
    if (!element) return;
    const marked = others.flatMap((tab) => (tab.field ? [...element.querySelectorAll(`[name^="${CSS.escape(tab.field)}"]`)] : []));
    const boxes = marked.map((control) => control.closest('.field') ?? control).filter((box, index, all) => all.indexOf(box) === index);
    boxes.forEach((box) => box.classList.add('field--someone-here'));
    return () => boxes.forEach((box) => box.classList.remove('field--someone-here'));
  }, [others, formElement]);

  const present = others.map((tab) => `${authorName(tab.author)}${tab.field ? ` (in ${labelOf(tab.field)})` : ''}`);
  return { saved, present };
}
