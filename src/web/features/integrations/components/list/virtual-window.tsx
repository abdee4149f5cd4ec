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
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    onRange(lastIndex);
  }, [lastIndex, onRange]);
  return children({ rows: virtualItems.map(({ index, start }) => ({ index, start })), totalSize: virtualizer.getTotalSize() });
}
