import { ActionFailure } from '../../../../components/action-failure';
import type { SaveFailure } from './use-integration-save';

/** Next to Save, in the sticky header: seen wherever the user had scrolled to when saving. */
export function SaveFailureMessage({ failure, saving, onRetry }: { failure: SaveFailure; saving: boolean; onRetry: () => void }) {
  return (
    <ActionFailure
      failure={failure}
      testId="form-problem"
      // The same request cannot succeed until the fields change: Save is the retry then.
      onRetry={failure.kind === 'request' ? undefined : onRetry}
      retrying={saving}
    >
      {failure.items.length > 0 ? (
        <ul>
          {failure.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </ActionFailure>
  );
}
