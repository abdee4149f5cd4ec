import { describe, expect, it } from 'vitest';
import { anonymousExposureProblem, readConfig } from './config';

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

describe('AUTH beyond loopback', () => {
  const problem = (env: Record<string, string>) => anonymousExposureProblem(readConfig(env));

  it('refuses AUTH=none on an address beyond loopback, and nothing else', () => {
    expect(problem({ HOST: '0.0.0.0' })).toMatch(/Refusing to serve HOST=0\.0\.0\.0 with AUTH=none/);
    expect(problem({ HOST: '10.1.2.3', AUTH: 'none' })).not.toBeNull();
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(problem({ HOST: host }), host).toBeNull();
    expect(problem({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: '1' })).toBeNull();
    expect(problem({ HOST: '0.0.0.0', AUTH: 'accounts' })).toBeNull();
    expect(problem({ HOST: '0.0.0.0', ADMIN_TOKEN: 't' })).toBeNull();
  });

  it('names what AUTH takes, and what AUTH=oidc needs', () => {
    expect(() => readConfig({ AUTH: 'ldap' })).toThrow(/AUTH must be none, accounts or oidc/);
    expect(() => readConfig({ AUTH: 'oidc', OIDC_ISSUER: 'http://127.0.0.1:4722' })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(readConfig({ AUTH: 'oidc', OIDC_ISSUER: 'i', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' }).oidc).toMatchObject({
      roleClaim: 'role',
      defaultRole: 'viewer',
    });
  });
});
