import { describe, expect, it, vi } from 'vitest';

const toast = vi.hoisted(() => {
  let id = 0;
  const raise = () => (id += 1);
  return { success: vi.fn(raise), info: vi.fn(raise), error: vi.fn(raise), dismiss: vi.fn() };
});
vi.mock('sonner', () => ({ toast }));

const { notify, subscribeToToastRequests, toastsRequested, toasterMounted } = await import('./notify');

describe('notify', () => {
  it('asks for the toaster, waits until it listens, then raises later toasts in the caller’s task', async () => {
    const requests = vi.fn();
    subscribeToToastRequests(requests);
    notify('success', 'Saved');
    expect(toastsRequested()).toBe(true);
    expect(requests).toHaveBeenCalledTimes(1);
    // Sonner drops a toast raised before its <Toaster> subscribed.
    await Promise.resolve();
    expect(toast.success).not.toHaveBeenCalled();

    toasterMounted();
    await vi.waitFor(() => expect(toast.success).toHaveBeenCalledWith('Saved'));

    notify('info', 'Loaded the latest version');
    expect(toast.info).toHaveBeenCalledWith('Loaded the latest version');
    expect(requests).toHaveBeenCalledTimes(1);

    // An Undo is a button of the toast, which stays long enough to reach it.
    const undo = vi.fn();
    notify('success', 'Deleted OrderStatus', { label: 'Undo', onClick: undo });
    expect(toast.success).toHaveBeenLastCalledWith('Deleted OrderStatus', {
      action: { label: 'Undo', onClick: undo },
      duration: expect.any(Number),
    });
  });
});

describe('notify with the toaster mounted first', () => {
  it('raises even the first toast in the caller’s task, and tells when the toasts have been drawn', async () => {
    vi.resetModules();
    toast.success.mockClear();
    const fresh = await import('./notify');
    fresh.toasterMounted(toast as unknown as Parameters<typeof fresh.toasterMounted>[0]);
    fresh.notify('success', 'Saved');
    expect(toast.success).toHaveBeenCalledWith('Saved');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    try {
      let shown = false;
      void fresh.afterToastsShown().then(() => {
        shown = true;
      });
      // Sonner draws the toast in a task of its own: what waits must come after that task and a frame.
      await vi.advanceTimersByTimeAsync(0);
      expect(shown).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(shown).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('afterToastsShown without a toaster', () => {
  it('does not hold what waits for good when the toaster never mounts', async () => {
    vi.resetModules();
    const fresh = await import('./notify');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    try {
      fresh.notify('success', 'Saved');
      let shown = false;
      void fresh.afterToastsShown().then(() => {
        shown = true;
      });
      await vi.advanceTimersByTimeAsync(100);
      expect(shown).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(shown).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a toast like one still on screen', () => {
  it('takes its place: two saves in a row leave one "Saved", and other toasts stay', async () => {
    vi.resetModules();
    const fresh = await import('./notify');
    fresh.toasterMounted(toast as unknown as Parameters<typeof fresh.toasterMounted>[0]);
    toast.dismiss.mockClear();
    fresh.notify('success', 'Saved');
    const first = toast.success.mock.results.at(-1)?.value as number;
    fresh.notify('error', 'Could not save');
    expect(toast.dismiss).not.toHaveBeenCalled();
    fresh.notify('success', 'Saved');
    expect(toast.dismiss).toHaveBeenCalledTimes(1);
    expect(toast.dismiss).toHaveBeenCalledWith(first);
    // Another message of the same kind is not the same toast.
    fresh.notify('success', 'Restored');
    expect(toast.dismiss).toHaveBeenCalledTimes(1);
  });
});
