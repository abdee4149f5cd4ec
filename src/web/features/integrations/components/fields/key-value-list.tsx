import { useFieldArray, useFormContext } from 'react-hook-form';
import type { RowPlaceholder } from '../../../../../domain/integration-types';
import { fieldId, useFieldError } from '../../../../components/form/field';

interface KeyValueListProps {
  name: string;
  label: string;
  /** Singular noun for the accessible names of the cells, e.g. "Header" gives "Header key 1". */
  item: string;
  help?: string;
  /** The examples an empty row shows, from the type's descriptor. */
  rowPlaceholder?: RowPlaceholder;
}

/** Request headers and parameters: free key/value rows. */
export function KeyValueList({ name, label, item, help, rowPlaceholder = { key: 'Key', value: 'Value' } }: KeyValueListProps) {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  const id = fieldId(name);
  return (
    <fieldset className="field kv" aria-describedby={help ? `${id}-help` : undefined} data-testid={`field-${name}`}>
      <legend className="field__label">{label}</legend>
      {fields.length === 0 ? <p className="kv__empty">None yet.</p> : null}
      {fields.map((row, index) => (
        <KeyValueRow key={row.id} name={name} item={item} index={index} placeholder={rowPlaceholder} onRemove={remove} />
      ))}
      <button type="button" className="button button--small" onClick={() => append({ key: '', value: '' })}>
        Add {item.toLowerCase()}
      </button>
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </fieldset>
  );
}

interface KeyValueRowProps {
  name: string;
  item: string;
  index: number;
  placeholder: RowPlaceholder;
  onRemove: (index: number) => void;
}

function KeyValueRow({ name, item, index, placeholder, onRemove }: KeyValueRowProps) {
  const { register } = useFormContext();
  const keyError = useFieldError(`${name}.${index}.key`);
  const valueError = useFieldError(`${name}.${index}.value`);
  const n = index + 1;
  const errorId = `${fieldId(name)}-${n}-error`;
  return (
    <div className="kv__row">
      <input
        className="input"
        aria-label={`${item} key ${n}`}
        aria-invalid={Boolean(keyError)}
        aria-describedby={keyError ? errorId : undefined}
        placeholder={placeholder.key}
        autoComplete="off"
        {...register(`${name}.${index}.key`)}
      />
      <input
        className="input"
        aria-label={`${item} value ${n}`}
        aria-invalid={Boolean(valueError)}
        aria-describedby={valueError ? errorId : undefined}
        placeholder={placeholder.value}
        autoComplete="off"
        {...register(`${name}.${index}.value`)}
      />
      <button
        type="button"
        className="button button--icon"
        aria-label={`Remove ${item.toLowerCase()} ${n}`}
        onClick={() => onRemove(index)}
      >
        ✕
      </button>
      {keyError || valueError ? (
        <p className="field__error kv__error" role="alert" id={errorId}>
          {[keyError, valueError].filter(Boolean).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
