import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import themeInitScript from '../../../public/theme-init.js?raw';

/** The system's colour setting, as a browser reports it and announces its changes. */
function systemScheme(initiallyDark: boolean) {
  let dark = initiallyDark;
  const listeners = new Set<() => void>();
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === '(prefers-color-scheme: dark)' ? dark : false;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    set(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
  };
}

/** A fresh page load: the module's state starts again from what the browser kept. */
async function load() {
  vi.resetModules();
  return import('./theme');
}

const drawn = () => document.documentElement.dataset.theme;

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => localStorage.clear());

describe('the colour theme', () => {
  it('follows the system setting while nothing is chosen, live as it changes', async () => {
    const system = systemScheme(true);
    const theme = await load();
    theme.startTheme();
    expect(drawn()).toBe('dark');
    const seen = vi.fn();
    theme.subscribeTheme(seen);
    system.set(false);
    expect(drawn()).toBe('light');
    expect(theme.getThemeState()).toEqual({ choice: 'system', theme: 'light' });
    expect(seen).toHaveBeenCalled();
  });

  it('keeps a chosen theme in this browser over the system setting, across a reload, until System is chosen again', async () => {
    const system = systemScheme(false);
    let theme = await load();
    theme.startTheme();
    theme.setThemeChoice('dark');
    expect(drawn()).toBe('dark');
    // The system changing does not override a choice.
    system.set(true);
    system.set(false);
    expect(drawn()).toBe('dark');

    theme = await load();
    delete document.documentElement.dataset.theme;
    theme.startTheme();
    expect(theme.getThemeState()).toEqual({ choice: 'dark', theme: 'dark' });
    expect(drawn()).toBe('dark');

    theme.setThemeChoice('system');
    expect(localStorage.getItem(theme.THEME_STORAGE_KEY)).toBeNull();
    expect(drawn()).toBe('light');
  });

  it('follows a choice made in another tab of the browser', async () => {
    systemScheme(false);
    const theme = await load();
    theme.startTheme();
    theme.subscribeTheme(() => undefined);
    localStorage.setItem(theme.THEME_STORAGE_KEY, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: theme.THEME_STORAGE_KEY, newValue: 'dark' }));
    expect(drawn()).toBe('dark');
  });

  it('ignores a stored value it does not know', async () => {
    systemScheme(true);
    const theme = await load();
    localStorage.setItem(theme.THEME_STORAGE_KEY, 'sepia');
    expect(theme.readThemeChoice()).toBe('system');
  });
});

describe('public/theme-init.js, which draws the theme before the app loads', () => {
  const run = () => new Function(themeInitScript)();

  it.each([
    { stored: null, systemDark: true, expected: 'dark' },
    { stored: null, systemDark: false, expected: 'light' },
    { stored: 'dark', systemDark: false, expected: 'dark' },
    { stored: 'light', systemDark: true, expected: 'light' },
  ])('stored $stored with a dark system $systemDark draws $expected, as the app does', async ({ stored, systemDark, expected }) => {
    systemScheme(systemDark);
    const theme = await load();
    if (stored) localStorage.setItem(theme.THEME_STORAGE_KEY, stored);
    run();
    expect(drawn()).toBe(expected);
    expect(theme.getThemeState().theme).toBe(expected);
  });
});
