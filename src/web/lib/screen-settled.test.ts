import { describe, expect, it } from 'vitest';
import { createQueryClient } from './query-client';
import { holdScreenSettled, whenScreenSettled } from './screen-settled';

describe('whenScreenSettled', () => {
  it('waits for every query in flight, then runs the task once; cancelled, it never runs', async () => {
    const client = createQueryClient();
    let answer: (value: string) => void = () => undefined;
    void client.prefetchQuery({ queryKey: ['screen'], queryFn: () => new Promise<string>((resolve) => (answer = resolve)) });
    const runs: string[] = [];
    whenScreenSettled(client, () => runs.push('task'));
    const cancel = whenScreenSettled(client, () => runs.push('cancelled'));
    cancel();

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toEqual([]);
    answer('data');
    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['task']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toEqual(['task']);
  });

  it('waits for a load the screen is held for, with its queries done; released, the task runs', async () => {
    const client = createQueryClient();
    const release = holdScreenSettled();
    const runs: string[] = [];
    whenScreenSettled(client, () => runs.push('task'));

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toEqual([]);
    release();
    release();
    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['task']);
  });

  it('waits for every hold, and a hold nobody releases stops holding after its limit', async () => {
    const client = createQueryClient();
    const first = holdScreenSettled();
    holdScreenSettled(400);
    const runs: string[] = [];
    whenScreenSettled(client, () => runs.push('task'));
    first();

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toEqual([]);
    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['task']);
  });

  it('goes back to waiting when a hold starts after the queries were done', async () => {
    const client = createQueryClient();
    const runs: string[] = [];
    whenScreenSettled(client, () => runs.push('task'));
    const release = holdScreenSettled();

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toEqual([]);
    release();
    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['task']);
  });

  it('does not hold back what is asked to come before the holds (a control the user may reach for)', async () => {
    const client = createQueryClient();
    const release = holdScreenSettled();
    const runs: string[] = [];
    whenScreenSettled(client, () => runs.push('row menu'), { behindHolds: false });
    whenScreenSettled(client, () => runs.push('usages section'));

    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['row menu']);
    release();
    await expect.poll(() => runs, { timeout: 3_000 }).toEqual(['row menu', 'usages section']);
  });
});
