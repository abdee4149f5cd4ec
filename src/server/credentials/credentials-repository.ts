import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { credentialShapeSchemas, type Credential, type CredentialInput, type CredentialPatch } from '../../domain/directories/credential';
import { CREDENTIAL_SHAPES, type CredentialType } from '../../domain/directories/credential-types';
import { matchesEntry, type DirectoryUsage } from '../../domain/directories/directory-usage';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { credentials, databaseFacts } from '../db/schema';
import { inUseProblem } from '../directories/in-use';
import { CREDENTIAL_REFERENCE, findUsages } from '../directories/usages';
import { badRequest, conflict, DomainError, notFound } from '../errors';
import type { SecretBox } from './secret-box';

type Row = typeof credentials.$inferSelect;

/** The demo's credential: fixed id, so the demo integrations can refer to it. Its "secret" is demo text. */
export const DEMO_CREDENTIAL_ID = '5e1f0c2a-7d43-4b8e-9a61-3c2d4b5a6f70';
export const DEMO_CREDENTIAL: CredentialInput = {
  name: 'Orders API key',
  type: 'API_KEY',
  fields: { headerName: 'X-API-Key' },
  secrets: { apiKey: 'demo-orders-api-key-not-a-real-secret' },
};

/** `database_facts` row holding SecretBox.keyCheck() of the key the database was first used with. */
const KEY_CHECK_FACT = 'secrets-key-check';

export type KeyCheck = 'same-key' | 'secrets-do-not-open' | 'another-key';

/** A secret's additional data: a sealed value opens only in the credential and field it was sealed for. */
const secretContext = (id: string, field: string) => `credential:${id}:${field}`;

function duplicateProblem(error: unknown, name: string | undefined): never {
  if (violatedUniqueConstraint(error) === 'credentials_name_unique') {
    throw conflict(`A credential named "${name}" already exists.`, {
      name: `Credential name "${name}" is already used (names are unique, ignoring case).`,
    });
  }
  throw error;
}

function validationProblem(error: z.ZodError, prefix: string): DomainError {
  const errors = Object.fromEntries(error.issues.map((issue) => [[prefix, ...issue.path.map(String)].join('.'), issue.message]));
  const unknown = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  for (const key of unknown) errors[`${prefix}.${key}`] = `Unknown field "${key}" for this credential type.`;
  return badRequest(`The request body has a problem in ${prefix}: ${Object.values(errors)[0]}`, errors, 'Validation failed');
}

export function createCredentialsRepository(db: Database, box: SecretBox) {
  function toCredential(row: Row, usedBy: DirectoryUsage[]): Credential {
    const type = row.type as CredentialType;
    const secretsSet = Object.fromEntries(CREDENTIAL_SHAPES[type].secrets.map((key) => [key, Boolean(row.secrets[key])]));
    return {
      id: row.id,
      name: row.name,
      type,
      fields: row.fields,
      secretsSet,
      usedBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  }

  const seal = (id: string, secrets: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(secrets).flatMap(([key, value]) => (value ? [[key, box.seal(value, secretContext(id, key))]] : [])));

  async function rowOf(id: string): Promise<Row> {
    const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
    if (!row) throw notFound(`Credential ${id}`);
    return row;
  }

  async function usagesOf(id: string) {
    return (await findUsages(db, CREDENTIAL_REFERENCE, [id])).get(id) ?? [];
  }

  return {
    async list(q?: string): Promise<Credential[]> {
      const rows = (
        await db
          .select()
          .from(credentials)
          .orderBy(asc(sql`lower(${credentials.name})`))
      ).filter((row) => matchesEntry(row, q));
      const usages = await findUsages(
        db,
        CREDENTIAL_REFERENCE,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toCredential(row, usages.get(row.id) ?? []));
    },

    async get(id: string): Promise<Credential> {
      const row = await rowOf(id);
      return toCredential(row, await usagesOf(id));
    },

    async create(input: CredentialInput, id: string = randomUUID()): Promise<Credential> {
      try {
        const [row] = await db
          .insert(credentials)
          .values({ id, name: input.name, type: input.type, fields: input.fields, secrets: seal(id, input.secrets) })
          .returning();
        return toCredential(row!, []);
      } catch (error) {
        duplicateProblem(error, input.name);
      }
    },

    /** Fields and secrets are checked against the stored type; a secret set to null is cleared, one left out is kept. */
    async update(id: string, patch: CredentialPatch): Promise<Credential> {
      const current = await rowOf(id);
      const shape = credentialShapeSchemas[current.type as CredentialType];
      const fields = shape.fieldPatch.safeParse(patch.fields ?? {});
      if (!fields.success) throw validationProblem(fields.error, 'fields');
      const secrets = shape.secretPatch.safeParse(patch.secrets ?? {});
      if (!secrets.success) throw validationProblem(secrets.error, 'secrets');
      const nextSecrets: Record<string, string> = { ...current.secrets };
      for (const [key, value] of Object.entries(secrets.data as Record<string, string | null | undefined>)) {
        if (value === null) delete nextSecrets[key];
        else if (value !== undefined) nextSecrets[key] = box.seal(value, secretContext(id, key));
      }
      try {
        const [row] = await db
          .update(credentials)
          .set({
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            fields: { ...current.fields, ...(fields.data as Record<string, string>) },
            secrets: nextSecrets,
            updatedAt: new Date(),
            version: sql`${credentials.version} + 1`,
          })
          .where(eq(credentials.id, id))
          .returning();
        if (!row) throw notFound(`Credential ${id}`);
        return toCredential(row, await usagesOf(id));
      } catch (error) {
        duplicateProblem(error, patch.name);
      }
    },

    /** Refused while an API or File integration authenticates with it. */
    async delete(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(credentials).where(eq(credentials.id, id)).for('update');
        if (!row) throw notFound(`Credential ${id}`);
        const usages = (await findUsages(tx, CREDENTIAL_REFERENCE, [id])).get(id) ?? [];
        if (usages.length > 0) throw inUseProblem(`Credential "${row.name}"`, usages);
        await tx.delete(credentials).where(eq(credentials.id, id));
      });
    },

    /** Id and name of every credential, for mapping imports and exports by name. */
    async directory(): Promise<Array<{ id: string; name: string }>> {
      return db.select({ id: credentials.id, name: credentials.name }).from(credentials);
    },

    /** Opens one stored secret: a SECRETS_KEY other than the one they were sealed with fails here, at start. */
    /**
     * Whether this server's key is the one the database is used with: the stored secrets must open with it,
     * and its key check must equal the one stored on first use. The first server to start stores its check
     * (insert if absent, then compare), so servers starting together with one key all start.
     */
    async checkKey(): Promise<KeyCheck> {
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
      await db.insert(databaseFacts).values({ name: KEY_CHECK_FACT, value: check }).onConflictDoNothing();
      const [stored] = await db.select({ value: databaseFacts.value }).from(databaseFacts).where(eq(databaseFacts.name, KEY_CHECK_FACT));
      return stored?.value === check ? 'same-key' : 'another-key';
    },

    /** The value a run of the bot would send; no route answers with it. */
    async openSecret(id: string, field: string): Promise<string | null> {
      const row = await rowOf(id);
      const sealed = row.secrets[field];
      return sealed ? box.open(sealed, secretContext(id, field)) : null;
    },

    async seedDemo(): Promise<void> {
      const [existing] = await db.select({ id: credentials.id }).from(credentials).where(eq(credentials.id, DEMO_CREDENTIAL_ID));
      if (!existing) await this.create(DEMO_CREDENTIAL, DEMO_CREDENTIAL_ID);
    },
  };
}
export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
