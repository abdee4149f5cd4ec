import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionState, reportNetworkFailure, reportServerAnswer, subscribeToConnection } from './connection';

describe('the connection state', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes offline on a network failure, asks /api/health with backoff, and says when the server is back', async () => {
    const health = vi.fn(async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', health);
    const changes = vi.fn();
    const unsubscribe = subscribeToConnection(changes);
    reportNetworkFailure();
    expect(connectionState()).toMatchObject({ online: false, backOnline: false });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(health).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(health).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(health).toHaveBeenCalledTimes(2);

    health.mockImplementation(async () => new Response(JSON.stringify({ status: 'ok' }), { status: 200 }));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(connectionState()).toMatchObject({ online: true, backOnline: true });
    await vi.advanceTimersByTimeAsync(8_000);
    expect(connectionState().backOnline).toBe(false);
    expect(changes).toHaveBeenCalled();
    unsubscribe();
  });

  it('any answer from the server, an error too, means it is reachable', () => {
    reportNetworkFailure();
    reportServerAnswer();
    expect(connectionState().online).toBe(true);
  });
});
