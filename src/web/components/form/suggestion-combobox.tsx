import { Combobox, ComboboxItem, ComboboxPopover, ComboboxProvider } from '@ariakit/react';
import { inputAttributes, type SuggestionComboboxProps } from './suggestion-props';

/**
 * The suggestion input once its code is here: Ariakit's combobox does the ARIA and the keys
 * (arrows, Enter, Escape). Loaded after the screen is usable; see SuggestionInput.
 */
export default function SuggestionCombobox({ completion, ...props }: SuggestionComboboxProps) {
  const { field, options, listLabel } = props;
  return (
    <ComboboxProvider value={field.value} setValue={(next) => next !== field.value && field.onChange(next)}>
      {/* The {$env. completion's keys come first: Ariakit leaves an event it handled alone. */}
      <Combobox {...inputAttributes(props)} {...completion} className="input" spellCheck={false} />
      {options.length > 0 ? (
        <ComboboxPopover gutter={4} sameWidth unmountOnHide className="combobox__popover" aria-label={listLabel}>
          {options.map((option) => (
            <ComboboxItem
              key={option.key}
              className="combobox__item"
              value={option.value}
              setValueOnClick={option.onPick === undefined}
              onClick={option.onPick}
            >
              {option.content}
            </ComboboxItem>
          ))}
        </ComboboxPopover>
      ) : null}
    </ComboboxProvider>
  );
}
