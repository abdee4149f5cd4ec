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

/**
 * The browser's own select: keyboard, typeahead and screen readers as every platform does them, the
 * phone's own picker on touch screens, and no code to load before the form takes input.
 */
export function SelectControl({ value, options, placeholder, onChange, onBlur, testId, ...control }: SelectControlProps) {
  return (
    <select
      {...control}
      className="select"
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    >
      {/* A value not chosen yet (or not one of the options) shows as the prompt, never as the first option. */}
      {options.some((option) => option.value === value) ? null : (
        <option value={value} disabled hidden>
          {placeholder ?? 'Select…'}
        </option>
      )}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
