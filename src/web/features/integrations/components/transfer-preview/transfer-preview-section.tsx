import { useSampleVariables } from '../test-panel/sample-variables-context';
import { TransferPreview } from './transfer-preview';

/**
 * The preview as a collapsible part of the form, for those who do not open the Test panel; it resolves
 * variable references with the sample variables entered there (none until then: they show as unresolved).
 */
export function TransferPreviewSection() {
  const { botVariables, envVariables } = useSampleVariables();
  return (
    <details className="form-section" data-testid="transfer-preview-section">
      <summary className="form-section__summary">Transfer preview</summary>
      <p className="field__help">What the bot runtime would do with this transfer as the form stands, saved or not.</p>
      <TransferPreview botVariables={botVariables} envVariables={envVariables} />
    </details>
  );
}
