import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { RowPlaceholder } from '../../../../../domain/integration-types';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from '../../../../components/form/env-completion';
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
  const { register, setValue } = useFormContext();
  const keyName = `${name}.${index}.key`;
  const valueName = `${name}.${index}.value`;
  const keyError = useFieldError(keyName);
  const valueError = useFieldError(valueName);
  const n = index + 1;
  const rowId = `${fieldId(name)}-${n}`;
  const errorId = `${rowId}-error`;
  const [keyText = '', valueText = ''] = useWatch({ name: [keyName, valueName] }) as [string | undefined, string | undefined];
  const put = (field: string) => (text: string) => setValue(field, text, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  const keyCompletion = useEnvCompletion({ id: `${rowId}-key`, kind: 'input', onValue: put(keyName) });
  const valueCompletion = useEnvCompletion({ id: `${rowId}-value`, kind: 'input', onValue: put(valueName) });
  const keyNoted = useEnvNoteShown(keyText);
  const valueNoted = useEnvNoteShown(valueText);
  return (
    <div className="kv__row">
      <input
        className="input"
        aria-label={`${item} key ${n}`}
        aria-invalid={Boolean(keyError)}
        aria-describedby={describedWithNote(keyError ? errorId : undefined, `${rowId}-key-env`, keyNoted)}
        placeholder={placeholder.key}
        autoComplete="off"
        {...keyCompletion.props}
        {...register(keyName)}
      />
      <input
        className="input"
        aria-label={`${item} value ${n}`}
        aria-invalid={Boolean(valueError)}
        aria-describedby={describedWithNote(valueError ? errorId : undefined, `${rowId}-value-env`, valueNoted)}
        placeholder={placeholder.value}
        autoComplete="off"
        {...valueCompletion.props}
        {...register(valueName)}
      />
      {keyCompletion.popup}
      {valueCompletion.popup}
      <button
        type="button"
        className="button button--icon"
        aria-label={`Remove ${item.toLowerCase()} ${n}`}
        onClick={() => onRemove(index)}
      >
        ✕
      </button>
      {keyNoted || valueNoted ? (
        <div className="kv__note">
          <EnvNote id={`${rowId}-key-env`} text={keyText} testId={`env-resolved-${keyName}`} />
          <EnvNote id={`${rowId}-value-env`} text={valueText} testId={`env-resolved-${valueName}`} />
        </div>
      ) : null}
      {keyError || valueError ? (
        <p className="field__error kv__error" role="alert" id={errorId}>
          {[keyError, valueError].filter(Boolean).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
