import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDrawn } from './use-drawn';

describe('useDrawn', () => {
  it('is false in the first render and true once a frame has been drawn after it', async () => {
    let frames = 0;
    const counting = () => requestAnimationFrame(() => (frames += 1));
    counting();
    const { result } = renderHook(() => useDrawn());
    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
    expect(frames).toBeGreaterThan(0);
  });

  it('is true at once when the wait is not needed', () => {
    const { result } = renderHook(() => useDrawn(true));
    expect(result.current).toBe(true);
  });
});
