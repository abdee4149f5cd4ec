import type { ReactNode } from 'react';
import { ScriptEditorBridgeProvider } from '../script-editor/script-editor-bridge';
import { SampleVariablesProvider } from '../test-panel/sample-variables-context';
import { TestPanelProvider, useTestPanel } from '../test-panel/test-panel-context';

function Layout({ children }: { children: ReactNode }) {
  const { open } = useTestPanel();
  // Beside the form when open (below it on narrow screens); the form alone otherwise.
  return <div className={open ? 'form-workspace form-workspace--testing' : 'form-workspace'}>{children}</div>;
}

/**
 * Around the form and its Test panel: the sample variables (read by any component inside the form,
 * e.g. a transfer preview), the handle on the script editor, and whether the Test panel is open.
 */
export function FormWorkspace({ children }: { children: ReactNode }) {
  return (
    <SampleVariablesProvider>
      <ScriptEditorBridgeProvider>
        <TestPanelProvider>
          <Layout>{children}</Layout>
        </TestPanelProvider>
      </ScriptEditorBridgeProvider>
    </SampleVariablesProvider>
  );
}
