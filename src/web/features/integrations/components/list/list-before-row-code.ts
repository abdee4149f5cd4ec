import { screen, within } from '@testing-library/react';
import { expect } from 'vitest';
import { anIntegrationSummary } from '../../../../../domain/samples';
import { BOT } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';

/**
 * For tests of the rows drawn before their code (menus, tooltips) is here: opens a list of two rows and
 * returns the second row's menu button, still the stand-in. A test file gets one such moment: the row's
 * code, once loaded, stays for the file's later tests.
 */
export async function openListBeforeRowCode(): Promise<HTMLElement> {
  const rows = [anIntegrationSummary({ id: 'a1', name: 'Billing API' }), anIntegrationSummary({ id: 'a2', name: 'Order status' })];
  fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: rows, nextCursor: null } }),
  });
  renderApp(`/bots/${BOT.id}/integrations`);
  const nav = await screen.findByRole('navigation', { name: 'Integrations' });
  const menuButton = await within(nav).findByRole('button', { name: 'Actions for Order status' });
  // Still the stand-in: Radix's trigger carries data-state.
  expect(menuButton).not.toHaveAttribute('data-state');
  return menuButton;
}
