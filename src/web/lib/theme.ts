import { useSyncExternalStore } from 'react';

/*
 * The colour theme: what the person chose (kept per browser) and what is drawn. `<html data-theme>` holds the
 * drawn theme, which every colour of the stylesheets reads through its CSS variables. public/theme-init.js sets
 * it before the first paint (a classic script the CSP's script-src 'self' allows, so nothing flashes in the
 * wrong colours); this module keeps it in step as the choice or the system's setting changes.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** Read by public/theme-init.js too: the two must agree (theme.test.ts runs that script). */
export const THEME_STORAGE_KEY = 'integrations-panel:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice);
}

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(stored) ? stored : 'system';
  } catch {
    // Storage refused (a privacy setting): the system's setting still holds.
    return 'system';
  }
}

function systemIsDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
}

let state: ThemeState | null = null;
const listeners = new Set<() => void>();

function current(): ThemeState {
  if (!state) state = computeState();
  return state;
}

function computeState(): ThemeState {
  const choice = readThemeChoice();
  return { choice, theme: resolveTheme(choice, systemIsDark()) };
}

function refresh(): void {
  const next = computeState();
  if (state && next.choice === state.choice && next.theme === state.theme) return;
  state = next;
  document.documentElement.dataset.theme = next.theme;
  for (const listener of listeners) listener();
}

let watching = false;
/** The system's setting and the other tabs of this browser (their choice is this one's too). */
function watch(): void {
  if (watching) return;
  watching = true;
  if (typeof matchMedia === 'function') matchMedia(DARK_QUERY).addEventListener('change', refresh);
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) refresh();
  });
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not kept, but this page still follows the choice below.
    state = { choice, theme: resolveTheme(choice, systemIsDark()) };
    document.documentElement.dataset.theme = state.theme;
    for (const listener of listeners) listener();
    return;
  }
  refresh();
}

export function subscribeTheme(listener: () => void): () => void {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getThemeState(): ThemeState {
  return current();
}

/** What the person chose and what is drawn, re-rendering when either changes. */
export function useThemeState(): ThemeState {
  return useSyncExternalStore(subscribeTheme, current, current);
}

/** The theme drawn now: 'dark' or 'light'. */
export function useTheme(): Theme {
  return useThemeState().theme;
}

/** Called once as the app starts: the drawn theme matches the choice even if theme-init.js did not run. */
export function startTheme(): void {
  watch();
  state = computeState();
  document.documentElement.dataset.theme = state.theme;
}
