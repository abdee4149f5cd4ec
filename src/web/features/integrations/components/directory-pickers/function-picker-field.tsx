import type { LpFunction } from '../../../../../domain/directories/lp-function';
import { DirectoryComboboxField, type PickerFieldProps } from './directory-combobox-field';
import { useResourceDirectories } from './resource-directories-context';

/** What a bot gets when it calls a function in each state. */
export function deploymentWarning(fn: Pick<LpFunction, 'name' | 'state'>): string | undefined {
  if (fn.state === 'Draft')
    return `“${fn.name}” is a draft, not deployed: the bot cannot call it until it is deployed in LivePerson Functions.`;
  if (fn.state === 'Modified') return `“${fn.name}” has changes that are not deployed: the bot calls the last deployed version.`;
  return undefined;
}

/** LivePerson Functions: Function, picked from the functions with its state; one not deployed warns. */
export function FunctionPickerField({ name, required, help, placeholder }: PickerFieldProps) {
  const { functions } = useResourceDirectories();
  return (
    <DirectoryComboboxField
      name={name}
      label="Function"
      required={required}
      help={help}
      placeholder={placeholder}
      noun="function"
      items={functions.items}
      isError={functions.isError}
      describe={(fn) => (
        <span className={`pill pill--${fn.state === 'Productive' ? 'success' : 'warning'}`} data-testid="function-state">
          {fn.state}
        </span>
      )}
      entryWarning={deploymentWarning}
    />
  );
}
