import type { ReleaseChange, ReleaseProblem } from '../../../../domain/releases';
import { paths } from '../../../../domain/screen-routes';
import { Link } from '../../../lib/history-router';

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Each integration a release changes, with its fields before and after. */
export function ChangeList({ changes }: { changes: readonly ReleaseChange[] }) {
  if (changes.length === 0) return <p>No integrations.</p>;
  return (
    <ul className="release-changes">
      {changes.map((change) => (
        <li key={`${change.integrationId}-${change.action}`}>
          <strong>{change.name}</strong>{' '}
          <span className={`pill pill--${change.action === 'unchanged' ? 'success' : 'warning'}`}>{change.action}</span>
          {change.fields.length > 0 ? (
            <table className="release-plan__fields" aria-label={`Changes to ${change.name}`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {change.fields.map((field) => (
                  <tr key={field.path}>
                    <td>{field.path}</td>
                    <td>
                      <code>{shown(field.before)}</code>
                    </td>
                    <td>
                      <code>{shown(field.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Where each problem is fixed. */
function fixLink(problem: ReleaseProblem, targetBotId: string) {
  switch (problem.code) {
    case 'env-variable-missing':
      return <Link to={paths.environments()}>Fix it in the environments</Link>;
    case 'skill-missing':
      return <Link to={paths.skills()}>Fix it in the skill directory</Link>;
    case 'credential-missing':
      return <Link to={paths.credentials()}>Fix it in the credential directory</Link>;
    case 'function-missing':
      return <Link to={paths.functions()}>Fix it in the function directory</Link>;
    case 'knowledge-base-missing':
      return <Link to={paths.knowledgeBases()}>Fix it in the knowledge base directory</Link>;
    case 'escalation-failure-not-caught':
    case 'integration-in-use-renamed':
    case 'integration-in-use-removed':
      return <Link to={paths.dialogs(targetBotId)}>Fix it in the target's dialogs</Link>;
    default:
      return <Link to={paths.integrations(targetBotId)}>Fix it in the target's integrations</Link>;
  }
}

export function ProblemList({ problems, targetBotId }: { problems: readonly ReleaseProblem[]; targetBotId: string }) {
  if (problems.length === 0) return <p data-testid="release-no-problems">No problems found.</p>;
  return (
    <ul className="release-problems" aria-label="Problems">
      {problems.map((problem, index) => (
        <li key={index} className={`release-problem release-problem--${problem.severity}`}>
          <span className={`pill pill--${problem.severity === 'error' ? 'danger' : 'warning'}`}>
            {problem.severity === 'error' ? 'Error' : 'Warning'}
          </span>{' '}
          <strong>{problem.integrationName}</strong>
          {problem.field ? ` (${problem.field})` : ''}: {problem.detail} {fixLink(problem, targetBotId)}
          {problem.threeWay ? (
            <table className="release-plan__fields" aria-label={`Changes to ${problem.integrationName} on both sides`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Last released</th>
                  <th scope="col">In the target now</th>
                  <th scope="col">In this bot</th>
                </tr>
              </thead>
              <tbody>
                {problem.threeWay.map((row) => (
                  <tr key={row.path}>
                    <td>{row.path}</td>
                    <td>
                      <code>{shown(row.base)}</code>
                    </td>
                    <td>
                      <code>{shown(row.target)}</code>
                    </td>
                    <td>
                      <code>{shown(row.source)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
