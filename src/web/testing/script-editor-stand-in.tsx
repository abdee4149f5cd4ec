import type { ScriptEditorProps } from '../features/integrations/components/script-editor/script-editor';

/**
 * Monaco needs a real browser (Playwright covers it); in component tests a textarea stands in with the same
 * contract, for every test (setup-tests.ts mocks the editor's module with it).
 */
export default function ScriptEditorStandIn({ ariaLabel, defaultValue, onChange, onBlur }: ScriptEditorProps) {
  return <textarea aria-label={ariaLabel} defaultValue={defaultValue} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />;
}
