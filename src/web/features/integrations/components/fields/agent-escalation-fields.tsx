import { useRef, type Ref } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { BLANK_MESSAGE } from '../../../../../domain/integration-types';
import { Field, type ControlProps } from '../../../../components/form/field';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from '../../../../components/form/env-completion';
import { SwitchControl } from '../../../../components/form/switch-control';
import { SwitchField } from '../../../../components/form/switch-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { SkillComboboxField } from '../directory-pickers/skill-combobox-field';
import { skillWarnings } from '../directory-pickers/skill-directory-check';
import { useDirectoryList } from '../directory-pickers/directories-context';
import { useFormEnvironment } from '../environment/form-environment';
import { resolvedForCheck } from '../../../../../domain/env-references';

export function AgentEscalationFields({ meta }: { meta: FieldMeta<'LIVEPERSON_AGENT_ESCALATION'> }) {
  const { control } = useFormContext();
  const [skillName, skillId] = useWatch({ control, name: ['agentSkillName', 'agentSkillId'] }) as [string | undefined, string | undefined];
  const directory = useDirectoryList('skills');
  // The directory is checked for what the fields say in the form's environment ({$env.SKILL_ID} → 222).
  const variables = useFormEnvironment()?.variables;
  const warnings = skillWarnings(resolvedForCheck(skillId ?? '', variables), resolvedForCheck(skillName ?? '', variables), directory.items);
  const directoryNote = directory.isError ? 'The skill directory could not be loaded, so skills are not checked.' : undefined;
  return (
    <>
      <SkillComboboxField {...meta('agentSkillName')} warning={warnings.agentSkillName} />
      <SkillComboboxField {...meta('agentSkillId')} warning={warnings.agentSkillId} note={directoryNote} />
      <TextField {...meta('agentId')} />
      <SwitchField {...meta('transferBotContext')} />
      <MessageToUserField meta={meta} />
    </>
  );
}

/** BLANK_MESSAGE is the platform's "send none"; the switch writes it so nobody has to remember the spelling. */
function MessageToUserField({ meta }: { meta: FieldMeta<'LIVEPERSON_AGENT_ESCALATION'> }) {
  const { control } = useFormContext();
  const lastText = useRef('');
  const { name, label, required, help, placeholder } = meta('messageToUser');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const blank = field.value === BLANK_MESSAGE;
        return (
          <Field name={name} label={label} required={required} help={help}>
            {(aria) => (
              <>
                <MessageTextarea
                  aria={aria}
                  name={field.name}
                  textareaRef={field.ref}
                  value={blank ? '' : String(field.value ?? '')}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  blank={blank}
                  placeholder={placeholder}
                />
                <div className="inline-switch">
                  <SwitchControl
                    id="send-no-message"
                    checked={blank}
                    onCheckedChange={(on) => {
                      // Keep the text so switching back off does not make the user type it again.
                      if (on) lastText.current = String(field.value ?? '');
                      field.onChange(on ? BLANK_MESSAGE : lastText.current);
                      field.onBlur();
                    }}
                  />
                  <label htmlFor="send-no-message">Send no message</label>
                </div>
              </>
            )}
          </Field>
        );
      }}
    />
  );
}

interface MessageTextareaProps {
  aria: ControlProps;
  name: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  blank: boolean;
  placeholder: string | undefined;
}

/** The message itself: it may say {$env.NAME} like any text the integration sends. */
function MessageTextarea({ aria, name, textareaRef, value, onChange, onBlur, blank, placeholder }: MessageTextareaProps) {
  const completion = useEnvCompletion({ id: aria.id, kind: 'textarea', onValue: onChange });
  const noteId = `${aria.id}-env`;
  const noted = useEnvNoteShown(value);
  return (
    <>
      <textarea
        {...aria}
        aria-describedby={describedWithNote(aria['aria-describedby'], noteId, noted)}
        className="input input--multiline"
        rows={3}
        name={name}
        ref={textareaRef}
        value={value}
        placeholder={blank ? 'No message is sent (stored as BLANK_MESSAGE).' : placeholder}
        disabled={blank}
        {...completion.props}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {completion.popup}
      <EnvNote id={noteId} text={value} testId="env-resolved-messageToUser" />
    </>
  );
}
