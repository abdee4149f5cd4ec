import { useMemo } from 'react';
import { useOfferedCommands } from '../../../../lib/commands';
import { TEST_PANEL_ID, useTestPanel } from './test-panel-context';

/** The form header's "Test" button: opens and closes the panel beside the form. */
export function TestPanelToggle() {
  const { open, setOpen, toggleRef } = useTestPanel();
  // "Test" in the command palette does what this button does, and opens the panel rather than closing it.
  useOfferedCommands(
    useMemo(
      () => [
        {
          id: 'test',
          label: 'Test',
          run: () => {
            const toggle = toggleRef.current;
            toggle?.focus();
            if (toggle?.getAttribute('aria-expanded') !== 'true') toggle?.click();
          },
        },
      ],
      [toggleRef],
    ),
  );
  return (
    <button
      ref={toggleRef}
      type="button"
      className={open ? 'button button--pressed' : 'button'}
      aria-expanded={open}
      aria-controls={TEST_PANEL_ID}
      title="Run this integration on a sample result, saved or not"
      data-testid="test-panel-toggle"
      onClick={() => setOpen(!open)}
    >
      Test
    </button>
  );
}
