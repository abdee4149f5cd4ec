import { useRef } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { Ref } from 'react';
import { BLANK_MESSAGE } from '../../../domain/integration-types/agent-escalation';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from './env-completion';
import { Field, type ControlProps } from './field';
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
                <MessageTextarea
                  aria={aria}
                  name={field.name}
                  textareaRef={field.ref}
                  value={blank ? '' : String(field.value ?? '')}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  blank={blank}
                  placeholder={placeholder}
                  envNoteTestId={`env-resolved-${name}`}
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
  envNoteTestId: string;
}

/** The message itself: it may say {$env.NAME} like any text the integration sends. */
function MessageTextarea({ aria, name, textareaRef, value, onChange, onBlur, blank, placeholder, envNoteTestId }: MessageTextareaProps) {
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
      <EnvNote id={noteId} text={value} testId={envNoteTestId} />
    </>
  );
}
