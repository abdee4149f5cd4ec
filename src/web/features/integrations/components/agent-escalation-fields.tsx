import { Switch } from 'radix-ui';
import { useRef } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { BLANK_MESSAGE } from '../../../../domain/integration-types';
import { Field } from '../../../components/form/field';
import { SwitchField } from '../../../components/form/switch-field';
import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';

export function AgentEscalationFields({ meta }: { meta: FieldMeta }) {
  return (
    <>
      <TextField {...meta('agentSkillName')} label="Agent Skill Name" placeholder="Customer Care" />
      <TextField {...meta('agentSkillId')} label="Agent Skill Id" placeholder="3402109730 or {$botContext.skillId}" />
      <TextField {...meta('agentId')} label="Agent Id" placeholder="{$botContext.agentId}" />
      <SwitchField {...meta('transferBotContext')} label="Transfer Bot Context" />
      <MessageToUserField meta={meta} />
    </>
  );
}

/** BLANK_MESSAGE is the platform's "send none"; the switch writes it so nobody has to remember the spelling. */
function MessageToUserField({ meta }: { meta: FieldMeta }) {
  const { control } = useFormContext();
  const lastText = useRef('');
  const { name, required, help } = meta('messageToUser');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const blank = field.value === BLANK_MESSAGE;
        return (
          <Field name={name} label="Message to User" required={required} help={help}>
            {(aria) => (
              <>
                <textarea
                  {...aria}
                  className="input input--multiline"
                  rows={3}
                  name={field.name}
                  ref={field.ref}
                  value={blank ? '' : String(field.value ?? '')}
                  placeholder={blank ? 'No message is sent (stored as BLANK_MESSAGE).' : 'Hold on while I connect you with an agent.'}
                  disabled={blank}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
                />
                <div className="inline-switch">
                  <Switch.Root
                    id="send-no-message"
                    className="switch"
                    checked={blank}
                    onCheckedChange={(on) => {
                      // Keep the text so switching back off does not make the user type it again.
                      if (on) lastText.current = String(field.value ?? '');
                      field.onChange(on ? BLANK_MESSAGE : lastText.current);
                      field.onBlur();
                    }}
                  >
                    <Switch.Thumb className="switch__thumb" />
                  </Switch.Root>
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
