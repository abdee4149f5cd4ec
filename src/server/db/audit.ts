import type { AuditAction } from '../../domain/people';
import { currentActor, type Actor } from './actor-context';
import type { Database } from './database';
import { auditEvents } from './schema';

export interface AuditRecord {
  action: AuditAction;
  botId?: string | null;
  integrationId?: string | null;
  summary: string;
}

/** A transaction of drizzle, or the database itself for a change made by one statement. */
type Writer = Pick<Database, 'insert'>;

/**
 * Appends one entry to the audit trail. Call it with the transaction of the change it records, so that a
 * rolled-back change leaves no entry and a stored change always has one.
 */
export async function recordAudit(tx: Writer, record: AuditRecord, actor: Actor = currentActor()): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor.id,
    actorName: actor.name,
    actorKind: actor.kind,
    action: record.action,
    botId: record.botId ?? null,
    integrationId: record.integrationId ?? null,
    summary: record.summary,
  });
}
