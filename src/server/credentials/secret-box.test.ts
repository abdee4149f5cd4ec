import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseSecretsKey, createSecretBox, parseSecretsKey, saveSecretsKeyFile, SECRETS_KEY_FILE, SecretsKeyProblem } from './secret-box';
import type { DatabaseTarget } from '../db/database';

/** What a start that goes on does: choose the key, then write a first start's key file. */
function loadSecretsKey(secretsKey: string | null, database: DatabaseTarget): Buffer {
  const choice = chooseSecretsKey(secretsKey, database);
  saveSecretsKeyFile(choice);
  return choice.key;
}

describe('the secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('seals with a fresh IV each time and opens only with the same key and context', () => {
    const a = box.seal('hunter2', 'credential:1:password');
    const b = box.seal('hunter2', 'credential:1:password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(box.open(a, 'credential:1:password')).toBe('hunter2');
    expect(() => box.open(a, 'credential:2:password')).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(a, 'credential:1:password')).toThrow();
    const [v, iv, tag, data] = a.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'credential:1:password')).toThrow();
  });

  it('reads SECRETS_KEY as 32 bytes of base64 and refuses anything else with one clear line', () => {
    const key = randomBytes(32);
    expect(parseSecretsKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseSecretsKey(key.toString('base64url')).equals(key)).toBe(true);
    for (const wrong of ['short', randomBytes(16).toString('base64'), randomBytes(32).toString('hex'), 'not base64 at all!']) {
      expect(() => parseSecretsKey(wrong)).toThrow(SecretsKeyProblem);
    }
    expect(() => parseSecretsKey('x')).toThrow(/SECRETS_KEY must be 32 random bytes in base64/);
  });
});

describe('where the key comes from', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('refuses PostgreSQL without SECRETS_KEY, saying what to set', () => {
    expect(() => loadSecretsKey(null, { kind: 'postgres', url: 'postgres://x/y' })).toThrow(/SECRETS_KEY is required with DATABASE_URL/);
    const key = randomBytes(32);
    expect(loadSecretsKey(key.toString('base64'), { kind: 'postgres', url: 'postgres://x/y' }).equals(key)).toBe(true);
  });

  it('creates a 0600 key file in DATA_DIR on first start, only once the start goes on, and reuses it', () => {
    const dataDir = (dir = mkdtempSync(join(tmpdir(), 'secrets-key-')));
    const choice = chooseSecretsKey(null, { kind: 'pglite', dataDir });
    expect(choice.newFile).toBe(join(dataDir, SECRETS_KEY_FILE));
    expect(readdirSync(dataDir)).toEqual([]);
    saveSecretsKeyFile(choice);
    const first = loadSecretsKey(null, { kind: 'pglite', dataDir });
    expect(first.equals(choice.key)).toBe(true);
    const file = join(dir, SECRETS_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadSecretsKey(null, { kind: 'pglite', dataDir: dir }).equals(first)).toBe(true);
    // SECRETS_KEY wins over the file.
    const given = randomBytes(32);
    expect(loadSecretsKey(given.toString('base64'), { kind: 'pglite', dataDir: dir }).equals(given)).toBe(true);
  });

  it('refuses a key file others can read, and a damaged one', () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-key-'));
    loadSecretsKey(null, { kind: 'pglite', dataDir: dir });
    const file = join(dir, SECRETS_KEY_FILE);
    chmodSync(file, 0o644);
    expect(() => loadSecretsKey(null, { kind: 'pglite', dataDir: dir })).toThrow(/chmod 600/);
    writeFileSync(file, 'garbage', { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(() => loadSecretsKey(null, { kind: 'pglite', dataDir: dir })).toThrow(SecretsKeyProblem);
  });
});
