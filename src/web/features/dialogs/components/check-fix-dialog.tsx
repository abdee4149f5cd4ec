import { Dialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import type { Check, CheckFix } from '../../../../domain/dialogs';
import { customDataFieldSchema } from '../../../../domain/custom-data-fields';
import { useReturnFocus } from '../../../components/return-focus';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import {
  matchDeleted,
  useApplyCheckFix,
  useFixChoices,
  useIntegrationForFix,
  useInteractionForFix,
  type CheckFixAction,
} from '../api/check-fixes';

type FixOf<K extends CheckFix['kind']> = Extract<CheckFix, { kind: K }>;

export interface CheckFixDialogProps {
  botId: string;
  check: Check & { fix: FixOf<'missing-integration'> | FixOf<'add-custom-field'> };
  onClose: () => void;
}

/**
 * The fix of a failed check, previewed before it is applied: what will change, where, and with which
 * revision. Nothing is written until "Apply".
 */
export function CheckFixDialog({ botId, check, onClose }: CheckFixDialogProps) {
  const onCloseAutoFocus = useReturnFocus(true);
  return (
    <Dialog.Root open onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Fix: {check.title}</Dialog.Title>
          <Dialog.Description className="dialog__description">{check.detail}</Dialog.Description>
          {check.fix.kind === 'add-custom-field' ? (
            <AddCustomField botId={botId} fix={check.fix} onDone={onClose} />
          ) : (
            <MissingIntegration botId={botId} check={check} fix={check.fix} onDone={onClose} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The preview box and the actions, shared by every fix. */
function Preview({
  children,
  error,
  pending,
  disabled,
  onApply,
}: {
  children: ReactNode;
  error: string | null;
  pending: boolean;
  disabled?: boolean;
  onApply: () => void;
}) {
  return (
    <>
      <section className="check-fix__preview" aria-label="What will change">
        <h3 className="field__label">What will change</h3>
        {children}
      </section>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          Cancel
        </Dialog.Close>
        <button type="button" className="button button--primary" disabled={pending || disabled} onClick={onApply}>
          {pending ? 'Applying…' : 'Apply'}
        </button>
      </div>
    </>
  );
}

function useApply(botId: string, onDone: () => void) {
  const mutation = useApplyCheckFix(botId);
  const [error, setError] = useState<string | null>(null);
  const apply = (action: CheckFixAction, done: string) => {
    setError(null);
    mutation.mutate(action, {
      onSuccess: () => {
        notify('success', done);
        onDone();
      },
      onError: (failure) => setError(errorMessage(failure)),
    });
  };
  return { apply, error, pending: mutation.isPending };
}

function AddCustomField({ botId, fix, onDone }: { botId: string; fix: FixOf<'add-custom-field'>; onDone: () => void }) {
  const integration = useIntegrationForFix(botId, fix.integrationId);
  const [value, setValue] = useState(fix.value);
  const { apply, error, pending } = useApply(botId, onDone);
  const valueId = useId();
  if (integration.isPending) return <p role="status">Reading the integration…</p>;
  if (integration.isError) return <p className="dialog__error">{errorMessage(integration.error)}</p>;
  const current = integration.data;
  const valueError = customDataFieldSchema.shape.value.safeParse(value).error?.issues[0]?.message ?? null;
  return (
    <Preview
      error={error}
      pending={pending}
      disabled={valueError !== null}
      onApply={() =>
        apply(
          { kind: 'add-custom-field', integration: current, key: fix.key, value },
          `Added custom data field ${fix.key} to ${current.name}`,
        )
      }
    >
      <p>
        Integration <strong>{current.name}</strong> gets the custom data field <code>{fix.key}</code>, saved as its version{' '}
        {current.version + 1}:
      </p>
      <div className="field">
        <label className="field__label" htmlFor={valueId}>
          Value of {fix.key}
        </label>
        <input
          id={valueId}
          className="input"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={valueError !== null}
          aria-describedby={`${valueId}-help`}
        />
        <p id={`${valueId}-help`} className={valueError ? 'field__error' : 'field__help'}>
          {valueError ?? `The path in the integration's answer that {${current.name}.${fix.key}} shows.`}
        </p>
      </div>
    </Preview>
  );
}

function MissingIntegration({
  botId,
  check,
  fix,
  onDone,
}: {
  botId: string;
  check: Check;
  fix: FixOf<'missing-integration'>;
  onDone: () => void;
}) {
  const { deleted, present } = useFixChoices(botId);
  const canRepoint = fix.repoint && check.dialogId !== undefined && check.interactionId !== undefined;
  const interaction = useInteractionForFix(botId, check.dialogId ?? '', check.interactionId ?? '', canRepoint);
  const [choice, setChoice] = useState<'restore' | 'repoint' | null>(null);
  const [target, setTarget] = useState('');
  const { apply, error, pending } = useApply(botId, onDone);
  const selectId = useId();
  const missing = fix.invokes.name ?? fix.invokes.id ?? 'the integration';

  if (deleted.isPending || present.isPending || (canRepoint && interaction.isPending)) return <p role="status">Looking for fixes…</p>;
  const failed = deleted.error ?? present.error ?? (canRepoint ? interaction.error : null);
  if (failed) return <p className="dialog__error">{errorMessage(failed)}</p>;

  const restorable = matchDeleted(deleted.data ?? [], fix.invokes);
  const others = canRepoint ? (present.data ?? []) : [];
  const picked = choice ?? (restorable ? 'restore' : others.length > 0 ? 'repoint' : null);
  if (!picked) {
    return (
      <p className="note">
        No deleted integration is named {missing} and the bot has no other integration to invoke: add one named {missing}, or change the
        dialog in Conversation Builder.
      </p>
    );
  }
  const other = others.find((item) => item.id === target);
  const where = interaction.data ? `Interaction "${interaction.data.interaction.name}"` : 'The interaction';
  return (
    <Preview
      error={error}
      pending={pending}
      disabled={picked === 'repoint' && !other}
      onApply={() => {
        if (picked === 'restore' && restorable) {
          apply({ kind: 'restore', target: restorable }, `Restored ${restorable.name}`);
        } else if (other && interaction.data && check.dialogId && check.interactionId) {
          apply(
            {
              kind: 'repoint',
              dialogId: check.dialogId,
              interactionId: check.interactionId,
              etag: interaction.data.etag,
              integrationId: other.id,
            },
            `${interaction.data.interaction.name} invokes ${other.name}`,
          );
        }
      }}
    >
      <fieldset className="check-fix__choices">
        <legend className="visually-hidden">How to fix it</legend>
        {restorable ? (
          <label className="check-fix__choice">
            <input type="radio" name="check-fix" checked={picked === 'restore'} onChange={() => setChoice('restore')} />{' '}
            <span>
              Restore <strong>{restorable.name}</strong>, deleted {new Date(restorable.deletedAt).toLocaleString()}: its version{' '}
              {restorable.restoreVersion} is saved again with the same id, and every place that used it finds it again.
            </span>
          </label>
        ) : null}
        {others.length > 0 ? (
          <label className="check-fix__choice">
            <input type="radio" name="check-fix" checked={picked === 'repoint'} onChange={() => setChoice('repoint')} />{' '}
            <span>
              {where} invokes another integration instead of {missing}
              {other ? (
                <>
                  : <strong>{other.name}</strong>, written into the bot&apos;s dialogs as a new revision
                </>
              ) : null}
              .
            </span>
          </label>
        ) : null}
      </fieldset>
      {picked === 'repoint' ? (
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            Integration to invoke
          </label>
          <select id={selectId} className="select" value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="" disabled hidden>
              Pick an integration…
            </option>
            {others.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </Preview>
  );
}
