import { Combobox, ComboboxItem, ComboboxPopover, ComboboxProvider } from '@ariakit/react';
import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '../../../components/form/field';
import { useSkillDirectory } from './skill-directory-context';
import { matchingSkills } from './skill-directory-check';

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
 * A free-text field with the skill directory as suggestions (Ariakit's combobox does the ARIA and keys).
 * Picking a skill fills both Agent Skill Name and Agent Skill Id; typing anything stays allowed.
 */
export function SkillComboboxField({ name, label, required, help, placeholder, warning, note }: SkillComboboxFieldProps) {
  const { control, setValue } = useFormContext();
  const { skills } = useSkillDirectory();
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
                  <ComboboxProvider value={value} setValue={(next) => next !== value && field.onChange(next)}>
                    <Combobox
                      {...aria}
                      aria-describedby={describedBy}
                      ref={field.ref}
                      name={field.name}
                      onBlur={field.onBlur}
                      className="input"
                      placeholder={placeholder}
                      spellCheck={false}
                      data-testid={`combobox-${name}`}
                    />
                    {options.length > 0 ? (
                      <ComboboxPopover gutter={4} sameWidth unmountOnHide className="combobox__popover" aria-label={`Skills for ${label}`}>
                        {options.map((skill) => (
                          <ComboboxItem
                            key={skill.id}
                            className="combobox__item"
                            value={name === 'agentSkillId' ? skill.id : skill.name}
                            setValueOnClick={false}
                            onClick={() => pick(skill)}
                          >
                            <span className="combobox__name">{skill.name}</span> <span className="combobox__id">{skill.id}</span>
                          </ComboboxItem>
                        ))}
                      </ComboboxPopover>
                    ) : null}
                  </ComboboxProvider>
                  <div aria-live="polite">
                    {warning ? (
                      <p className="field__warning" id={warningId} data-testid={`warning-${name}`}>
                        <span className="field__warning-icon" aria-hidden="true">
                          ⚠
                        </span>
                        <span className="visually-hidden">Warning: </span>
                        {warning}
                      </p>
                    ) : null}
                  </div>
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
