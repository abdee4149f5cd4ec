import { describe, expect, it } from 'vitest';
import { isOwnWrite, trackOwnWrite } from './own-writes';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
};

describe('own writes', () => {
  it('knows the version this tab wrote, and no other', async () => {
    await trackOwnWrite('a', Promise.resolve({ id: 'a', version: 3 }));
    expect(await isOwnWrite('a', 3)).toBe(true);
    expect(await isOwnWrite('a', 4)).toBe(false);
    expect(await isOwnWrite('b', 3)).toBe(false);
  });

  it('waits for a write still under way when its event comes first', async () => {
    const answer = deferred<{ id: string; version: number }>();
    void trackOwnWrite('c', answer.promise);
    const asked = isOwnWrite('c', 8);
    let decided = false;
    void asked.then(() => (decided = true));
    await Promise.resolve();
    expect(decided).toBe(false);
    answer.resolve({ id: 'c', version: 8 });
    expect(await asked).toBe(true);
  });

  it('takes a failed write for nobody’s, so the event is heard', async () => {
    const answer = deferred<{ id: string; version: number }>();
    trackOwnWrite('d', answer.promise).catch(() => undefined);
    const asked = isOwnWrite('d', 2);
    answer.reject(new Error('412'));
    expect(await asked).toBe(false);
  });
});
