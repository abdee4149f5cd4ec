import { useState } from 'react';
import { deferredModule } from '../deferred-part';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from './env-completion';
import { inputAttributes, type SuggestionInputProps } from './suggestion-props';

const useCombobox = deferredModule(() => import('./suggestion-combobox'));

/**
 * A text input with suggestions. Typing stays free; the suggestions are a combobox whose code
 * (about 30 KB gzip) arrives once the screen has shown its data: until then, and if it cannot load,
 * the same input without suggestions takes input. An input in use is never swapped under the user's
 * hands (what they type or paste would go to a detached element): the combobox takes over once it is left.
 */
export function SuggestionInput(props: SuggestionInputProps) {
  const { module } = useCombobox();
  const [inUse, setInUse] = useState(false);
  const combobox = module && !inUse;
  const completion = useEnvCompletion({ id: props.control.id, kind: combobox ? 'combobox' : 'input', onValue: props.field.onChange });
  const noteId = `${props.control.id}-env`;
  const noted = useEnvNoteShown(props.field.value);
  const described = {
    ...props,
    control: { ...props.control, 'aria-describedby': describedWithNote(props.control['aria-describedby'], noteId, noted) },
  };
  return (
    <>
      {combobox ? (
        <module.default {...described} completion={completion.props} />
      ) : (
        <input
          {...inputAttributes(described)}
          {...completion.props}
          className="input"
          spellCheck={false}
          value={props.field.value}
          onChange={(event) => props.field.onChange(event.target.value)}
          onFocus={() => setInUse(true)}
          onBlur={() => {
            setInUse(false);
            props.field.onBlur();
          }}
        />
      )}
      {completion.popup}
      <EnvNote id={noteId} text={props.field.value} testId={`env-resolved-${props.field.name}`} />
    </>
  );
}
