import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_CUSTOM_DATA_FIELDS } from '../../../../../domain/limits';
import { useFieldError } from '../../../../components/form/field';
import { commonFieldText } from './field-meta';
import { CustomDataRow } from './custom-data-row';
import { createRowNames, rowNamesOf, useRowNamesWriter, type WritableRowNames } from './custom-data-names';

/** Key/value rows that dialogs read as {IntegrationName.key} (reference §2.4). */
export function CustomDataFields() {
  const { control, getValues } = useFormContext();
  // The list renders when rows are added, removed or moved; a row follows its own values, the help the names.
  const { fields, append, remove, move } = useFieldArray({ control, name: 'customDataFields' });
  const [names] = useState(() => createRowNames(rowNamesOf(getValues('name') as string, getValues('responseDataVariable') as string)));
  const listError = useFieldError('customDataFields');
  const addRow = () => append({ key: '', value: '' });
  const group = useRef<HTMLFieldSetElement>(null);
  const moved = useRef<{ to: number; up: boolean } | null>(null);
  // The rows are memoised: what they are given stays the same object from one render of the list to the next.
  const arrayActions = useRef({ move, remove });
  useLayoutEffect(() => {
    arrayActions.current = { move, remove };
  });
  const moveRow = useCallback((from: number, to: number) => {
    moved.current = { to, up: to < from };
    arrayActions.current.move(from, to);
  }, []);
  const removeRow = useCallback((index: number) => arrayActions.current.remove(index), []);
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
      <CustomDataHelp names={names} group={group} />
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
              last={index === fields.length - 1}
              names={names}
              onMove={moveRow}
              onRemove={removeRow}
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

/**
 * The one part of the list that follows the integration's name: its help, and the names every row shows,
 * written into the rows at the keystroke (and judged by their warnings after its frame).
 */
function CustomDataHelp({ names, group }: { names: WritableRowNames; group: React.RefObject<HTMLFieldSetElement | null> }) {
  const [name, responseDataVariable] = useWatch({ name: ['name', 'responseDataVariable'] }) as [string | undefined, string | undefined];
  const current = useMemo(() => rowNamesOf(name, responseDataVariable), [name, responseDataVariable]);
  useRowNamesWriter(names, group, current, useDeferredValue(current.variable));
  return (
    <p className="field__help" id="customDataFields-help">
      {commonFieldText('customDataFields').help} The value is a JSON path such as <code>{`{$.api_${current.variable}.path}`}</code>.
    </p>
  );
}
