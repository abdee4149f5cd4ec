import { and, desc, eq, gte, isNotNull, lt, notInArray, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntry } from '../../domain/people';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';

interface AuditQuery {
  botId?: string;
  actor?: string;
  action?: AuditAction;
  since?: string;
  cursor?: string;
  limit: number;
  /** Builders see the entries of bots only (sign-ins, people and keys are the admins'). */
  botsOnly: boolean;
  /** Bots the asker may not read: their entries are left out. */
  hiddenBots?: readonly string[];
}

/** Reads the trail; nothing here (or anywhere) updates or deletes an entry. */
export function createAuditRepository(db: Database) {
  return {
    async list(query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
      const conditions: SQL[] = [];
      if (query.botId) conditions.push(eq(auditEvents.botId, query.botId));
      if (query.actor) conditions.push(eq(auditEvents.actorId, query.actor));
      if (query.action) conditions.push(eq(auditEvents.action, query.action));
      if (query.since) conditions.push(gte(auditEvents.at, new Date(query.since)));
      if (query.cursor) conditions.push(lt(auditEvents.id, Number(query.cursor)));
      if (query.botsOnly) conditions.push(isNotNull(auditEvents.botId));
      if (query.hiddenBots?.length) conditions.push(notInArray(auditEvents.botId, [...query.hiddenBots]));
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(...conditions))
        .orderBy(desc(auditEvents.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => ({
          id: String(row.id),
          at: row.at.toISOString(),
          actor: { id: row.actorId, name: row.actorName, kind: row.actorKind },
          action: row.action as AuditAction,
          ...(row.botId ? { botId: row.botId } : {}),
          ...(row.integrationId ? { integrationId: row.integrationId } : {}),
          summary: row.summary,
        })),
        nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
      };
    },
  };
}
