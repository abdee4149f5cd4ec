import { describe, expect, it, vi } from 'vitest';

const toast = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), error: vi.fn() }));
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
  });
});
