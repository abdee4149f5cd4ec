import { Controller, useFormContext } from 'react-hook-form';
import { DIRECTORY, type DirectoryKind } from '../../../../../domain/directories';
import type { DirectoryDescriptor } from '../../../../../domain/directories/define-directory';
import type { DirectoryEntry } from '../../../../../domain/directories/directory-usage';
import { Field } from '../../../../components/form/field';
import { SuggestionInput } from '../../../../components/form/suggestion-input';
import { lookUpEntry, matchingEntries } from './matching-entries';
import { useDirectoryList } from '../../../../components/directory-pickers/directories-context';
import { PickerWarning } from '../../../../components/directory-pickers/picker-warning';
import { useFormEnvironment } from '../environment/form-environment';
import { resolvedForCheck } from '../../../../../domain/env-references';

const MAX_OPTIONS = 50;

/** What a picker takes from the field's descriptor (the form's `meta`). */
interface PickerFieldProps {
  name: string;
  required: boolean;
  help: string | undefined;
  placeholder: string | undefined;
}

/**
 * The field holds the entry's id; typing searches the directory by name or id (a combobox: arrows,
 * Enter, Escape), picking stores the id, and the picked entry's name and id
 * show under it. An id the directory lacks warns without blocking the save.
 */
export function DirectoryPickerField({ kind, name, required, help, placeholder }: PickerFieldProps & { kind: DirectoryKind }) {
  const directory: DirectoryDescriptor = DIRECTORY[kind];
  const { noun, picker } = directory;
  const label = picker?.label ?? noun;
  const { items, isError } = useDirectoryList(kind);
  const { control } = useFormContext();
  // An id given as {$env.NAME} is checked as it resolves in the form's environment.
  const variables = useFormEnvironment()?.variables;
  const describe = picker?.describe
    ? (entry: DirectoryEntry) => (
        <span className="combobox__meta" data-testid={`${kind}-meta`}>
          {picker.describe!(entry)}
        </span>
      )
    : undefined;
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(aria) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => {
            const value = String(field.value ?? '');
            const { entry, warning: missing } = lookUpEntry(items, resolvedForCheck(value, variables), noun);
            const warning = missing ?? (entry ? picker?.warn?.(entry) : undefined);
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
                <PickerWarning id={warningId} name={name} warning={warning} />
              </>
            );
          }}
        />
      )}
    </Field>
  );
}
