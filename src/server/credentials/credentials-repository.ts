import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { credentialsDirectory } from '../../domain/directories/credentials';
import { CREDENTIAL_SHAPES, type CredentialType } from '../../domain/directories/credential-types';
import { directorySchemas } from '../../domain/directories/directory-schemas';
import type { Database } from '../db/database';
import { credentials, databaseFacts } from '../db/schema';
import { createDirectoryRepository, type DirectoryStorage } from '../directories/directory-repository';
import { badRequest, DomainError, notFound } from '../errors';
import type { SecretBox } from './secret-box';

type Row = typeof credentials.$inferSelect;

/** `database_facts` row holding SecretBox.keyCheck() of the key the database was first used with. */
const KEY_CHECK_FACT = 'secrets-key-check';

export type KeyCheck = 'same-key' | 'secrets-do-not-open' | 'another-key';

/** A secret's additional data: a sealed value opens only in the credential and field it was sealed for. */
const secretContext = (id: string, field: string) => `credential:${id}:${field}`;

const schemas = directorySchemas(credentialsDirectory);

function validationProblem(error: z.ZodError, prefix: string): DomainError {
  const errors = Object.fromEntries(error.issues.map((issue) => [[prefix, ...issue.path.map(String)].join('.'), issue.message]));
  const unknown = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  for (const key of unknown) errors[`${prefix}.${key}`] = `Unknown field "${key}" for this credential type.`;
  return badRequest(`The request body has a problem in ${prefix}: ${Object.values(errors)[0]}`, errors, 'Validation failed');
}

/** Secrets go in sealed and come out only as whether each is set; a PATCH's fields are checked against the stored type. */
function credentialStorage(box: SecretBox): DirectoryStorage<typeof credentials> {
  const seal = (id: string, secrets: Readonly<Record<string, unknown>>) =>
    Object.fromEntries(
      Object.entries(secrets).flatMap(([key, value]) =>
        typeof value === 'string' && value ? [[key, box.seal(value, secretContext(id, key))]] : [],
      ),
    );
  return {
    table: credentials,
    key: (id) => id,
    fromRow: (row: Row) => ({
      id: row.id,
      name: row.name,
      type: row.type,
      fields: row.fields,
      secretsSet: Object.fromEntries(CREDENTIAL_SHAPES[row.type as CredentialType].secrets.map((key) => [key, Boolean(row.secrets[key])])),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    }),
    toRow: (id, input) => ({
      id,
      name: String(input.name),
      type: String(input.type),
      fields: (input.fields ?? {}) as Record<string, string>,
      secrets: seal(id, (input.secrets ?? {}) as Record<string, unknown>),
    }),
    // A field or secret left out is kept; a secret set to null is cleared.
    changes: (row: Row, patch) => {
      const shape = schemas.variantPatch(row.type)!;
      const fields = shape.fieldPatch.safeParse(patch.fields ?? {});
      if (!fields.success) throw validationProblem(fields.error, 'fields');
      const secrets = shape.secretPatch.safeParse(patch.secrets ?? {});
      if (!secrets.success) throw validationProblem(secrets.error, 'secrets');
      const nextFields: Record<string, string> = { ...row.fields };
      for (const [key, value] of Object.entries(fields.data as Record<string, string | undefined>)) {
        if (value !== undefined) nextFields[key] = value;
      }
      const nextSecrets: Record<string, string> = { ...row.secrets };
      for (const [key, value] of Object.entries(secrets.data as Record<string, string | null | undefined>)) {
        if (value === null) delete nextSecrets[key];
        else if (value !== undefined) nextSecrets[key] = box.seal(value, secretContext(row.id, key));
      }
      return { ...(typeof patch.name === 'string' ? { name: patch.name } : {}), fields: nextFields, secrets: nextSecrets };
    },
  };
}

export function createCredentialsRepository(db: Database, box: SecretBox) {
  async function rowOf(id: string): Promise<Row> {
    const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
    if (!row) throw notFound(`Credential ${id}`);
    return row;
  }

  return {
    ...createDirectoryRepository(db, credentialsDirectory, credentialStorage(box)),

    /** Id and name of every credential, for mapping imports and exports by name. */
    async directory(): Promise<Array<{ id: string; name: string }>> {
      return db.select({ id: credentials.id, name: credentials.name }).from(credentials);
    },

    /**
     * Whether this server's key is the one the database is used with: the stored secrets must open with it,
     * and its key check must equal the one stored on first use. The first server to start stores its check
     * (insert if absent, then compare), so servers starting together with one key all start.
     */
    async checkKey(beforeFirstUse?: () => void): Promise<KeyCheck> {
      const rows = await db
        .select()
        .from(credentials)
        .where(sql`${credentials.secrets} <> '{}'::jsonb`)
        .limit(1);
      const row = rows[0];
      if (row) {
        const [field, sealed] = Object.entries(row.secrets)[0]!;
        try {
          box.open(sealed, secretContext(row.id, field));
        } catch {
          return 'secrets-do-not-open';
        }
      }
      const check = box.keyCheck();
      const storedCheck = async () =>
        (await db.select({ value: databaseFacts.value }).from(databaseFacts).where(eq(databaseFacts.name, KEY_CHECK_FACT)))[0]?.value;
      let stored = await storedCheck();
      if (stored === undefined) {
        // A first start's key file is written before the database records the key: a crash in between
        // leaves a key file the next start reads, never a database whose key no file holds.
        beforeFirstUse?.();
        await db.insert(databaseFacts).values({ name: KEY_CHECK_FACT, value: check }).onConflictDoNothing();
        stored = await storedCheck();
      }
      return stored === check ? 'same-key' : 'another-key';
    },

    /** The value a run of the bot would send; no route answers with it. */
    async openSecret(id: string, field: string): Promise<string | null> {
      const row = await rowOf(id);
      const sealed = row.secrets[field];
      return sealed ? box.open(sealed, secretContext(id, field)) : null;
    },
  };
}
export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
