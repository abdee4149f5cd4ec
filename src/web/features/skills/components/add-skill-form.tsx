import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { skillInputSchema, type SkillInput } from '../../../../domain/skill';
import { TextField } from '../../../components/form/text-field';
import { notify } from '../../../lib/notify';
import { useCreateSkill } from '../api/create-skill';
import { applyServerErrors } from '../../../components/form/server-errors';

/** Id and name as Conversational Cloud shows them; the resolver is the API's own schema. */
export function AddSkillForm() {
  const form = useForm<z.input<typeof skillInputSchema>, unknown, SkillInput>({
    resolver: zodResolver(skillInputSchema),
    defaultValues: { name: '' },
    mode: 'onTouched',
  });
  const mutation = useCreateSkill();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = form.handleSubmit((input) => {
    setProblem(null);
    mutation.mutate(input, {
      onSuccess: (skill) => {
        notify('success', `Added ${skill.name} (${skill.id})`);
        form.reset();
        form.setFocus('id');
      },
      onError: (failure) => setProblem(applyServerErrors(form, failure, { fields: ['id', 'name'] })?.detail ?? null),
    });
  });

  return (
    <FormProvider {...form}>
      <form className="add-skill" onSubmit={submit} noValidate aria-labelledby="add-skill-title">
        <h2 id="add-skill-title" className="add-skill__title">
          Add skill
        </h2>
        <div className="add-skill__fields">
          <TextField
            name="id"
            label="Skill id"
            required
            inputMode="numeric"
            placeholder="3402109730"
            help="The numeric id Conversational Cloud shows for the skill, up to 19 digits."
          />
          <TextField name="name" label="Skill name" required placeholder="Billing" help="Unique in the directory, ignoring case." />
          <button type="submit" className="button button--primary add-skill__submit" disabled={mutation.isPending}>
            {mutation.isPending ? 'Adding…' : 'Add skill'}
          </button>
        </div>
        {problem ? (
          <p className="field__error" role="alert" data-testid="add-skill-problem">
            {problem}
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}
