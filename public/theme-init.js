// The colour theme before the first paint: the app's stylesheets read <html data-theme>. A classic script of
// the page's own origin (the CSP allows no inline one); src/web/lib/theme.ts keeps it in step afterwards.
(() => {
  let choice = null;
  try {
    choice = localStorage.getItem('integrations-panel:theme');
  } catch {
    // Storage refused: the system's setting decides.
  }
  const dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
