import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { AGENT_ESCALATION_FAILED, escalationFailureInputSchema } from '../../../../domain/dialogs';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { useReturnFocus } from '../../../components/return-focus';
import { FieldScope } from '../../../components/form/field';
import { SelectField } from '../../../components/form/select-field';
import { applyServerErrors, type FormProblem } from '../../../components/form/server-errors';
import { TextField } from '../../../components/form/text-field';
import { notify } from '../../../lib/notify';
import { useAddFailureDialog } from '../api/add-failure-dialog';
import { useEscalationIntegrations } from '../api/get-escalation-integrations';

// Radix Select has no empty value: "no transfer" is a value of its own, sent as no thenEscalateTo.
const NO_TRANSFER = 'none';
const formSchema = z.object({ message: escalationFailureInputSchema.shape.message, thenEscalateTo: z.string() });
type FormInput = z.infer<typeof formSchema>;

const DEFAULT_MESSAGE = 'Sorry, no agent could take the conversation right now. Please try again in a few minutes.';

export function AddFailureDialog({ botId, open, onClose }: { botId: string; open: boolean; onClose: () => void }) {
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Add a failure dialog</Dialog.Title>
          <Dialog.Description className="dialog__description">
            A new dialog starts on <code>{AGENT_ESCALATION_FAILED}</code>, the message the bot gets when a transfer to an agent fails, and
            says your message instead of falling back.
          </Dialog.Description>
          {open ? <FailureDialogForm botId={botId} onDone={onClose} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function FailureDialogForm({ botId, onDone }: { botId: string; onDone: () => void }) {
  const form = useForm<FormInput>({
    resolver: zodResolver(formSchema),
    defaultValues: { message: DEFAULT_MESSAGE, thenEscalateTo: NO_TRANSFER },
    mode: 'onTouched',
  });
  const escalations = useEscalationIntegrations(botId, true);
  const mutation = useAddFailureDialog(botId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const options = [
    { value: NO_TRANSFER, label: 'No, end the dialog after the message' },
    ...(escalations.data ?? []).map((item) => ({ value: item.id, label: `Yes, with ${item.name}` })),
  ];
  const submit = form.handleSubmit(({ message, thenEscalateTo }) => {
    setProblem(null);
    const input = thenEscalateTo === NO_TRANSFER ? { message } : { message, thenEscalateTo };
    mutation.mutate(input, {
      onSuccess: (dialog) => {
        notify('success', `Added dialog ${dialog.name}`);
        onDone();
      },
      onError: (failure) => setProblem(applyServerErrors(form, failure)),
    });
  });
  return (
    <FormProvider {...form}>
      <FieldScope.Provider value="failure-dialog">
        <form onSubmit={submit} noValidate className="dialog__form">
          <TextField name="message" label="Message" required multiline rows={3} help="What the bot says when the transfer fails." />
          {options.length > 1 ? (
            <SelectField
              name="thenEscalateTo"
              label="Then try another transfer?"
              options={options}
              help="An Agent Transfer with the Agent Escalation integration's skill, after the message."
            />
          ) : null}
          {problem ? (
            <p className="dialog__error" role="alert">
              {problem.detail}
            </p>
          ) : null}
          <DialogFormActions submitLabel="Add dialog" pending={mutation.isPending} />
        </form>
      </FieldScope.Provider>
    </FormProvider>
  );
}
