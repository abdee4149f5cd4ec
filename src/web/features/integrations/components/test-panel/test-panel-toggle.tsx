import { TEST_PANEL_ID, useTestPanel } from './test-panel-context';

/** The form header's "Test" button: opens and closes the panel beside the form. */
export function TestPanelToggle() {
  const { open, setOpen, toggleRef } = useTestPanel();
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
