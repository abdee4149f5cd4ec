import { labelOfFieldPath } from '../../../../domain/field-labels';
import { INTEGRATION_TYPE_LABELS } from '../../../../domain/integration-types';
import type { ImportPlan, ImportProblem } from '../api/import-bot';
import { summarizeValues } from './plan-summary';

const FORMAT_LABELS: Record<ImportPlan['format'], string> = {
  cb: 'Conversation Builder export',
  native: 'Integrations Panel export',
};

function ProblemList({ problems, label }: { problems: ImportProblem[]; label: string }) {
  return (
    <ul className="import-plan__problems" aria-label={label}>
      {problems.map((problem) => (
        <li key={`${problem.sourcePath}:${problem.message}`}>
          <strong>{labelOfFieldPath(problem.path)}</strong>: {problem.message}{' '}
          <code className="import-plan__source">{problem.sourcePath}</code>
        </li>
      ))}
    </ul>
  );
}

/** The dry run, as the user decides on it: what will be created, and what stops the import. */
export function ImportPlanView({ plan, fileName, summaryId }: { plan: ImportPlan; fileName: string; summaryId: string }) {
  const botName = plan.bot.values?.name ?? '(no valid name)';
  const count = plan.integrations.length;
  return (
    <div className="import-plan" data-testid="import-plan">
      <dl className="import-plan__bot">
        <div>
          <dt>Bot</dt>
          <dd data-testid="import-bot-name">{botName}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>
            {fileName} ({FORMAT_LABELS[plan.format]})
          </dd>
        </div>
      </dl>
      {plan.valid ? (
        <p id={summaryId} className="import-plan__summary">
          Ready to import {count === 1 ? '1 integration' : `${count} integrations`}.
          {plan.bot.keptKeys.length > 0
            ? ` The rest of the file (${plan.bot.keptKeys.length} parts such as dialogs) is kept and written back on export.`
            : ''}
        </p>
      ) : (
        <p id={summaryId} className="import-plan__summary import-plan__summary--invalid" data-testid="import-problems">
          {plan.problemCount === 1 ? '1 problem stops' : `${plan.problemCount} problems stop`} the import. Nothing is imported until the
          file is fixed: correct it, then choose it again.
        </p>
      )}
      {plan.bot.problems.length > 0 ? <ProblemList problems={plan.bot.problems} label="Problems of the bot" /> : null}
      <ul className="import-plan__list" aria-label="Integrations to import">
        {plan.integrations.map((item) => (
          <li key={item.index} className="import-plan__item" data-invalid={item.problems.length > 0 || undefined}>
            <div className="import-plan__item-head">
              <span className="import-plan__name">{item.sourceName}</span>
              <span className="import-plan__type">{item.type ? INTEGRATION_TYPE_LABELS[item.type] : 'Unknown type'}</span>
            </div>
            {item.values && item.type ? (
              <dl className="import-plan__values">
                {summarizeValues(item.type, item.values).map((entry) => (
                  <div key={entry.label}>
                    <dt>{entry.label}</dt>
                    <dd>{entry.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {item.problems.length > 0 ? <ProblemList problems={item.problems} label={`Problems of ${item.sourceName}`} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
