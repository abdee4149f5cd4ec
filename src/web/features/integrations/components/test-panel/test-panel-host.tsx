import { useState } from 'react';
import { retryableLazy } from '../../../../components/lazy-part';
import { LoadingState } from '../../../../components/states';
import { useTestPanel } from './test-panel-context';

// Most visits never open the panel: its code loads on the first click on Test.
const TestPanel = retryableLazy<{ botId: string; integrationId: string | null }>(
  () => import('./test-panel').then((module) => ({ default: module.TestPanel })),
  'the test panel',
);

/** Mounts the Test panel on first open and keeps it mounted, so what was entered survives closing it. */
export function TestPanelHost({ botId, integrationId }: { botId: string; integrationId: string | null }) {
  const { open } = useTestPanel();
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  // A failed load shows its error (and Retry) where the panel would be, beside the form.
  return (
    <div className="test-panel-slot" hidden={!open}>
      <TestPanel
        botId={botId}
        integrationId={integrationId}
        fallback={
          <div className="test-panel">
            <LoadingState label="Loading the test panel…" />
          </div>
        }
      />
    </div>
  );
}
