import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { botInputSchema, type Bot, type BotInput } from '../../../../domain/bot';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { useReturnFocus } from '../../../components/return-focus';
import { FieldScope } from '../../../components/form/field';
import { applyServerErrors, type FormProblem } from '../../../components/form/server-errors';
import { TextField } from '../../../components/form/text-field';
import { notify } from '../../../lib/notify';
import { useUpdateBot } from '../api/update-bot';
import { SameNameWarning } from './same-name-warning';

interface EditBotDialogProps {
  bot: Bot | null;
  onClose: () => void;
}

export function EditBotDialog({ bot, onClose }: EditBotDialogProps) {
  const open = bot !== null;
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Edit bot</Dialog.Title>
          <Dialog.Description className="dialog__description">
            The name and the description show in the bots list and the panel.
          </Dialog.Description>
          {bot ? <EditBotForm key={bot.id} bot={bot} onDone={onClose} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The API's own schema checks the form; a refusal lands on its field, the rest under the form. */
function EditBotForm({ bot, onDone }: { bot: Bot; onDone: () => void }) {
  const form = useForm<BotInput>({
    resolver: zodResolver(botInputSchema),
    defaultValues: { name: bot.name, description: bot.description },
    mode: 'onTouched',
  });
  const name = useWatch({ control: form.control, name: 'name' });
  const mutation = useUpdateBot();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const submit = form.handleSubmit((patch) => {
    setProblem(null);
    mutation.mutate(
      { bot, patch },
      {
        onSuccess: (updated) => {
          notify('success', `Saved ${updated.name}`);
          onDone();
        },
        onError: (failure) => setProblem(applyServerErrors(form, failure)),
      },
    );
  });
  return (
    <FormProvider {...form}>
      <FieldScope.Provider value="edit-bot">
        <form onSubmit={submit} noValidate className="dialog__form">
          <TextField name="name" label="Bot name" required />
          <SameNameWarning name={name} exceptId={bot.id} id="edit-bot-name-warning" />
          <TextField name="description" label="Description" multiline rows={3} help="What the bot does, in a sentence; optional." />
          {problem ? (
            <p className="dialog__error" role="alert">
              {problem.detail}
            </p>
          ) : null}
          <DialogFormActions submitLabel="Save" pending={mutation.isPending} />
        </form>
      </FieldScope.Provider>
    </FormProvider>
  );
}
