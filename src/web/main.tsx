import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstScreenLoaded } from './app/app';
import './styles/base.css';
import './styles/screens.css';
import './styles/import-history.css';

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
