import { useSampleVariables } from '../test-panel/sample-variables-context';
import { TransferPreview } from './transfer-preview';
import { previewRowsOf } from '../../../../../domain/env-references';
import { EnvironmentPicker, useFormEnvironment } from '../environment/form-environment';

/**
 * The preview as a collapsible part of the form, for those who do not open the Test panel; it resolves
 * variable references with the bot's environment (or the one picked) and the sample variables entered there (the others show as unresolved).
 */
export function TransferPreviewSection() {
  const { botVariables, envVariables: sampleEnv } = useSampleVariables();
  // The bot's environment by default (secrets masked); sample values typed in the Test panel win.
  const environment = useFormEnvironment();
  const given = new Set(sampleEnv.map((row) => row.key));
  const envVariables = [...previewRowsOf(environment?.variables ?? []).filter((row) => !given.has(row.key)), ...sampleEnv];
  return (
    <details className="form-section" data-testid="transfer-preview-section">
      <summary className="form-section__summary">Transfer preview</summary>
      <p className="field__help">What the bot runtime would do with this transfer as the form stands, saved or not.</p>
      <EnvironmentPicker id="preview-environment" help="What {$env.NAME} reads in the preview and in the test run." />
      <TransferPreview botVariables={botVariables} envVariables={envVariables} />
    </details>
  );
}
