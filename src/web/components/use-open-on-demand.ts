import { useState } from 'react';

/**
 * Open state for a lazily loaded dialog: `requested` turns true with the first open and stays true, so
 * the dialog's code loads on the first click and the dialog stays mounted (for its closing animation
 * and its state) afterwards.
 */
export function useOpenOnDemand() {
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  return {
    open,
    setOpen,
    requested,
    openNow: () => {
      setRequested(true);
      setOpen(true);
    },
  };
}
