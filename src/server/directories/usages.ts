import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DirectoryUsage } from '../../domain/directories/directory-usage';
import type { IntegrationType } from '../../domain/integration-types';
import type { Database } from '../db/database';
import { bots, integrations } from '../db/schema';

/** Which integration field refers to entries of a directory, and in which integration types. */
export interface ReferenceField {
  field: 'credentialId' | 'functionId' | 'knowledgeBaseId';
  types: readonly IntegrationType[];
}

export const CREDENTIAL_REFERENCE: ReferenceField = { field: 'credentialId', types: ['API', 'FILE'] };
export const FUNCTION_REFERENCE: ReferenceField = { field: 'functionId', types: ['FAAS'] };
export const KNOWLEDGE_BASE_REFERENCE: ReferenceField = { field: 'knowledgeBaseId', types: ['KNOWLEDGE_AI'] };

/** The integrations that refer to each of `ids` (all referenced ids when `ids` is null), by bot and name. */
export async function findUsages(
  db: Database,
  reference: ReferenceField,
  ids: readonly string[] | null,
): Promise<Map<string, DirectoryUsage[]>> {
  const value = sql<string>`${integrations.config} ->> ${reference.field}`;
  const rows = await db
    .select({
      value,
      botId: integrations.botId,
      botName: bots.name,
      integrationId: integrations.id,
      integrationName: integrations.name,
    })
    .from(integrations)
    .innerJoin(bots, eq(bots.id, integrations.botId))
    .where(
      and(
        inArray(integrations.type, [...reference.types]),
        // One array parameter whatever the count: one parameter per id failed past 65,535 (70k knowledge bases).
        ids === null ? sql`${value} <> ''` : ids.length === 0 ? sql`false` : sql`${value} = any(${sql.param([...ids])}::text[])`,
      ),
    )
    .orderBy(asc(sql`lower(${bots.name})`), asc(sql`lower(${integrations.name})`));
  const usages = new Map<string, DirectoryUsage[]>();
  for (const { value: id, ...usage } of rows) {
    const list = usages.get(id) ?? [];
    list.push(usage);
    usages.set(id, list);
  }
  return usages;
}
