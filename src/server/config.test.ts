import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('DATABASE_POOL_SIZE', () => {
  const url = 'postgres://127.0.0.1:5432/panel';

  it('sizes the PostgreSQL pool, 10 by default', () => {
    expect(readConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(readConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: ' 25 ' }).database).toMatchObject({ poolSize: 25 });
  });

  it('refuses what is not a number of connections, saying what it takes', () => {
    for (const given of ['0', '-1', '2.5', 'ten', '100000']) {
      expect(() => readConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: given }), given).toThrow(
        /DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000/,
      );
    }
  });
});
