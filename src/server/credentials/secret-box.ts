import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseTarget } from '../db/database';

/**
 * Credential secrets at rest: AES-256-GCM with a fresh 12-byte IV per value, stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The credential id and field name are the additional
 * data, so a sealed value copied into another credential or field does not open.
 */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /**
   * An HMAC of a constant with the key: stored in the database on first use, it tells a server started with
   * another key before any secret is sealed, without revealing the key.
   */
  keyCheck(): string;
}

const KEY_CHECK_MESSAGE = 'integrations-panel secrets key check v1';

const KEY_BYTES = 32;
export const SECRETS_KEY_FILE = 'secrets.key';

/** Why the server cannot have a key: main prints the message as its one line and exits. */
export class SecretsKeyProblem extends Error {}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`The secrets key must be ${KEY_BYTES} bytes.`);
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) throw new Error('Not a sealed secret.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyCheck: () => `v1.${createHmac('sha256', key).update(KEY_CHECK_MESSAGE).digest('base64url')}`,
  };
}

/** SECRETS_KEY: 32 random bytes in base64 (standard or URL-safe), e.g. the output of `openssl rand -base64 32`. */
export function parseSecretsKey(text: string, origin = 'SECRETS_KEY'): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, /[-_]/.test(trimmed) ? 'base64url' : 'base64') : null;
  if (!key || key.length !== KEY_BYTES) {
    throw new SecretsKeyProblem(`${origin} must be ${KEY_BYTES} random bytes in base64 (make one with: openssl rand -base64 32).`);
  }
  return key;
}

/**
 * The key credentials are sealed with: SECRETS_KEY when set; on the embedded database a key file in
 * DATA_DIR, created on first start with 0600 permissions; a throwaway key for an in-memory database.
 * PostgreSQL needs SECRETS_KEY: a key file beside a shared server would not follow the data to
 * another host, and secrets sealed with a lost key are lost.
 */
export function loadSecretsKey(secretsKey: string | null, database: DatabaseTarget): Buffer {
  if (secretsKey) return parseSecretsKey(secretsKey);
  if (database.kind === 'postgres') {
    throw new SecretsKeyProblem(
      'SECRETS_KEY is required with DATABASE_URL (credential secrets are encrypted with it): set it to 32 random bytes in base64, e.g. SECRETS_KEY=$(openssl rand -base64 32), and keep it safe.',
    );
  }
  if (!database.dataDir) return randomBytes(KEY_BYTES);
  const file = join(database.dataDir, SECRETS_KEY_FILE);
  if (!existsSync(file)) {
    // 'wx': two first starts racing do not overwrite each other's key.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new SecretsKeyProblem(`${file} can be read by other users: run chmod 600 ${file} (it holds the key of the credential secrets).`);
  }
  return parseSecretsKey(readFileSync(file, 'utf8'), file);
}
