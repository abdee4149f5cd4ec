import type { PreviewVariable } from '../../../../domain/transfer-preview';
import { TransferPreview } from './transfer-preview';

const NO_VARIABLES: readonly PreviewVariable[] = [];

/**
 * The preview as a collapsible part of the form until the Test panel hosts it with sample variables;
 * without them, variable references show as unresolved.
 */
export function TransferPreviewSection() {
  return (
    <details className="form-section" data-testid="transfer-preview-section">
      <summary className="form-section__summary">Transfer preview</summary>
      <p className="field__help">What the bot runtime would do with this transfer as the form stands, saved or not.</p>
      <TransferPreview botVariables={NO_VARIABLES} envVariables={NO_VARIABLES} />
    </details>
  );
}
