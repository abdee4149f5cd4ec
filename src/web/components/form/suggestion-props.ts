import type { ReactNode, Ref } from 'react';
import type { EnvCompletion } from './env-completion';
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
  /** The form field it edits (react-hook-form's `field`, with its value as text). */
  field: { value: string; onChange: (value: string) => void; onBlur: () => void; ref: Ref<HTMLInputElement>; name: string };
  /** The ids and ARIA the Field layer gives its control. */
  control: ControlProps;
  options: readonly Suggestion[];
  /** The accessible name of the suggestions list. */
  listLabel: string;
  placeholder?: string;
  testId?: string;
}

/** What the combobox takes beside its props: the `{$env.` completion SuggestionInput runs for it. */
export interface SuggestionComboboxProps extends SuggestionInputProps {
  completion: EnvCompletion['props'];
}

/** The input's own attributes, the same before and after the combobox arrives. */
export function inputAttributes({ field, control, placeholder, testId }: SuggestionInputProps) {
  return { ...control, ref: field.ref, name: field.name, onBlur: field.onBlur, placeholder, 'data-testid': testId };
}
