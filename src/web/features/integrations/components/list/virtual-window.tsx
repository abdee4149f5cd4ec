import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type ReactNode } from 'react';
import { OVERSCAN, type RowWindow } from './row-window';

interface VirtualWindowProps {
  scroller: HTMLDivElement | null;
  count: number;
  rowHeight: number;
  /** Called with the last drawn row's index whenever it changes (to fetch the next page in time). */
  onRange: (lastIndex: number) => void;
  children: (window: RowWindow) => ReactNode;
}

/** The rows in view of the scroller, from TanStack Virtual: however many rows, only these are drawn. */
export function VirtualWindow({ scroller, count, rowHeight, onRange, children }: VirtualWindowProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // Measured as the window takes over, not in its layout effect after a first render of no rows: it draws
    // the rows in view at once, where deferredModule looks for the counterpart of a row control that had the
    // focus (without them, a keyboard user on a row's menu lost the focus to the page when the window came).
    initialRect: scroller ? { width: scroller.clientWidth, height: scroller.clientHeight } : undefined,
    initialOffset: scroller?.scrollTop ?? 0,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    onRange(lastIndex);
  }, [lastIndex, onRange]);
  return children({ rows: virtualItems.map(({ index, start }) => ({ index, start })), totalSize: virtualizer.getTotalSize() });
}
