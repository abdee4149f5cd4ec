import { memo, useDeferredValue, useId, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { notify } from '../../../../lib/notify';
import { customDataValueReads, customDataWarningParts, customDataWarningsOf } from '../../../../../domain/custom-data-warnings';
import { useArrayFieldError } from '../../../../components/form/field';
import { FieldWarning } from '../../../../components/form/field-warning';
import { EnvNote, envTextOf, useEnvCompletion, useEnvNoteShown } from '../../../../components/form/env-completion';
import { ROW_NAME_ATTRIBUTE, rowNameText, useSettledVariable, type RowNamesStore } from './custom-data-names';

interface CustomDataRowProps {
  index: number;
  last: boolean;
  names: RowNamesStore;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/**
 * One key/value row. It renders when its place or its errors change; what follows its key (the reference)
 * and its value (the warnings) are parts of their own, and the integration's names are written into it
 * (custom-data-names.ts), so a keystroke anywhere else renders no row.
 */
export const CustomDataRow = memo(function CustomDataRow({ index, last, names, onMove, onRemove }: CustomDataRowProps) {
  const { register, setValue } = useFormContext();
  const keyError = useArrayFieldError(`customDataFields.${index}.key`);
  const valueError = useArrayFieldError(`customDataFields.${index}.value`);
  const n = index + 1;
  const errorId = `cdf-error-${n}`;
  const valueName = `customDataFields.${index}.value`;
  // Renders the row only while its `{$env.` list is open or closes.
  const completion = useEnvCompletion({
    id: `cdf-value-${n}`,
    kind: 'input',
    onValue: (text) => setValue(valueName, text, { shouldDirty: true, shouldTouch: true, shouldValidate: true }),
  });
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
        // The note's id is named even while it is not drawn (an id that is not there describes nothing), so
        // the row need not follow its value to say whether the note is there.
        aria-describedby={[valueError ? `${errorId}-value` : null, noteId].filter(Boolean).join(' ')}
        placeholder={rowNameText(names.current(), 'placeholder')}
        {...{ [ROW_NAME_ATTRIBUTE]: 'placeholder' }}
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
          disabled={last}
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
      <CustomDataRowWarnings index={index} names={names} />
      <CustomDataRowEnvNote index={index} id={noteId} />
      <CustomDataRowReference index={index} names={names} />
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
});

/**
 * The row's warnings: judged from its value after the keystroke's frame (a deferred value), and against the
 * integration's variable once it has settled, rendering when the warnings change, not at every letter of the name.
 */
const CustomDataRowWarnings = memo(function CustomDataRowWarnings({ index, names }: { index: number; names: RowNamesStore }) {
  const value = useDeferredValue((useWatch({ name: `customDataFields.${index}.value` }) as string | undefined) ?? '');
  const reads = useMemo(() => customDataValueReads(value), [value]);
  // Which warnings, as one string: equal strings render nothing again (the variable in their text is written in).
  const which = useSettledVariable(names, (variable) =>
    customDataWarningsOf(reads, variable)
      .map((warning) => (warning.kind === 'another-integration' ? `a:${warning.read}` : `o:${warning.path}`))
      .join('\n'),
  );
  const warnings = useMemo(() => (which ? customDataWarningsOf(reads, names.settled()) : []), [which, reads, names]);
  if (warnings.length === 0) return null;
  return (
    <div className="cdf__warnings" data-testid={`cdf-warning-${index + 1}`}>
      {warnings.map((warning) => {
        const { before, ownVariable, after } = customDataWarningParts(warning);
        return (
          <FieldWarning key={before}>
            {before}
            {ownVariable === undefined ? null : (
              <span {...{ [ROW_NAME_ATTRIBUTE]: 'variable' }}>{rowNameText(names.current(), 'variable')}</span>
            )}
            {after}
          </FieldWarning>
        );
      })}
    </div>
  );
});

/** What the value's `{$env.NAME}` references resolve to: follows the value only while it holds one. */
const CustomDataRowEnvNote = memo(function CustomDataRowEnvNote({ index, id }: { index: number; id: string }) {
  const valueName = `customDataFields.${index}.value`;
  const value = useWatch({ name: valueName, compute: envTextOf });
  if (!useEnvNoteShown(value)) return null;
  return (
    <div className="cdf__note">
      <EnvNote id={id} text={value} testId={`env-resolved-${valueName}`} />
    </div>
  );
});

/** "Dialogs use {Name.key}": renders with the row's key; the name in it is written in as it is typed. */
const CustomDataRowReference = memo(function CustomDataRowReference({ index, names }: { index: number; names: RowNamesStore }) {
  const { getValues } = useFormContext();
  const key = (useWatch({ name: `customDataFields.${index}.key` }) as string | undefined) || 'key';
  const referenceId = useId();
  const copyId = useId();
  return (
    <div className="cdf__reference">
      <span>Dialogs use</span>{' '}
      <code data-testid={`cdf-reference-${index + 1}`} id={referenceId}>
        {'{'}
        <span {...{ [ROW_NAME_ATTRIBUTE]: 'reference' }}>{rowNameText(names.current(), 'reference')}</span>.{key}
        {'}'}
      </code>
      <button
        type="button"
        id={copyId}
        className="button button--link"
        // Named "Copy reference {Name.key}" from the reference shown, so the name written into it is in it too.
        aria-labelledby={`${copyId} ${referenceId}`}
        onClick={() => {
          const name = rowNameText(names.current(), 'reference');
          const rowKey = (getValues(`customDataFields.${index}.key`) as string | undefined) || 'key';
          void copy(`{${name}.${rowKey}}`);
        }}
      >
        Copy<span className="visually-hidden"> reference</span>
      </button>
    </div>
  );
});

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', `Copied ${text}`);
  } catch {
    notify('error', 'Copying was blocked by the browser: select the reference and copy it by hand.');
  }
}
