import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from '../../../lib/history-router';
import { botInputSchema, type BotInput } from '../../../../domain/bot';
import { paths } from '../../../../domain/screen-routes';
import { Field, FieldScope } from '../../../components/form/field';
import { applyServerErrors, type FormProblem } from '../../../components/form/server-errors';
import { notify } from '../../../lib/notify';
import { useCreateBot } from '../api/create-bot';
import { SameNameWarning } from './same-name-warning';

/** A name is all a new bot needs; the API's own schema checks it, as the integration form does. */
export function CreateBotForm() {
  const form = useForm<BotInput>({ resolver: zodResolver(botInputSchema), defaultValues: { name: '', description: '' } });
  const name = useWatch({ control: form.control, name: 'name' });
  const mutation = useCreateBot();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const submit = form.handleSubmit((input) => {
    setProblem(null);
    mutation.mutate(input, {
      onSuccess: (bot) => {
        notify('success', `Created ${bot.name}`);
        form.reset();
        void navigate(paths.integrations(bot.id));
      },
      onError: (failure) => setProblem(applyServerErrors(form, failure, { title: 'Could not create the bot' })),
    });
  });

  return (
    <FormProvider {...form}>
      <FieldScope.Provider value="new-bot">
        <form className="create-bot" onSubmit={submit} noValidate aria-label="Create a bot">
          <Field name="name" label="New bot">
            {(control) => (
              <div className="create-bot__row">
                <input
                  className="input"
                  placeholder="Bot name, e.g. Billing Bot"
                  autoComplete="off"
                  {...control}
                  {...form.register('name')}
                />
                <button type="submit" className="button button--primary" disabled={mutation.isPending}>
                  Create bot
                </button>
              </div>
            )}
          </Field>
          <SameNameWarning name={name} id="new-bot-name-warning" />
          {problem ? (
            <p className="field__error" role="alert">
              {problem.detail}
            </p>
          ) : null}
        </form>
      </FieldScope.Provider>
    </FormProvider>
  );
}
