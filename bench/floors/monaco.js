// The floor of "Monaco ready for typing": the app's own Monaco chunk (the same setup: bundled workers,
// the botContext declarations, the same options) and the integration's script, and nothing else.
const params = new URLSearchParams(location.search);
const path = `/api/bots/${encodeURIComponent(params.get('bot') ?? '')}/integrations/${encodeURIComponent(params.get('id') ?? '')}`;
const chunk = document.querySelector('meta[name="bench-monaco-chunk"]').content;

const [integration, setup] = await Promise.all([
  fetch(path, { headers: { accept: 'application/json' } }).then((response) => response.json()),
  import(chunk),
]);
// The chunk's export names are minified: the namespace is the export that can create an editor.
const monaco = Object.values(setup).find((value) => typeof value?.editor?.create === 'function');
monaco.editor.create(document.getElementById('editor'), {
  value: integration.transformScript ?? '',
  language: 'javascript',
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
