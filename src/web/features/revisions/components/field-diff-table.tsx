import type { FieldDiffRow } from './field-diff';

function Cell({ value }: { value: string | null }) {
  if (value === null) return <span className="field-diff__empty">not set</span>;
  if (value === '') return <span className="field-diff__empty">empty</span>;
  return <>{value}</>;
}

export function FieldDiffTable({
  rows,
  revisionVersion,
  currentVersion,
}: {
  rows: FieldDiffRow[];
  revisionVersion: number;
  currentVersion: number;
}) {
  const changed = rows.filter((row) => row.changed).length;
  return (
    <table className="field-diff" aria-label="Fields" aria-describedby="field-diff-count">
      <caption id="field-diff-count" className="visually-hidden">
        {changed === 0 ? 'No field differs.' : changed === 1 ? '1 field differs.' : `${changed} fields differ.`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Version {revisionVersion}</th>
          <th scope="col">Current (version {currentVersion})</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-changed={row.changed || undefined}>
            <th scope="row">
              {row.label}
              {row.changed ? <span className="field-diff__badge">Changed</span> : null}
            </th>
            <td>
              <Cell value={row.revision} />
            </td>
            <td>
              <Cell value={row.current} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
