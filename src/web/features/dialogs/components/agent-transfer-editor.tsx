import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { agentTransferInputSchema, type AgentTransferInput, type InteractionView } from '../../../../domain/dialogs';
import { agentEscalation } from '../../../../domain/integration-types/agent-escalation';
import { useDirectoryList } from '../../../components/directory-pickers/directories-context';
import { SkillComboboxField } from '../../../components/directory-pickers/skill-combobox-field';
import { skillWarnings } from '../../../components/directory-pickers/skill-directory-check';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { FieldScope } from '../../../components/form/field';
import { MessageToUserField } from '../../../components/form/message-to-user-field';
import { applyServerErrors, type FormProblem } from '../../../components/form/server-errors';
import { SwitchField } from '../../../components/form/switch-field';
import { TextField } from '../../../components/form/text-field';
import { LoadingState, ErrorState } from '../../../components/states';
import { useReturnFocus } from '../../../components/return-focus';
import { isApiError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import { useEditAgentTransfer, useInteraction, type EditableInteraction } from '../api/edit-agent-transfer';

/*
 * An Agent Transfer interaction edited with the Agent Escalation integration's fields: the same labels, help,
 * skill picker and checks, since the platform calls them the same and the server validates them alike.
 */

const { messageToUser, agentSkillId, agentId, transferBotContext } = agentEscalation.fields;
const shape = agentTransferInputSchema.shape;
const formSchema = z.object({
  messageToUser: shape.messageToUser.unwrap(),
  agentSkillId: shape.agentSkillId.unwrap(),
  // Not stored in the interaction: a pick from the directory fills it, so the name↔id check can compare.
  agentSkillName: z.string(),
  agentId: shape.agentId.unwrap(),
  transferBotContext: z.boolean(),
  // Typed as text so that an empty field is "no delay", not NaN.
  interactionDelay: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'Interaction Delay must be a whole number of milliseconds, such as 2000.'),
});
type FormInput = z.infer<typeof formSchema>;

const DELAY_HELP =
  'Milliseconds the platform waits before this interaction; empty for none. The platform advises 2,000 ms for each message the bot sends just before the transfer (3 messages: 6,000 ms), so the customer reads them before the agent joins.';

const valuesOf = (interaction: InteractionView): FormInput => ({
  messageToUser: interaction.messageToUser ?? '',
  agentSkillId: interaction.agentSkillId ?? '',
  agentSkillName: '',
  agentId: interaction.agentId ?? '',
  transferBotContext: interaction.transferBotContext ?? false,
  interactionDelay: interaction.interactionDelay ? String(interaction.interactionDelay) : '',
});

interface AgentTransferEditorProps {
  botId: string;
  dialogId: string;
  interactionId: string;
  /** Shown in the title before the interaction is read. */
  name: string;
  onClose: () => void;
}

