import { beforeEach, describe, expect, it } from 'vitest';
import { createCachedSource, type SourceTiming } from './cached-source';

const timing: SourceTiming = { freshMs: 60_000, backoffMs: 1_000, maxBackoffMs: 4_000, staleMs: 600_000 };

describe('a LivePerson list as the directory routes read it', () => {
  let clock = 0;
  let calls = 0;
  let failing = false;
  const now = () => clock;
  // Upstream answers after a tick, so concurrent reads overlap with the call in flight.
  const load = () =>
    new Promise<string[]>((resolve, reject) => {
      calls++;
      setTimeout(() => (failing ? reject(new Error('upstream down')) : resolve([`list ${calls}`])), 5);
    });
  beforeEach(() => {
    clock = 1_000_000;
    calls = 0;
    failing = false;
  });

  it('asks once for concurrent reads, then serves the list while it is fresh', async () => {
    const source = createCachedSource(load, timing, now);
    const lists = await Promise.all(Array.from({ length: 20 }, () => source()));
    expect(new Set(lists.map((list) => list[0]))).toEqual(new Set(['list 1']));
    expect(calls).toBe(1);
    clock += timing.freshMs;
    await source();
    expect(calls).toBe(1);
    clock += 1;
    expect(await source()).toEqual(['list 2']);
  });

  it('backs off after failures, doubling up to the maximum, serving the last good list meanwhile', async () => {
    failing = true;
    const cold = createCachedSource(load, timing, now);
    await expect(cold()).rejects.toThrow('upstream down');
    await expect(cold()).rejects.toThrow('upstream down');
    expect(calls).toBe(1);
    clock += timing.backoffMs;
    await expect(cold()).rejects.toThrow();
    expect(calls).toBe(2);
    // The second failure in a row waits twice as long.
    clock += timing.backoffMs;
    await expect(cold()).rejects.toThrow();
    expect(calls).toBe(2);
    clock += timing.backoffMs;
    failing = false;
    expect(await cold()).toEqual(['list 3']);

    const warm = createCachedSource(load, timing, now);
    const good = await warm();
    failing = true;
    clock += timing.freshMs + 1;
    expect(await warm()).toEqual(good);
    expect(await warm()).toEqual(good);
    expect(calls).toBe(5);
    clock += timing.staleMs;
    await expect(warm()).rejects.toThrow('upstream down');
  });
});
