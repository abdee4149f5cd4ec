import type { InputHTMLAttributes, Ref } from 'react';

type SwitchControlProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role' | 'checked' | 'onChange' | 'className'> & {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * An on/off switch: the browser's checkbox with role="switch", so Space, labels, forms and screen
 * readers work as they do for any checkbox, and no code loads for it.
 */
export function SwitchControl({ checked, onCheckedChange, ...input }: SwitchControlProps) {
  return (
    <input
      {...input}
      type="checkbox"
      role="switch"
      className="switch"
      checked={checked}
      onChange={(event) => onCheckedChange(event.target.checked)}
    />
  );
}