/** The Agent Transfer form in a dialog, opened from the flow or the list. */
export function AgentTransferEditor({ botId, dialogId, interactionId, name, onClose }: AgentTransferEditorProps) {
  const onCloseAutoFocus = useReturnFocus(true);
  const read = useInteraction(botId, dialogId, interactionId);
  return (
    <Dialog.Root open onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Agent Transfer {name}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Saved into the bot&apos;s Conversation Builder file as a new revision of its dialogs; the export carries it.
          </Dialog.Description>
          {read.isPending ? <LoadingState label="Loading the interaction…" /> : null}
          {read.isError ? (
            <ErrorState
              title="Could not load the interaction"
              error={read.error}
              onRetry={() => void read.refetch()}
              missing={{
                title: `${name} is not in the dialogs any more`,
                detail:
                  'It was removed or changed by another import since this page loaded its dialogs. Close this form to see them as they are.',
              }}
            />
          ) : null}
          {read.data ? (
            <TransferForm
              botId={botId}
              dialogId={dialogId}
              interactionId={interactionId}
              loaded={read.data}
              reload={async () => (await read.refetch()).data}
              onDone={onClose}
            />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface TransferFormProps {
  botId: string;
  dialogId: string;
  interactionId: string;
  loaded: EditableInteraction;
  reload: () => Promise<EditableInteraction | undefined>;
  onDone: () => void;
}

function TransferForm({ botId, dialogId, interactionId, loaded, reload, onDone }: TransferFormProps) {
  const form = useForm<FormInput>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(loaded.interaction), mode: 'onTouched' });
  const mutation = useEditAgentTransfer(botId, dialogId, interactionId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [stale, setStale] = useState(false);
  // The version the edits apply to: the one read, or the one loaded after a 412.
  const [etag, setEtag] = useState(loaded.etag);
  const [baseline, setBaseline] = useState(() => valuesOf(loaded.interaction));
  const directory = useDirectoryList('skills');
  const [skillId, skillName] = useWatch({ control: form.control, name: ['agentSkillId', 'agentSkillName'] });
  const warnings = skillWarnings(skillId ?? '', skillName ?? '', directory.items);
  const known = directory.items?.find((skill) => skill.id === (skillId ?? '').trim());
  const skillNote = directory.isError
    ? 'The skill directory could not be loaded, so skills are not checked.'
    : known
      ? `Skill ${known.id} is “${known.name}” in the skill directory.`
      : undefined;

  /** What changed since the form was read (or theirs loaded): a PATCH changes what it is given. */
  const changesOf = (values: FormInput): AgentTransferInput => {
    const base = baseline;
    const input: AgentTransferInput = {};
    if (values.messageToUser !== base.messageToUser) input.messageToUser = values.messageToUser;
    if (values.agentSkillId.trim() !== base.agentSkillId) input.agentSkillId = values.agentSkillId;
    if (values.agentId.trim() !== base.agentId) input.agentId = values.agentId;
    if (values.transferBotContext !== base.transferBotContext) input.transferBotContext = values.transferBotContext;
    if (values.interactionDelay.trim() !== base.interactionDelay) {
      input.interactionDelay = values.interactionDelay.trim() === '' ? 0 : Number(values.interactionDelay);
    }
    return input;
  };

  const save = (etag: string, values: FormInput) => {
    const input = changesOf(values);
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    setProblem(null);
    setStale(false);
    mutation.mutate(
      { etag, input },
      {
        onSuccess: (saved) => {
          notify('success', `Saved Agent Transfer ${saved.interaction.name}`);
          onDone();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 412) setStale(true);
          else setProblem(applyServerErrors(form, failure, { fields: Object.keys(formSchema.shape) }));
        },
      },
    );
  };
  const submit = form.handleSubmit((values) => save(etag, values));
  const loadTheirs = async () => {
    const latest = await reload();
    if (!latest) return;
    setEtag(latest.etag);
    const theirs = valuesOf(latest.interaction);
    setBaseline(theirs);
    form.reset(theirs);
    setStale(false);
  };
  // Only the fields changed here are sent: what the other save changed and this form did not stays.
  const saveMineAnyway = form.handleSubmit(async (values) => {
    const latest = await reload();
    if (!latest) return;
    setEtag(latest.etag);
    save(latest.etag, values);
  });

  return (
    <FormProvider {...form}>
      <FieldScope.Provider value="agent-transfer">
        <form onSubmit={submit} noValidate className="dialog__form">
          <MessageToUserField
            name="messageToUser"
            label={messageToUser.label}
            required
            help={messageToUser.help}
            placeholder={messageToUser.placeholder}
          />
          <SkillComboboxField
            name="agentSkillId"
            label={agentSkillId.label}
            required
            help={agentSkillId.help}
            placeholder={agentSkillId.placeholder}
            warning={warnings.agentSkillId ?? warnings.agentSkillName}
            note={skillNote}
          />
          <TextField name="agentId" label={agentId.label} help={agentId.help} placeholder={agentId.placeholder} />
          <SwitchField name="transferBotContext" label={transferBotContext.label} help={transferBotContext.help} />
          <TextField name="interactionDelay" label="Interaction Delay (ms)" inputMode="numeric" placeholder="2000" help={DELAY_HELP} />
          {stale ? (
            <div className="dialog__error" role="alert">
              <p>Someone saved this bot&apos;s dialogs after you opened the form, so your changes were not saved.</p>
              <div className="dialog__actions">
                <button type="button" className="button" onClick={() => void loadTheirs()}>
                  Load theirs
                </button>
                <button type="button" className="button" onClick={() => void saveMineAnyway()}>
                  Save mine over theirs
                </button>
              </div>
            </div>
          ) : null}
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
