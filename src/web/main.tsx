import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstScreenLoaded } from './app/app';
import { startTheme } from './lib/theme';
import './styles/base.css';
// One file per screen or part, in this order: later rules rely on overriding earlier ones.
import './styles/bots.css';
import './styles/panel.css';
import './styles/form.css';
import './styles/navigation.css';
import './styles/skills.css';
import './styles/form-sections.css';
import './styles/test-panel.css';
import './styles/import-history.css';
import './styles/resilience.css';

startTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
// Rendering once the first screen's code is here shows it straight away, rather than "Loading…"
// that React then keeps up to 300 ms longer; a slow network gets the loading state after a moment.
const SLOW_FIRST_SCREEN_MS = 1_000;
void Promise.race([firstScreenLoaded, new Promise((resolve) => setTimeout(resolve, SLOW_FIRST_SCREEN_MS))]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
