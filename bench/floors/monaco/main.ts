// The floor of "Monaco ready for typing": the app's own Monaco setup module (the same bundled workers,
// botContext declarations and options), built with the app's Vite config, and the integration's
// script, with nothing else on the page.
import { monaco } from '../../../src/web/features/integrations/components/script-editor/monaco-setup';

const params = new URLSearchParams(location.search);
const path = `/api/bots/${encodeURIComponent(params.get('bot') ?? '')}/integrations/${encodeURIComponent(params.get('id') ?? '')}`;
const response = await fetch(path, { headers: { accept: 'application/json' } });
const integration = (await response.json()) as { transformScript?: string | null };

monaco.editor.create(document.getElementById('editor')!, {
  value: integration.transformScript ?? '',
  language: 'javascript',
  // The options of src/web/features/integrations/components/script-editor/script-editor.tsx.
  ariaLabel: 'Transform Result Script',
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  tabSize: 2,
  wordWrap: 'on',
  fixedOverflowWidgets: true,
  acceptSuggestionOnEnter: 'off',
  renderLineHighlight: 'line',
  lineNumbersMinChars: 3,
});
