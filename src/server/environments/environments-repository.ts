import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  duplicateVariable,
  type Environment,
  type EnvironmentInput,
  type EnvironmentPatch,
  type EnvironmentVariableInput,
} from '../../domain/environments';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { bots, environments, type StoredEnvVariable } from '../db/schema';
import { conflict, inUse, notFound, preconditionFailed } from '../errors';
import type { SecretBox } from '../credentials/secret-box';

type Row = typeof environments.$inferSelect;

/** A secret's additional data: a sealed value opens only in the environment and variable it was sealed for. */
const secretContext = (id: string, name: string) => `environment:${id}:${name}`;

/** A variable as a run sees it: secrets opened. Never answered by a route. */
export interface ResolvedEnvVariable {
  name: string;
  value: string;
  secret: boolean;
}

export interface ResolvedEnvironment {
  id: string;
  name: string;
  variables: ResolvedEnvVariable[];
}

function duplicateNameProblem(error: unknown, name: string | undefined): never {
  if (violatedUniqueConstraint(error) === 'environments_name_unique') {
    throw conflict(`An environment named "${name}" exists already (names are compared ignoring case).`, {
      name: `Environment name "${name}" is taken: choose another.`,
    });
  }
  throw error;
}

function refuseDuplicateVariables(rows: readonly { name: string }[]): void {
  const duplicate = duplicateVariable(rows);
  if (duplicate) {
    throw conflict(`Variable "${duplicate.name}" is given twice: an environment holds one value per name.`, {
      [`variables.${duplicate.index}.name`]: `"${duplicate.name}" is already a variable of this environment: choose another name.`,
    });
  }
}

