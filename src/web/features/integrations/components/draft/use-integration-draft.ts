import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IntegrationValues } from '../../../../../domain/integration';
import { draftStore, type Draft } from '../../../../lib/draft-store';
import { registerDraftFlusher } from '../../../../lib/draft-flush';
import type { FormValues } from '../form/form-values';
import { differingFieldLabels } from './draft-fields';

/** Long enough not to write on every key stroke, short enough that a crash a moment later loses nothing. */
const DRAFT_WRITE_DELAY_MS = 300;

export interface DraftOffer {
  savedAt: number;
  /** Labels of the fields the draft changes. */
  fields: string[];
  /** The draft started from a version that is no longer the stored one: Save goes through the conflict flow. */
  stale: boolean;
}

interface DraftOptions {
  botId: string;
  /** null: the Add Integration form. */
  integrationId: string | null;
  form: UseFormReturn<FormValues, unknown, IntegrationValues>;
  /** The stored version the form's edits start from. */
  baseVersion: number;
  setBaseVersion: (version: number) => void;
  /** Monaco is uncontrolled: a restored script needs a fresh editor. */
  remountEditor: () => void;
}

/**
 * Keeps the form's unsaved edits in the browser as the user types, and offers them back when the
 * same form opens again (after a reload, a crash, a failed chunk, a redeploy).
 */
export function useIntegrationDraft({ botId, integrationId, form, baseVersion, setBaseVersion, remountEditor }: DraftOptions) {
  const formId = integrationId ?? 'new';
  const [offered, setOffered] = useState<Draft<FormValues> | null>(null);
  const [kept, setKept] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ baseVersion, offered });
  // The values a save just stored: until the form has taken in the stored version (a re-render away),
  // isDirty still says true, and a write then would bring back the draft the save removed.
  const justSaved = useRef<string | null>(null);
  useEffect(() => {
    latest.current = { baseVersion, offered };
  });
  // Whether the form is dirty, followed without rendering the form: reading form.formState.isDirty, even in a
  // callback, would make every change of it render the whole form (react-hook-form's root subscription).
  const dirty = useRef(false);
  useLayoutEffect(
    () =>
      form.subscribe({
        formState: { isDirty: true },
        callback: ({ isDirty }) => {
          dirty.current = Boolean(isDirty);
        },
      }),
    [form],
  );

  const write = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // Until the user has answered the offer, the draft on offer must not be replaced or removed.
    if (latest.current.offered) return;
    const values = JSON.stringify(form.getValues());
    if (values !== justSaved.current) justSaved.current = null;
    try {
      if (dirty.current && justSaved.current === null) {
        const draft = {
          key: { botId, integrationId: formId, baseVersion: latest.current.baseVersion },
          values: form.getValues(),
          savedAt: Date.now(),
        };
        await draftStore().put(draft);
        setKept(true);
      } else {
        await draftStore().removeAll(botId, formId);
        setKept(false);
      }
    } catch {
      // No IndexedDB (a private window, a full disk): the form works as before, without drafts.
      setKept(false);
    }
  }, [botId, formId, form]);

  useEffect(() => {
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), DRAFT_WRITE_DELAY_MS);
    });
    const flush = () => (timer.current === undefined ? Promise.resolve() : write());
    const unregister = registerDraftFlusher(flush);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      subscription.unsubscribe();
      unregister();
      window.removeEventListener('pagehide', onHide);
      // Leaving the form (to another integration) keeps what was typed in the last moment too.
      void flush();
    };
  }, [form, write]);

  useEffect(() => {
    let cancelled = false;
    draftStore()
      .latest(botId, formId)
      .then((draft) => {
        if (cancelled || !draft) return;
        const values = draft.values as FormValues;
        const stored = form.formState.defaultValues ?? {};
        if (differingFieldLabels(values, stored).length === 0 && draft.key.baseVersion === latest.current.baseVersion) {
          void draftStore().removeAll(botId, formId);
          return;
        }
        setOffered({ ...draft, values });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [botId, formId, form]);

  const offer: DraftOffer | null = offered
    ? {
        savedAt: offered.savedAt,
        fields: differingFieldLabels(offered.values, form.formState.defaultValues ?? {}),
        stale: offered.key.baseVersion !== baseVersion,
      }
    : null;

  return {
    offer,
    /** A draft of the current edits is stored in this browser. */
    kept,
    restore() {
      if (!offered) return;
      if ((offered.values.transformScript ?? '') !== (form.getValues('transformScript') ?? '')) remountEditor();
      // The stored values stay the defaults, so the restored edits show as unsaved changes.
      // keepFieldsRef: the fields do not render again for a reset (see FormMethodsProvider); RHF writes the values into them.
      form.reset(offered.values, { keepDefaultValues: true, keepFieldsRef: true });
      // A draft of an older version keeps that version as its base: Save then meets the 412 conflict flow.
      setBaseVersion(offered.key.baseVersion);
      setOffered(null);
      setKept(true);
    },
    discard() {
      setOffered(null);
      latest.current.offered = null;
      void draftStore()
        .removeAll(botId, formId)
        .then(() => (dirty.current ? write() : setKept(false)));
    },
    /** After a save: the stored integration has every edit. */
    clear() {
      justSaved.current = JSON.stringify(form.getValues());
      clearTimeout(timer.current);
      timer.current = undefined;
      setKept(false);
      void draftStore()
        .removeAll(botId, formId)
        .catch(() => undefined);
    },
  };
}
