import { useRef } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { BLANK_MESSAGE } from '../../../domain/integration-types/agent-escalation';
import { Field } from './field';
import { SwitchControl } from './switch-control';

interface MessageToUserFieldProps {
  name: string;
  label: string;
  required: boolean;
  help: string | undefined;
  placeholder: string | undefined;
}

/** BLANK_MESSAGE is the platform's "send none"; the switch writes it so nobody has to remember the spelling. */
export function MessageToUserField({ name, label, required, help, placeholder }: MessageToUserFieldProps) {
  const { control } = useFormContext();
  const lastText = useRef('');
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
