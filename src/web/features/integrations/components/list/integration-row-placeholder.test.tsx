import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openListBeforeRowCode } from './list-before-row-code';

describe("a row's menu clicked before its code is here", () => {
  it('takes the click and opens, for that row, once the code arrives', async () => {
    const user = userEvent.setup();
    const menuButton = await openListBeforeRowCode();
    await user.click(menuButton);
    // The row's code is transformed on its first import here, beside the palette's idle load: slow on a busy machine.
    const menu = await screen.findByRole('menu', {}, { timeout: 5_000 });
    expect(within(menu).getByRole('menuitem', { name: 'Delete Integration' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actions for Order status' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Actions for Billing API' })).toHaveAttribute('aria-expanded', 'false');
  });
});
