import { lazy, Suspense, useState } from 'react';
import { LoadingState } from '../../../../components/states';
import { useTestPanel } from './test-panel-context';

// Most visits never open the panel: its code loads on the first click on Test.
const TestPanel = lazy(() => import('./test-panel').then((module) => ({ default: module.TestPanel })));

/** Mounts the Test panel on first open and keeps it mounted, so what was entered survives closing it. */
export function TestPanelHost({ botId }: { botId: string }) {
  const { open } = useTestPanel();
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense
      fallback={
        <div className="test-panel" hidden={!open}>
          <LoadingState label="Loading the test panel…" />
        </div>
      }
    >
      <TestPanel botId={botId} />
    </Suspense>
  );
}