export function createEnvironmentsRepository(db: Database, box: SecretBox) {
  /** The stored rows of a write: a secret given is sealed, one left out keeps what `previous` holds under its name. */
  function storedVariables(
    id: string,
    rows: readonly EnvironmentVariableInput[],
    previous: readonly StoredEnvVariable[],
  ): StoredEnvVariable[] {
    const kept = new Map(previous.filter((row) => row.secret).map((row) => [row.name, row.value]));
    return rows.map((row) => {
      const secret = row.secret ?? false;
      if (!secret) return { name: row.name, value: row.value ?? '', secret };
      if (row.value === undefined) return { name: row.name, value: kept.get(row.name) ?? '', secret };
      return { name: row.name, value: row.value === '' ? '' : box.seal(row.value, secretContext(id, row.name)), secret };
    });
  }

  async function usersOf(ids: readonly string[], tx: Database = db): Promise<Map<string, Array<{ id: string; name: string }>>> {
    const users = new Map<string, Array<{ id: string; name: string }>>();
    if (ids.length === 0) return users;
    const rows = await tx
      .select({ id: bots.id, name: bots.name, environmentId: bots.environmentId })
      .from(bots)
      .where(inArray(bots.environmentId, [...ids]))
      .orderBy(asc(sql`lower(${bots.name})`), asc(bots.id));
    for (const { environmentId, ...bot } of rows) {
      const list = users.get(environmentId!) ?? [];
      list.push(bot);
      users.set(environmentId!, list);
    }
    return users;
  }

  function toEnvironment(row: Row, usedBy: Array<{ id: string; name: string }>): Environment {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      variables: row.variables.map((variable) =>
        variable.secret
          ? { name: variable.name, secret: true as const, set: variable.value !== '' }
          : { name: variable.name, value: variable.value, secret: false as const },
      ),
      usedBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  }

  async function requireRow(id: string, tx: Database = db): Promise<Row> {
    const [row] = await tx.select().from(environments).where(eq(environments.id, id));
    if (!row) throw notFound(`Environment ${id}`);
    return row;
  }

  async function answer(row: Row, tx: Database = db): Promise<Environment> {
    return toEnvironment(row, (await usersOf([row.id], tx)).get(row.id) ?? []);
  }

  return {
    async list(): Promise<Environment[]> {
      const rows = await db
        .select()
        .from(environments)
        .orderBy(asc(sql`lower(${environments.name})`), asc(environments.id));
      const users = await usersOf(rows.map((row) => row.id));
      return rows.map((row) => toEnvironment(row, users.get(row.id) ?? []));
    },

    async get(id: string): Promise<Environment> {
      return answer(await requireRow(id));
    },

    async version(id: string): Promise<number> {
      return (await requireRow(id)).version;
    },

    async create(input: EnvironmentInput, tx: Database = db): Promise<Environment> {
      const variables = input.variables ?? [];
      refuseDuplicateVariables(variables);
      const id = randomUUID();
      try {
        const [row] = await tx
          .insert(environments)
          .values({ id, name: input.name, description: input.description ?? '', variables: storedVariables(id, variables, []) })
          .returning();
        return toEnvironment(row!, []);
      } catch (error) {
        duplicateNameProblem(error, input.name);
      }
    },

    async update(id: string, expectedVersion: number, patch: EnvironmentPatch): Promise<Environment> {
      if (patch.variables) refuseDuplicateVariables(patch.variables);
      try {
        return await db.transaction(async (tx) => {
          const [current] = await tx.select().from(environments).where(eq(environments.id, id)).for('update');
          if (!current) throw notFound(`Environment ${id}`);
          if (current.version !== expectedVersion) throw preconditionFailed(current.version);
          const [row] = await tx
            .update(environments)
            .set({
              ...(patch.name !== undefined ? { name: patch.name } : {}),
              ...(patch.description !== undefined ? { description: patch.description } : {}),
              ...(patch.variables ? { variables: storedVariables(id, patch.variables, current.variables) } : {}),
              updatedAt: new Date(),
              version: sql`${environments.version} + 1`,
            })
            .where(eq(environments.id, id))
            .returning();
          return answer(row!, tx);
        });
      } catch (error) {
        duplicateNameProblem(error, patch.name);
      }
    },

    /** Refused while bots use it, unless forced: those bots then have no environment (each a new version). */
    async delete(id: string, expectedVersion: number, force: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const [current] = await tx.select().from(environments).where(eq(environments.id, id)).for('update');
        if (!current) throw notFound(`Environment ${id}`);
        if (current.version !== expectedVersion) throw preconditionFailed(current.version);
        const users = (await usersOf([id], tx)).get(id) ?? [];
        if (users.length > 0 && !force) {
          throw inUse(
            `Environment "${current.name}" is the environment of ${users.map((bot) => `"${bot.name}"`).join(', ')}: point them at another first, or delete with ?force=true (they are then left without one).`,
            { bots: users },
          );
        }
        if (users.length > 0) {
          await tx
            .update(bots)
            .set({ environmentId: null, updatedAt: new Date(), version: sql`${bots.version} + 1` })
            .where(eq(bots.environmentId, id));
        }
        await tx.delete(environments).where(and(eq(environments.id, id), eq(environments.version, expectedVersion)));
      });
    },

    /** The environment with its secrets opened, for a run; null when `id` is null or names none. */
    async resolved(id: string | null, tx: Database = db): Promise<ResolvedEnvironment | null> {
      if (!id) return null;
      const [row] = await tx.select().from(environments).where(eq(environments.id, id));
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        variables: row.variables.map((variable) => ({
          name: variable.name,
          secret: variable.secret,
          value: variable.secret && variable.value !== '' ? box.open(variable.value, secretContext(row.id, variable.name)) : variable.value,
        })),
      };
    },

    /** The environment a bot names, opened; null when it names none. */
    async ofBot(botId: string, tx: Database = db): Promise<ResolvedEnvironment | null> {
      const [bot] = await tx.select({ environmentId: bots.environmentId }).from(bots).where(eq(bots.id, botId));
      if (!bot) throw notFound(`Bot ${botId}`);
      return this.resolved(bot.environmentId, tx);
    },

    /** An environment's id by name (ignoring case), for imports that name one. */
    async idByName(name: string, tx: Database = db): Promise<string | null> {
      const [row] = await tx
        .select({ id: environments.id })
        .from(environments)
        .where(sql`lower(${environments.name}) = lower(${name})`);
      return row?.id ?? null;
    },

    /** The name of an environment, for exports. */
    async nameOf(id: string | null, tx: Database = db): Promise<string | null> {
      if (!id) return null;
      const [row] = await tx.select({ name: environments.name }).from(environments).where(eq(environments.id, id));
      return row?.name ?? null;
    },
  };
}
export type EnvironmentsRepository = ReturnType<typeof createEnvironmentsRepository>;
