import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { skillPatchSchema, type Skill } from '../../../../domain/skill';
import { notify } from '../../../lib/notify';
import { useRenameSkill } from '../api/update-skill';
import { applyServerErrors } from '../../../components/form/server-errors';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { useReturnFocus } from '../../../components/return-focus';

export function RenameSkillDialog({ skill, onClose }: { skill: Skill | null; onClose: () => void }) {
  const open = skill !== null;
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Rename skill</Dialog.Title>
          <Dialog.Description className="dialog__description">
            {skill ? `Skill ${skill.id} keeps its id; integrations that name it are not changed.` : null}
          </Dialog.Description>
          {skill ? <RenameForm key={skill.id} skill={skill} onDone={onClose} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RenameForm({ skill, onDone }: { skill: Skill; onDone: () => void }) {
  const form = useForm<{ name: string }>({ resolver: zodResolver(skillPatchSchema), defaultValues: { name: skill.name } });
  const mutation = useRenameSkill();
  const [problem, setProblem] = useState<string | null>(null);
  const error = form.formState.errors.name?.message;
  const submit = form.handleSubmit(({ name }) => {
    setProblem(null);
    mutation.mutate(
      { id: skill.id, name },
      {
        onSuccess: (renamed) => {
          notify('success', `Renamed to ${renamed.name}`);
          onDone();
        },
        onError: (failure) => setProblem(applyServerErrors(form, failure, { fields: ['name'] })?.detail ?? null),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor="rename-skill-name" className="field__label">
          Skill name
        </label>
        <input
          id="rename-skill-name"
          className="input"
          autoComplete="off"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'rename-skill-error' : undefined}
          {...form.register('name')}
        />
        {error ? (
          <p className="field__error" id="rename-skill-error" role="alert" data-testid="error-rename-name">
            {error}
          </p>
        ) : null}
      </div>
      {problem ? (
        <p className="dialog__error" role="alert">
          {problem}
        </p>
      ) : null}
      <DialogFormActions submitLabel="Rename" pending={mutation.isPending} />
    </form>
  );
}
