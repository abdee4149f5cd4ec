import type { ScriptEditorProps } from '../features/integrations/components/script-editor/script-editor';

/**
 * Monaco needs a real browser (Playwright covers it); in component tests a textarea stands in with the same
 * contract: `vi.mock('<path to>/script-editor/script-editor', () => import('<path to>/testing/script-editor-stand-in'))`.
 */
export default function ScriptEditorStandIn({ ariaLabel, defaultValue, onChange, onBlur }: ScriptEditorProps) {
  return <textarea aria-label={ariaLabel} defaultValue={defaultValue} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />;
}
