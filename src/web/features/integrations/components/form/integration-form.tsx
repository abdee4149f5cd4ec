import { memo, useCallback, useEffect, useRef, useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { whenScreenSettled } from '../../../../lib/screen-settled';
import { useForm, useFormState, useWatch, type Control } from 'react-hook-form';
import { FormMethodsProvider } from '../../../../components/form/form-methods-provider';
import type { Integration, IntegrationValues } from '../../../../../domain/integration';
import type { IntegrationType } from '../../../../../domain/integration-types';
import { UnsavedChangesGuard } from '../../../../components/unsaved-changes-guard';
import { CommonFields } from '../fields/common-fields';
import { CustomDataFields } from '../fields/custom-data-fields';
import { useFieldMeta, type FieldMeta } from '../fields/field-meta';
import { lazyIntegrationResolver, warmIntegrationResolver } from './lazy-integration-resolver';
import { FormWorkspace } from './form-workspace';
import {
  DeferredConflictDialog,
  DeferredDraftOffer,
  DeferredRenameDialog,
  DeferredTransferPreviewSection,
  DeferredUsagesSection,
  DeferredTestCasesSection,
} from './deferred-form-parts';
import { emptyValuesFor, NEW_INTEGRATION_TYPE, switchType, valuesFromIntegration, type FormValues } from './form-values';
import { TestPanelHost } from '../test-panel/test-panel-host';
import { TestPanelToggle } from '../test-panel/test-panel-toggle';
import { TransformScriptField } from '../script-editor/transform-script-field';
import { TypeFields } from '../fields/type-fields';
import { useIntegrationSave } from './use-integration-save';
import { useSaveShortcut } from './use-save-shortcut';
import { useIntegrationDraft } from '../draft/use-integration-draft';
import { SaveFailureMessage } from './save-failure-message';
import { useFocusAfterRowRemoval, useFocusCarriedOver, useFocusOnAdd, useStickyHeaderHeight } from './use-form-focus';
import { useLiveForm } from '../live/live-form';
import { useReadOnlyReason } from '../../../../lib/me';

interface IntegrationFormProps {
  botId: string;
  /** null: the Add Integration form. */
  integration: Integration | null;
  /** Buttons other features put in the header (History), given what they need of the form. */
  headerActions?: (form: FormHeaderState) => ReactNode;
}

interface FormHeaderState {
  isDirty: boolean;
  /** Replaces the form's values and base version with a stored integration. */
  load: (integration: Integration) => void;
}

/** Create and edit share this form; the resolver is the API's own schema, loaded after the form is usable. */
export function IntegrationForm({ botId, integration, headerActions }: IntegrationFormProps) {
  // useForm reads its defaults once; computed at every render they cost its re-render right after the mount
  // (isReady, set in a layout effect), which runs in the same task as the first one, before the first paint.
  const [defaultValues] = useState(() => (integration ? valuesFromIntegration(integration) : emptyValuesFor(NEW_INTEGRATION_TYPE)));
  const form = useForm<FormValues, unknown, IntegrationValues>({
    resolver: lazyIntegrationResolver,
    defaultValues,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const [editorKey, setEditorKey] = useState(0);
  const type = useWatch({ control: form.control, name: 'type' }) as IntegrationType;
  const meta = useFieldMeta(type);

  const resetTo = (values: FormValues) => {
    // Monaco is uncontrolled: a different script needs a fresh editor.
    if ((values.transformScript ?? '') !== (form.getValues('transformScript') ?? '')) setEditorKey((key) => key + 1);
    // keepFieldsRef: reset writes the values into the inputs it registered. Without it, it forgets them and
    // counts on every field rendering again, which the form's context (FormMethodsProvider) no longer causes.
    form.reset(values, { keepFieldsRef: true });
  };
  const [baseVersion, setBaseVersion] = useState(integration?.version ?? 0);
  const draft = useIntegrationDraft({
    botId,
    integrationId: integration?.id ?? null,
    form,
    baseVersion,
    setBaseVersion,
    remountEditor: () => setEditorKey((key) => key + 1),
  });
  const { save, failBeforeRequest, retry, saving, problem, conflict, reload, saveMerged, closeConflict, load, renameDialog } =
    useIntegrationSave({
      botId,
      integration,
      form,
      resetTo,
      baseVersion,
      setBaseVersion,
      onStored: draft.clear,
    });
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const formElement = useCallback(() => formRef.current, []);
  useStickyHeaderHeight(formRef);
  const live = useLiveForm(botId, integration?.id ?? null, formElement);
  useEffect(() => {
    let cancelWarm: () => void = () => undefined;
    // Save needs the checks: they load beside the editor, not after it (a save right after the editor
    // shows would wait for zod and the script parser to arrive).
    const cancelWait = whenScreenSettled(
      client,
      () => {
        cancelWarm = warmIntegrationResolver(form.getValues());
      },
      { behindHolds: false },
    );
    return () => {
      cancelWait();
      cancelWarm();
    };
  }, [client, form]);
  useFocusOnAdd(form, integration === null);
  useFocusAfterRowRemoval();
  useFocusCarriedOver();
  // The resolver is loaded on demand: when it cannot be, the save fails as a save that cannot reach the server.
  const submit = (event?: BaseSyntheticEvent) =>
    form
      .handleSubmit((values) => save(values))(event)
      .catch(failBeforeRequest);
  // One save at a time. Save stays enabled while saving (aria-disabled): a disabled button would drop the
  // focus to the page, and after Save the focus stays where it was.
  // A viewer reads the form: its fields are read-only and there is no Save (the API would refuse it).
  const readOnly = useReadOnlyReason('builder');
  const onSubmit = (event?: BaseSyntheticEvent) => (saving || readOnly ? (event?.preventDefault(), Promise.resolve()) : submit(event));
  useSaveShortcut(() => void onSubmit());

  const changeType = useCallback(
    (next: IntegrationType) => {
      if (next === form.getValues('type')) return;
      form.reset(switchType(form.getValues(), next), { keepDefaultValues: true, keepTouched: true, keepFieldsRef: true });
    },
    [form],
  );

  const title = integration ? integration.name : 'Add Integration';

  return (
    <FormMethodsProvider form={form}>
      <FormWorkspace>
        <form ref={formRef} className="integration-form" onSubmit={onSubmit} noValidate aria-labelledby="integration-form-title">
          <header className="form-header">
            <h2 id="integration-form-title" className="form-header__title">
              {title}
            </h2>
            <DirtyStatus control={form.control} kept={draft.kept} />
            {headerActions ? <DirtyHeaderActions control={form.control} actions={headerActions} load={load} /> : null}
            <TestPanelToggle />
            {readOnly ? null : (
              <button
                type="submit"
                className="button button--primary"
                aria-disabled={saving}
                aria-keyshortcuts="Control+S Meta+S"
                title="Save (Ctrl+S / ⌘S)"
              >
                {saving ? 'Saving…' : 'Save'}
              </button>
            )}
            {problem ? <SaveFailureMessage failure={problem} saving={saving} onRetry={() => void retry()} /> : null}
          </header>
          <div className="live-notes">
            {/* Said at once, before this tab's Save: a save of this tab's own is no news once its answer is in. */}
            <p role="status" className={live.saved && live.saved.version > baseVersion && !saving ? 'live-note' : 'visually-hidden'}>
              {live.saved && live.saved.version > baseVersion && !saving ? live.saved.text : ''}
            </p>
            {live.present.length ? (
              <p className="live-note" data-testid="presence">
                Also here: {live.present.join(', ')}
              </p>
            ) : null}
          </div>
          {draft.offer ? <DeferredDraftOffer offer={draft.offer} onRestore={draft.restore} onDiscard={draft.discard} /> : null}
          {readOnly ? (
            <p className="note form-read-only" data-testid="read-only-reason">
              {readOnly}
            </p>
          ) : null}
          <p className="form-legend">
            Required fields are marked with an asterisk{' '}
            <span className="field__asterisk" aria-hidden="true">
              *
            </span>
          </p>
          <FormSections
            botId={botId}
            integration={integration}
            type={type}
            meta={meta}
            editorKey={editorKey}
            onTypeChange={changeType}
            readOnly={readOnly !== null}
          />
        </form>
        {/* Beside the form, sharing its values, the skill directory and the sample variables. */}
        <TestPanelHost botId={botId} integrationId={integration?.id ?? null} />
      </FormWorkspace>
      <DirtyGuard control={form.control} saving={saving} />
      <DeferredRenameDialog {...renameDialog} />
      <DeferredConflictDialog
        open={conflict !== null}
        name={integration?.name ?? ''}
        conflicts={conflict?.result.conflicts ?? []}
        theirVersion={conflict?.theirVersion ?? 0}
        pending={conflict?.pending ?? false}
        error={conflict?.error ?? null}
        onSave={(choices) => void saveMerged(choices)}
        onReload={() => void reload()}
        onClose={closeConflict}
      />
    </FormMethodsProvider>
  );
}

/*
 * What shows whether the form has unsaved changes. Each follows isDirty on its own (useFormState), so the
 * first keystroke renders these, not the whole form: the form itself reads no form state.
 */
function DirtyStatus({ control, kept }: { control: Control<FormValues>; kept: boolean }) {
  const { isDirty } = useFormState({ control });
  return (
    <>
      <span className="form-header__status" role="status" data-testid="dirty-status">
        {isDirty ? <span className="pill pill--warning">Unsaved changes</span> : null}
      </span>
      {isDirty && kept ? (
        <span className="form-header__draft" data-testid="draft-status">
          Kept in this browser
        </span>
      ) : null}
    </>
  );
}

function DirtyHeaderActions({
  control,
  actions,
  load,
}: {
  control: Control<FormValues>;
  actions: (form: FormHeaderState) => ReactNode;
  load: FormHeaderState['load'];
}) {
  const { isDirty } = useFormState({ control });
  return actions({ isDirty, load });
}

function DirtyGuard({ control, saving }: { control: Control<FormValues>; saving: boolean }) {
  const { isDirty } = useFormState({ control });
  return <UnsavedChangesGuard when={isDirty && !saving} />;
}

interface FormSectionsProps {
  botId: string;
  integration: Integration | null;
  type: IntegrationType;
  meta: FieldMeta;
  editorKey: number;
  onTypeChange: (type: IntegrationType) => void;
  readOnly: boolean;
}

/**
 * The fields and sections under the header. The header changes at every step of a save (Saving…,
 * Unsaved changes, a failure): memo keeps those from rendering every field again, which held the
 * PUT and "Saved" up. The fields follow their own values and errors through the form's context.
 */
const FormSections = memo(function FormSections({ botId, integration, type, meta, editorKey, onTypeChange, readOnly }: FormSectionsProps) {
  return (
    <>
      {/* A disabled fieldset makes every control in it read-only at once; the sections below it (usages, test
          cases, the transfer preview) stay usable, as a viewer may run tests. */}
      <fieldset className="form-fields" disabled={readOnly}>
        <div className="form-grid">
          <CommonFields meta={meta} onTypeChange={onTypeChange} />
          <TypeFields type={type} meta={meta} />
        </div>
        <TransformScriptField editorKey={editorKey} readOnly={readOnly} />
        <CustomDataFields />
      </fieldset>
      {integration ? <DeferredUsagesSection botId={botId} integration={integration} /> : null}
      {integration ? <DeferredTestCasesSection botId={botId} integration={integration} /> : null}
      {type === 'LIVEPERSON_AGENT_ESCALATION' ? <DeferredTransferPreviewSection /> : null}
    </>
  );
});
