import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openListBeforeRowCode } from './list-before-row-code';

// A file of its own: integration-row-placeholder.test.tsx loads the row's code for its file.
describe("a row's menu reached from the keyboard before its code is here", () => {
  it('takes the focus and Enter, and opens with its first item focused, as the menu itself does', async () => {
    const user = userEvent.setup();
    const menuButton = await openListBeforeRowCode();
    menuButton.focus();
    expect(menuButton).toHaveFocus();
    await user.keyboard('{Enter}');
    // The row's code is transformed on its first import here, beside the palette's idle load: slow on a busy machine.
    const item = await screen.findByRole('menuitem', { name: 'Delete Integration' }, { timeout: 5_000 });
    await expect.poll(() => document.activeElement).toBe(item);
    // Escape closes it, as any menu: the row opens it again only when asked.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
