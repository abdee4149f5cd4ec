import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../../lib/query-client';
import { whenScreenSettled } from '../../../../lib/screen-settled';
import { useScriptEditorModule } from './use-script-editor-module';

// Monaco's module arrives when the test says: a stand-in with the same default export.
const arrival = vi.hoisted(() => {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { arrived, arrive: () => arrive() };
});
vi.mock('./script-editor', async () => {
  await arrival.arrived;
  return { default: () => null };
});

describe('the form editor’s code', () => {
  it('holds the screen’s optional parts back until it is here, then lets them come', async () => {
    const client = createQueryClient();
    const { result } = renderHook(() => useScriptEditorModule());
    const parts: string[] = [];
    whenScreenSettled(client, () => parts.push('usages section'));

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(result.current.module).toBeNull();
    expect(parts).toEqual([]);

    arrival.arrive();
    await waitFor(() => expect(result.current.module).not.toBeNull());
    await expect.poll(() => parts, { timeout: 3_000 }).toEqual(['usages section']);
    // Here once, here for the next form at once: no load, no hold.
    expect(renderHook(() => useScriptEditorModule()).result.current.module).toBe(result.current.module);
  });
});
