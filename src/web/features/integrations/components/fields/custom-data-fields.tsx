import { useEffect, useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { notify } from '../../../../lib/notify';
import { MAX_CUSTOM_DATA_FIELDS } from '../../../../../domain/limits';
import { customDataValueWarnings } from '../../../../../domain/custom-data-warnings';
import { useFieldError } from '../../../../components/form/field';
import { commonFieldText } from './field-meta';
import { FieldWarning } from '../../../../components/form/field-warning';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from '../../../../components/form/env-completion';

/** Key/value rows that dialogs read as {IntegrationName.key} (reference §2.4). */
export function CustomDataFields() {
  const { control } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'customDataFields' });
  const [integrationName, responseDataVariable, rows] = useWatch({
    control,
    name: ['name', 'responseDataVariable', 'customDataFields'],
  }) as [string, string | undefined, { key: string }[] | undefined];
  const variable = responseDataVariable || integrationName || '<ResponseDataVariable>';
  const listError = useFieldError('customDataFields');
  const addRow = () => append({ key: '', value: '' });
  const group = useRef<HTMLFieldSetElement>(null);
  const moved = useRef<{ to: number; up: boolean } | null>(null);
  const moveRow = (from: number, to: number) => {
    moved.current = { to, up: to < from };
    move(from, to);
  };
  // A moved row's arrow loses the focus as the row moves in the document (or is disabled at an end): the
  // focus follows the row to its new place, on the same arrow, or on the other one at the top or the bottom.
  useEffect(() => {
    const target = moved.current;
    if (!target || !group.current) return;
    moved.current = null;
    const n = target.to + 1;
    const arrow = (up: boolean) =>
      group.current?.querySelector<HTMLButtonElement>(`button[aria-label="Move row ${n} ${up ? 'up' : 'down'}"]`);
    const same = arrow(target.up);
    (same && !same.disabled ? same : arrow(!target.up))?.focus();
  });

  return (
    <fieldset ref={group} className="field cdf" aria-describedby="customDataFields-help" data-testid="field-customDataFields">
      <legend className="field__label">{commonFieldText('customDataFields').label}</legend>
      <p className="field__help" id="customDataFields-help">
        {commonFieldText('customDataFields').help} The value is a JSON path such as <code>{`{$.api_${variable}.path}`}</code>.
      </p>
      {fields.length === 0 ? (
        <div className="cdf__empty">
          <p>No custom data fields yet. Add one to keep a value from the response for your dialogs.</p>
          <button type="button" className="button" onClick={addRow}>
            Add the first field
          </button>
        </div>
      ) : (
        <ol className="cdf__rows">
          {fields.map((row, index) => (
            <CustomDataRow
              key={row.id}
              index={index}
              count={fields.length}
              integrationName={integrationName}
              variable={variable}
              rowKey={rows?.[index]?.key ?? ''}
              onMove={moveRow}
              onRemove={remove}
            />
          ))}
        </ol>
      )}
      {listError ? (
        <p className="field__error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.length > 0 && fields.length < MAX_CUSTOM_DATA_FIELDS ? (
        <button type="button" className="button button--small" onClick={addRow}>
          Add custom data field
        </button>
      ) : null}
    </fieldset>
  );
}

interface CustomDataRowProps {
  index: number;
  count: number;
  integrationName: string;
  variable: string;
  rowKey: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function CustomDataRow({ index, count, integrationName, variable, rowKey, onMove, onRemove }: CustomDataRowProps) {
  const { register, setValue } = useFormContext();
  const keyError = useFieldError(`customDataFields.${index}.key`);
  const valueError = useFieldError(`customDataFields.${index}.value`);
  const n = index + 1;
  const reference = `{${integrationName || 'IntegrationName'}.${rowKey || 'key'}}`;
  const errorId = `cdf-error-${n}`;
  const value = (useWatch({ name: `customDataFields.${index}.value` }) as string | undefined) ?? '';
  const warnings = customDataValueWarnings(value, variable);
  const valueName = `customDataFields.${index}.value`;
  const completion = useEnvCompletion({
    id: `cdf-value-${n}`,
    kind: 'input',
    onValue: (text) => setValue(valueName, text, { shouldDirty: true, shouldTouch: true, shouldValidate: true }),
  });
  const noted = useEnvNoteShown(value);
  const noteId = `cdf-env-${n}`;
  return (
    <li className={keyError || valueError ? 'cdf__row cdf__row--invalid' : 'cdf__row'} data-testid={`cdf-row-${n}`}>
      <span className="cdf__index" aria-hidden="true">
        {n}
      </span>
      <input
        className="input cdf__key"
        aria-label={`Key ${n}`}
        aria-invalid={Boolean(keyError)}
        aria-describedby={keyError ? `${errorId}-key` : undefined}
        placeholder="key"
        autoComplete="off"
        spellCheck={false}
        {...register(`customDataFields.${index}.key`)}
      />
      <input
        className="input cdf__value"
        aria-label={`Value ${n}`}
        aria-invalid={Boolean(valueError)}
        aria-describedby={describedWithNote(valueError ? `${errorId}-value` : undefined, noteId, noted)}
        placeholder={`{$.api_${variable}.path}`}
        autoComplete="off"
        spellCheck={false}
        {...completion.props}
        {...register(valueName)}
      />
      {completion.popup}
      <div className="cdf__actions">
        <button
          type="button"
          className="button button--icon"
          aria-label={`Move row ${n} up`}
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-label={`Move row ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--icon button--danger-text"
          aria-label={`Remove row ${n}`}
          onClick={() => onRemove(index)}
        >
          ✕
        </button>
      </div>
      {warnings.length > 0 ? (
        <div className="cdf__warnings" data-testid={`cdf-warning-${n}`}>
          {warnings.map((warning) => (
            <FieldWarning key={warning}>{warning}</FieldWarning>
          ))}
        </div>
      ) : null}
      {noted ? (
        <div className="cdf__note">
          <EnvNote id={noteId} text={value} testId={`env-resolved-${valueName}`} />
        </div>
      ) : null}
      <div className="cdf__reference">
        <span>Dialogs use</span> <code data-testid={`cdf-reference-${n}`}>{reference}</code>
        <button
          type="button"
          className="button button--link"
          aria-label={`Copy reference ${reference}`}
          onClick={() => void copy(reference)}
        >
          Copy
        </button>
      </div>
      {keyError || valueError ? (
        <div className="cdf__errors" role="alert" data-testid={errorId}>
          {keyError ? (
            <p className="field__error" id={`${errorId}-key`}>
              {keyError}
            </p>
          ) : null}
          {valueError ? (
            <p className="field__error" id={`${errorId}-value`}>
              {valueError}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', `Copied ${text}`);
  } catch {
    notify('error', 'Copying was blocked by the browser: select the reference and copy it by hand.');
  }
}
