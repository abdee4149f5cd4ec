import type { SampleVariable } from './sample-variables-context';

interface SampleVariableListProps {
  legend: string;
  /** Singular, for the accessible names: "Bot variable" gives "Bot variable key 1", "Remove bot variable 1". */
  item: string;
  rows: SampleVariable[];
  onChange: (rows: SampleVariable[]) => void;
  help: string;
  testId: string;
}

/** Key/value rows held by the Test panel (not part of the integration, so not in the form). */
export function SampleVariableList({ legend, item, rows, onChange, help, testId }: SampleVariableListProps) {
  const helpId = `${testId}-help`;
  const update = (index: number, change: Partial<SampleVariable>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const lower = item.toLowerCase();
  return (
    <fieldset className="test-panel__variables" aria-describedby={helpId} data-testid={testId}>
      <legend className="field__label">{legend}</legend>
      <p className="field__help" id={helpId}>
        {help}
      </p>
      {rows.length === 0 ? <p className="kv__empty">None.</p> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <div className="test-panel__variable" key={index}>
            <input
              className="input"
              aria-label={`${item} key ${n}`}
              placeholder="Key"
              autoComplete="off"
              spellCheck={false}
              value={row.key}
              onChange={(event) => update(index, { key: event.target.value })}
            />
            <input
              className="input"
              aria-label={`${item} value ${n}`}
              placeholder="Value"
              autoComplete="off"
              spellCheck={false}
              value={row.value}
              onChange={(event) => update(index, { value: event.target.value })}
            />
            <button
              type="button"
              className="button button--icon"
              aria-label={`Remove ${lower} ${n}`}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button type="button" className="button button--small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add {lower}
      </button>
    </fieldset>
  );
}
