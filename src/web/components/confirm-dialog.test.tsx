import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

/** The dialog every case opens: "Delete Thing?", confirmed with Delete. */
function ThingDialog({
  open,
  setOpen,
  onConfirm = () => setOpen(false),
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
  onConfirm?: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title="Delete Thing?"
      description="This cannot be undone."
      confirmLabel="Delete"
      onConfirm={onConfirm}
    />
  );
}

/** A button that opens the dialog, as the bots' and the directories' rows have. */
function OpenedByButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete Thing
      </button>
      <ThingDialog open={open} setOpen={setOpen} />
    </>
  );
}

/** A button drawn anew while the dialog is open, as a list's rows are when its virtual window takes over. */
function OpenedByRedrawnButton() {
  const [open, setOpen] = useState(false);
  const [drawing, setDrawing] = useState(0);
  return (
    <main id="main" tabIndex={-1}>
      <button key={drawing} type="button" aria-label="Delete Thing" onClick={() => setOpen(true)}>
        ×
      </button>
      <button type="button" onClick={() => setDrawing((count) => count + 1)}>
        Draw again
      </button>
      <ThingDialog open={open} setOpen={setOpen} />
    </main>
  );
}

/** A row's menu whose item opens the dialog, as the integrations' rows have; deleting removes the row. */
function OpenedByMenu() {
  const [open, setOpen] = useState(false);
  const [deleted, setDeleted] = useState(false);
  return (
    <main id="main" tabIndex={-1}>
      {deleted ? null : (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger>Actions for Thing</DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content>
              <DropdownMenu.Item onSelect={() => setOpen(true)}>Delete Integration</DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      <ThingDialog
        open={open}
        setOpen={setOpen}
        onConfirm={() => {
          setDeleted(true);
          setOpen(false);
        }}
      />
    </main>
  );
}

const dialog = () => screen.findByRole('alertdialog', { name: 'Delete Thing?' });

describe('ConfirmDialog', () => {
  it('gives the focus back to the button that opened it, after Escape or Cancel', async () => {
    const user = userEvent.setup();
    render(<OpenedByButton />);
    const opener = screen.getByRole('button', { name: 'Delete Thing' });
    opener.focus();
    await user.keyboard('{Enter}');
    await dialog();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());

    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it("gives the focus back to the menu's button when a menu item opened it, and to the main content once that is gone", async () => {
    const user = userEvent.setup();
    render(<OpenedByMenu />);
    const trigger = screen.getByRole('button', { name: 'Actions for Thing' });
    trigger.focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete Integration' }));
    await dialog();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());

    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete Integration' }));
    await user.click(within(await dialog()).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });

  it('gives the focus back to the same control drawn anew while the dialog was open', async () => {
    const user = userEvent.setup();
    render(<OpenedByRedrawnButton />);
    const opener = screen.getByRole('button', { name: 'Delete Thing' });
    opener.focus();
    await user.keyboard('{Enter}');
    await dialog();
    // Drawn again behind the dialog: a new element with the same name.
    act(() => screen.getByRole('button', { name: 'Draw again', hidden: true }).click());
    const redrawn = screen.getByRole('button', { name: 'Delete Thing', hidden: true });
    expect(redrawn).not.toBe(opener);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(redrawn).toHaveFocus());
  });
});
