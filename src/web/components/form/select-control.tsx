import { Select } from 'radix-ui';
import type { ControlProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectControlProps extends ControlProps {
  value: string;
  options: readonly SelectOption[];
  placeholder?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  testId?: string;
}

/** Radix Select: keyboard, typeahead and focus handling from a maintained primitive. */
export function SelectControl({ value, options, placeholder, onChange, onBlur, testId, id, ...aria }: SelectControlProps) {
  return (
    <Select.Root value={value || undefined} onValueChange={onChange} onOpenChange={(open) => !open && onBlur?.()}>
      <Select.Trigger className="select" id={id} aria-labelledby={`${id}-label`} data-testid={testId} {...aria}>
        <Select.Value placeholder={placeholder ?? 'Select…'} />
        <Select.Icon className="select__icon" aria-hidden="true">
          ▾
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="select__content" position="popper" sideOffset={4}>
          <Select.Viewport>
            {options.map((option) => (
              <Select.Item key={option.value} value={option.value} className="select__item">
                <Select.ItemText>{option.label}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
