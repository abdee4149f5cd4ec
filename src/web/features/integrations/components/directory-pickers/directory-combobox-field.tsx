import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '../../../../components/form/field';
import { SuggestionInput } from '../../../../components/form/suggestion-input';
import { lookUpEntry, matchingEntries } from './matching-entries';
import { FieldWarning } from '../../../../components/form/field-warning';

const MAX_OPTIONS = 50;

/** What a picker takes from the field's descriptor (the form's `meta`). */
export interface PickerFieldProps {
  name: string;
  required: boolean;
  help: string | undefined;
  placeholder: string | undefined;
}

export interface DirectoryComboboxFieldProps<T extends { id: string; name: string }> {
  name: string;
  label: string;
  required: boolean;
  help: string | undefined;
  placeholder: string | undefined;
  /** "credential", "function": in warnings and the list's label. */
  noun: string;
  items: readonly T[] | undefined;
  isError: boolean;
  /** Extra text beside an option's name and id (a function's state). */
  describe?: (entry: T) => ReactNode;
  /** A warning about the picked entry itself (a function that is not deployed). */
  entryWarning?: (entry: T) => string | undefined;
}

/**
 * The field holds the entry's id; typing searches the directory by name or id (a combobox: arrows,
 * Enter, Escape), picking stores the id, and the picked entry's name and id
 * show under it. An id the directory lacks warns without blocking the save.
 */
export function DirectoryComboboxField<T extends { id: string; name: string }>(props: DirectoryComboboxFieldProps<T>) {
  const { name, label, required, help, placeholder, noun, items, isError, describe, entryWarning } = props;
  const { control } = useFormContext();
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(aria) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => {
            const value = String(field.value ?? '');
            const { entry, warning: missing } = lookUpEntry(items, value, noun);
            const warning = missing ?? (entry ? entryWarning?.(entry) : undefined);
            const options = items ? matchingEntries(items, value).slice(0, MAX_OPTIONS) : [];
            const warningId = `${aria.id}-warning`;
            const noteId = `${aria.id}-note`;
            const describedBy =
              [aria['aria-describedby'], warning ? warningId : null, entry || isError ? noteId : null].filter(Boolean).join(' ') ||
              undefined;
            return (
              <>
                <SuggestionInput
                  field={{ ...field, value }}
                  control={{ ...aria, 'aria-describedby': describedBy }}
                  placeholder={placeholder}
                  testId={`combobox-${name}`}
                  listLabel={`${label} directory`}
                  options={options.map((option) => ({
                    key: option.id,
                    value: option.id,
                    content: (
                      <>
                        <span className="combobox__name">{option.name}</span> <span className="combobox__id">{option.id}</span>
                        {describe ? <> {describe(option)}</> : null}
                      </>
                    ),
                  }))}
                />
                {entry || isError ? (
                  <p className="field__note" id={noteId} data-testid={`picked-${name}`}>
                    {entry ? (
                      <>
                        <span className="combobox__name">{entry.name}</span> <span className="combobox__id">{entry.id}</span>
                        {describe ? <> {describe(entry)}</> : null}
                      </>
                    ) : (
                      `The ${noun} directory could not be loaded: ids are not checked.`
                    )}
                  </p>
                ) : null}
                <div aria-live="polite">
                  {warning ? (
                    <FieldWarning id={warningId} testId={`warning-${name}`}>
                      {warning}
                    </FieldWarning>
                  ) : null}
                </div>
              </>
            );
          }}
        />
      )}
    </Field>
  );
}
