import { useState, type ReactNode, type Ref } from 'react';
import { deferredModule } from '../deferred-part';
import type { ControlProps } from './field';

export interface Suggestion {
  key: string;
  /** What picking it puts in the input (unless onPick takes over). */
  value: string;
  content: ReactNode;
  /** Instead of setting the value: a pick that fills several fields. */
  onPick?: () => void;
}

export interface SuggestionInputProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly Suggestion[];
  /** The accessible name of the suggestions list. */
  listLabel: string;
  input: ControlProps & {
    ref: Ref<HTMLInputElement>;
    name: string;
    onBlur: () => void;
    placeholder?: string;
    'data-testid'?: string;
  };
}

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
  if (module && !inUse) return <module.default {...props} />;
  const { value, onChange, input } = props;
  return (
    <input
      {...input}
      className="input"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onFocus={() => setInUse(true)}
      onBlur={() => {
        setInUse(false);
        input.onBlur();
      }}
    />
  );
}
