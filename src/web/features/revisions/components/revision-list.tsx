import type { RevisionSummary } from '../../../../domain/revision';
import { testCaseChangesLine } from './revision-test-cases';

const ACTION_LABELS: Record<RevisionSummary['action'], string> = {
  create: 'Created',
  update: 'Updated',
  restore: 'Restored',
  delete: 'Deleted',
  release: 'Released',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

interface RevisionListProps {
  revisions: RevisionSummary[];
  selected: number | null;
  currentVersion: number;
  onSelect: (version: number) => void;
}

/** Newest first, as the server sends them. */
export function RevisionList({ revisions, selected, currentVersion, onSelect }: RevisionListProps) {
  return (
    <ul className="revision-list" aria-label="Revisions">
      {revisions.map((revision) => (
        <li key={revision.version}>
          <button
            type="button"
            className="revision-list__item"
            aria-current={revision.version === selected ? 'true' : undefined}
            onClick={() => onSelect(revision.version)}
          >
            {/* The spaces between the parts keep the button's accessible name readable ("Version 3 Updated …"). */}
            <span className="revision-list__head">
              <span>Version {revision.version}</span>{' '}
              <span>
                {ACTION_LABELS[revision.action]}
                {revision.version === currentVersion ? ' · current' : ''}
              </span>
            </span>{' '}
            <span className="revision-list__meta">
              <time dateTime={revision.createdAt}>{timeFormat.format(new Date(revision.createdAt))}</time> by{' '}
              <span data-testid="revision-author">{revision.author.name}</span>
            </span>{' '}
            <span className="revision-list__summary">{revision.summary}</span>
            {revision.testCaseChanges.length > 0 ? (
              <>
                {' '}
                <span className="revision-list__summary">{testCaseChangesLine(revision.testCaseChanges)}</span>
              </>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
