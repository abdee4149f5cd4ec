import { describe, expect, it } from 'vitest';
import { createQueryClient } from './query-client';
import { whenScreenSettled } from './screen-settled';

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
});
