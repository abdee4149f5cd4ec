import { useRef } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { BLANK_MESSAGE } from '../../../../../domain/integration-types';
import { Field } from '../../../../components/form/field';
import { SwitchControl } from '../../../../components/form/switch-control';
import { SwitchField } from '../../../../components/form/switch-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { SkillComboboxField } from '../directory-pickers/skill-combobox-field';
import { skillWarnings } from '../directory-pickers/skill-directory-check';
import { useDirectoryList } from '../directory-pickers/directories-context';

export function AgentEscalationFields({ meta }: { meta: FieldMeta<'LIVEPERSON_AGENT_ESCALATION'> }) {
  const { control } = useFormContext();
  const [skillName, skillId] = useWatch({ control, name: ['agentSkillName', 'agentSkillId'] }) as [string | undefined, string | undefined];
  const directory = useDirectoryList('skills');
  const warnings = skillWarnings(skillId ?? '', skillName ?? '', directory.items);
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
                <textarea
                  {...aria}
                  className="input input--multiline"
                  rows={3}
                  name={field.name}
                  ref={field.ref}
                  value={blank ? '' : String(field.value ?? '')}
                  placeholder={blank ? 'No message is sent (stored as BLANK_MESSAGE).' : placeholder}
                  disabled={blank}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
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
