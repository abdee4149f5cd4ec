import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { failureRuleInputSchema } from '../../../../domain/dialogs';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { useReturnFocus } from '../../../components/return-focus';
import { FieldScope } from '../../../components/form/field';
import { applyServerErrors, type FormProblem } from '../../../components/form/server-errors';
import { TextField } from '../../../components/form/text-field';
import { notify } from '../../../lib/notify';
import { useAddFailureRule } from '../api/add-failure-rule';

const formSchema = z.object({ message: failureRuleInputSchema.shape.message });
type FormInput = z.infer<typeof formSchema>;

const DEFAULT_MESSAGE = 'Sorry, I could not reach an agent right now. Please try again in a few minutes.';

/** The coverage table's "Add a failure rule": the interaction's "failure" rule leads to a text with this message. */
export function AddFailureRule({
  botId,
  interaction,
  onClose,
}: {
  botId: string;
  interaction: { id: string; name: string };
  onClose: () => void;
}) {
  const onCloseAutoFocus = useReturnFocus(true);
  return (
    <Dialog.Root open onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Add a failure rule</Dialog.Title>
          <Dialog.Description className="dialog__description">
            When the transfer of <strong>{interaction.name}</strong> fails at once, its new &quot;failure&quot; rule goes to a text with
            this message instead of leaving the customer without an answer.
          </Dialog.Description>
          <FailureRuleForm botId={botId} interactionId={interaction.id} onDone={onClose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function FailureRuleForm({ botId, interactionId, onDone }: { botId: string; interactionId: string; onDone: () => void }) {
  const form = useForm<FormInput>({ resolver: zodResolver(formSchema), defaultValues: { message: DEFAULT_MESSAGE }, mode: 'onTouched' });
  const mutation = useAddFailureRule(botId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const submit = form.handleSubmit(({ message }) => {
    setProblem(null);
    mutation.mutate(
      { interactionId, message },
      {
        onSuccess: () => {
          notify('success', 'Added a failure rule');
          onDone();
        },
        onError: (failure) => setProblem(applyServerErrors(form, failure)),
      },
    );
  });
  return (
    <FormProvider {...form}>
      <FieldScope.Provider value="failure-rule">
        <form onSubmit={submit} noValidate className="dialog__form">
          <TextField name="message" label="Message" required multiline rows={3} help="What the bot says when the transfer fails at once." />
          {problem ? (
            <p className="dialog__error" role="alert">
              {problem.detail}
            </p>
          ) : null}
          <DialogFormActions submitLabel="Add rule" pending={mutation.isPending} />
        </form>
      </FieldScope.Provider>
    </FormProvider>
  );
}
