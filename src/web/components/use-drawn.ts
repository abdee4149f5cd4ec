import { useEffect, useState } from 'react';

/**
 * False until the component's first frame has been drawn (a frame, then a task, after it mounted);
 * `already` skips the wait. For work that must not hold up that frame, yet need not wait for the rest
 * of the screen to settle (see useScreenSettled): the form's editor starts loading once the form shows.
 */
export function useDrawn(already = false): boolean {
  const [drawn, setDrawn] = useState(already);
  useEffect(() => {
    if (drawn) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn]);
  return drawn || already;
}
