import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../lib/theme';
import { ThemeMenu } from './theme-menu';

beforeEach(() => {
  localStorage.clear();
  document.documentElement.dataset.theme = 'light';
});

it('chooses the theme from the top bar: named by the choice, kept in the browser, drawn at once', async () => {
  const user = userEvent.setup();
  render(<ThemeMenu />);
  const button = screen.getByRole('button', { name: 'Theme: System' });
  expect(button).toHaveAttribute('aria-expanded', 'false');

  await user.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  const group = screen.getByRole('group', { name: 'Theme' });
  expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
  // The chosen option has the focus, as in a radio group tabbed into.
  expect(screen.getByRole('radio', { name: 'System' })).toHaveFocus();
  expect(group).toBeVisible();

  await user.click(screen.getByRole('radio', { name: 'Dark' }));
  expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  expect(document.documentElement.dataset.theme).toBe('dark');
  expect(screen.getByRole('button', { name: 'Theme: Dark' })).toBeInTheDocument();

  // Escape closes it and gives the focus back to the button.
  await user.keyboard('{Escape}');
  expect(button).toHaveAttribute('aria-expanded', 'false');
  expect(button).toHaveFocus();

  await user.click(button);
  await user.click(screen.getByRole('radio', { name: 'Light' }));
  expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  expect(document.documentElement.dataset.theme).toBe('light');
});
