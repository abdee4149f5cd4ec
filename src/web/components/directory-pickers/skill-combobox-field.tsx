import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '../form/field';
import { SuggestionInput } from '../form/suggestion-input';
import { useDirectoryList } from './directories-context';
import { matchingSkills } from './skill-directory-check';
import { PickerWarning } from './picker-warning';

const MAX_OPTIONS = 50;

interface SkillComboboxFieldProps {
  name: 'agentSkillName' | 'agentSkillId';
  label: string;
  required: boolean;
  help: string | undefined;
  placeholder: string | undefined;
  warning: string | undefined;
  /** Shown under the input, e.g. that the directory could not be loaded. */
  note?: ReactNode;
}

/**
 * A free-text field with the skill directory as suggestions.
 * Picking a skill fills both Agent Skill Name and Agent Skill Id; typing anything stays allowed.
 */
export function SkillComboboxField({ name, label, required, help, placeholder, warning, note }: SkillComboboxFieldProps) {
  const { control, setValue } = useFormContext();
  const { items: skills } = useDirectoryList('skills');
  const pick = (skill: { id: string; name: string }) => {
    const options = { shouldDirty: true, shouldValidate: true, shouldTouch: true };
    setValue('agentSkillName', skill.name, options);
    setValue('agentSkillId', skill.id, options);
  };
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(aria) => {
        const warningId = `${aria.id}-warning`;
        const noteId = `${aria.id}-note`;
        const describedBy =
          [aria['aria-describedby'], warning ? warningId : null, note ? noteId : null].filter(Boolean).join(' ') || undefined;
        return (
          <Controller
            control={control}
            name={name}
            render={({ field }) => {
              const value = String(field.value ?? '');
              const options = skills ? matchingSkills(skills, value).slice(0, MAX_OPTIONS) : [];
              return (
                <>
                  <SuggestionInput
                    field={{ ...field, value }}
                    control={{ ...aria, 'aria-describedby': describedBy }}
                    placeholder={placeholder}
                    testId={`combobox-${name}`}
                    listLabel={`Skills for ${label}`}
                    options={options.map((skill) => ({
                      key: skill.id,
                      value: name === 'agentSkillId' ? skill.id : skill.name,
                      onPick: () => pick(skill),
                      content: (
                        <>
                          <span className="combobox__name">{skill.name}</span> <span className="combobox__id">{skill.id}</span>
                        </>
                      ),
                    }))}
                  />
                  <PickerWarning id={warningId} name={name} warning={warning} />
                  {note ? (
                    <p className="field__note" id={noteId}>
                      {note}
                    </p>
                  ) : null}
                </>
              );
            }}
          />
        );
      }}
    </Field>
  );
}
