import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useNavigate } from '../../../../lib/history-router';
import { afterToastsShown, notify } from '../../../../lib/notify';
import type { Integration, IntegrationValues } from '../../../../../domain/integration';
import { SKIP_UNSAVED_GUARD } from '../../../../components/unsaved-changes-guard';
import { errorMessage, isApiError } from '../../../../lib/api-client';
import { useCreateIntegration } from '../../api/create-integration';
import { integrationQueryOptions } from '../../api/get-integration';
import { useUpdateIntegration } from '../../api/update-integration';
import { upsertInListCache } from '../../api/update-integrations-cache';
import { valuesFromIntegration, type FormValues } from './form-values';
import { describeFailure, failureKind, type Failure } from '../../../../lib/failure';
import { applyServerErrors } from '../../../../components/form/server-errors';
import { useRenameFlow } from './use-rename-flow';
import { paths } from '../../../../../domain/screen-routes';
import { rememberFocusForNewForm } from './use-form-focus';
import { apiRequest } from '../../../../lib/api-client';
import { integrationPath } from '../../api/integration-path';
import type { Revision } from '../../../../../domain/revision';
import { mergeIntegration, resolveConflicts, type ConflictChoice, type MergeResult } from '../../../../../domain/three-way-merge';

/** A save refused as stale whose merge needs the user: the fields both sides changed differently. */
interface Conflict {
  pending: boolean;
  error: string | null;
  result: MergeResult<IntegrationValues>;
  theirVersion: number;
}

/** A failed save, shown next to the Save button. */
export interface SaveFailure extends Failure {
  /** Errors the server named for fields this form does not show. */
  items: string[];
}

interface SaveOptions {
  botId: string;
  integration: Integration | null;
  form: UseFormReturn<FormValues, unknown, IntegrationValues>;
  /** Replaces the form's values (and the editor's content) with a stored version. */
  resetTo: (values: FormValues) => void;
  /** The stored version the edits start from (the form owns it: a restored draft sets it too). */
  baseVersion: number;
  setBaseVersion: (version: number) => void;
  /** The server has the submitted values (created or replaced). */
  onStored?: () => void;
}

/** Create or replace; a 412 merges with what was saved elsewhere, and asks only about fields both sides changed. */
export function useIntegrationSave({ botId, integration, form, resetTo, baseVersion, setBaseVersion, onStored }: SaveOptions) {
  const client = useQueryClient();
  const navigate = useNavigate();
  // "Saved" is said the moment the server has the new version, and drawn before the caches and this
  // form take it in: those updates re-render the form, the list and the header, and would hold it up.
  const saved = {
    onStored: () => {
      notify('success', 'Saved');
      return afterToastsShown();
    },
  };
  const create = useCreateIntegration(botId, saved);
  const update = useUpdateIntegration(botId, saved);
  const [problem, setProblem] = useState<SaveFailure | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const lastSubmitted = useRef<IntegrationValues | null>(null);

  const loaded = (stored: Integration) => {
    resetTo(valuesFromIntegration(stored));
    setBaseVersion(stored.version);
  };
  // A PUT refused because dialogs use the old name goes through the rename (with its preview) instead.
  const rename = useRenameFlow({
    botId,
    integration,
    onRenamed: (renamed) => {
      onStored?.();
      notify('success', 'Saved');
      startTransition(() => loaded(renamed));
    },
  });

  async function save(values: IntegrationValues, version = baseVersion): Promise<void> {
    setProblem(null);
    lastSubmitted.current = values;
    try {
      if (!integration) {
        const created = await create.mutateAsync(values);
        onStored?.();
        rememberFocusForNewForm();
        resetTo(valuesFromIntegration(created));
        void navigate(paths.integration(botId, created.id), { replace: true, state: SKIP_UNSAVED_GUARD });
        return;
      }
      const updated = await update.send({ id: integration.id, version, input: values });
      onStored?.();
      // "Saved" has been drawn by now (the mutation waited for it); this re-render of the whole form
      // is still not urgent: a keystroke goes ahead of it.
      startTransition(() => {
        loaded(updated);
        setConflict(null);
      });
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        await mergeWithLatest(values, version);
        return;
      }
      setConflict(null);
      if (await rename.offer(error, values, version)) return;
      setProblem(saveFailureOf(form, error));
    }
  }

  async function fetchLatest(): Promise<Integration> {
    if (!integration) throw new Error('Only a stored integration can be reloaded.');
    const latest = await client.fetchQuery({ ...integrationQueryOptions(botId, integration.id), staleTime: 0 });
    upsertInListCache(client, botId, latest);
    return latest;
  }

  /**
   * Someone saved since `version`: merge from that version (the base), the latest and these edits. What
   * merges by itself is saved on top of the latest at once; fields both changed differently are asked about.
   */
  async function mergeWithLatest(values: IntegrationValues, version: number): Promise<void> {
    if (!integration) return;
    try {
      const [base, latest] = await Promise.all([
        apiRequest<Revision>(`${integrationPath(botId, integration.id)}/revisions/${version}`).then((answer) => answer.data.integration),
        fetchLatest(),
      ]);
      const result = mergeIntegration(base, values as Record<string, unknown>, latest) as MergeResult<IntegrationValues>;
      if (!result.conflicts.length) {
        notify('info', `Merged with version ${latest.version} saved elsewhere`);
        return await save(result.merged, latest.version);
      }
      setConflict({ pending: false, error: null, result, theirVersion: latest.version });
    } catch (error) {
      setConflict(null);
      setProblem(saveFailureOf(form, error));
    }
  }

  async function saveMerged(choices: Record<string, ConflictChoice>): Promise<void> {
    if (!conflict) return;
    setConflict({ ...conflict, pending: true, error: null });
    try {
      await save(resolveConflicts(conflict.result, choices), conflict.theirVersion);
    } catch (error) {
      setConflict({ ...conflict, pending: false, error: errorMessage(error) });
    }
  }

  async function reload(): Promise<void> {
    if (conflict) setConflict({ ...conflict, pending: true, error: null });
    try {
      loaded(await fetchLatest());
      setConflict(null);
      setProblem(null);
      notify('info', 'Loaded the latest version');
    } catch (error) {
      setConflict((current) => current && { ...current, pending: false, error: errorMessage(error) });
    }
  }

  return {
    save,
    /** The save stopped before its request (the form's checks could not load): said as any failed save. */
    failBeforeRequest: (error: unknown) => setProblem(saveFailureOf(form, error)),
    /** Sends the values of the failed save again (the form may have changed since: those are not sent). */
    retry: () => (lastSubmitted.current ? save(lastSubmitted.current) : Promise.resolve()),
    saving: create.isPending || update.isPending || rename.renaming,
    renameDialog: rename.dialog,
    problem,
    conflict,
    reload,
    saveMerged,
    closeConflict: () => setConflict(null),
    /** Shows a stored version (a restore made elsewhere): new values, new base version, no stale problem. */
    load: (stored: Integration) => {
      loaded(stored);
      setProblem(null);
    },
  };
}

/** null: every error is on a field of the form, which has the focus and says what to fix. */
function saveFailureOf(form: SaveOptions['form'], error: unknown): SaveFailure | null {
  const failure = describeFailure(error, 'save');
  if (failureKind(error) !== 'request') {
    notify('error', failure.title);
    return { ...failure, items: [] };
  }
  const unplaced = applyServerErrors(form, error);
  notify('error', unplaced ? failure.title : 'Could not save: check the fields marked in the form');
  if (!unplaced) return null;
  return { ...failure, detail: unplaced.detail, items: unplaced.items };
}
