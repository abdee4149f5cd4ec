import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { integrationInputSchema, integrationSchema, type IntegrationValues } from '../../domain/integration';
import { anIntegrationInput } from '../../domain/samples';
import { createBotsRepository } from '../bots/bots-repository';
import { createListCursors } from '../db/cursor';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../testing/api-harness';
import { inJsonbOrder } from './integration-rows';
import { createIntegrationsRepository } from './integrations-repository';

type Rows<T> = { rows: T[] };

describeEachDatabase('saving an integration on %s', (kind) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let botId: string;
  // These tests list nothing: the cursors' seal is never used (the lists are tested over HTTP, db/cursor.test.ts).
  const cursors = createListCursors({
    seal: () => {
      throw new Error('no list in these tests');
    },
    open: () => {
      throw new Error('no list in these tests');
    },
  });
  const repository = () => createIntegrationsRepository(handle.db, cursors);
  const valuesOf = (input: unknown): IntegrationValues => integrationInputSchema.parse(input);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    handle = await openDatabase(database.target);
    botId = (await createBotsRepository(handle.db, cursors).create({ name: 'Saves', description: '' })).id;
  });
  afterAll(async () => {
    await handle?.close();
    await database?.destroy();
  });

  it('orders object keys as jsonb stores them: by length in UTF-8 bytes, then byte by byte, at every depth', async () => {
    const value = { zz: 1, a: { é: 1, z: 2, ab: 3, aa: 4, B: 5 }, b: [{ value: 1, key: 2 }], ß: 1, aé: 0, ab: 1, '': 3 };
    const result = (await handle.db.execute(sql`select ${JSON.stringify(value)}::jsonb as stored`)) as unknown as Rows<{
      stored: unknown;
    }>;
    expect(JSON.stringify(inJsonbOrder(value))).toBe(JSON.stringify(result.rows[0]!.stored));
  });

  it("answers a save with the record as stored, which a later read finds already parsed, and writes that record as the revision's snapshot", async () => {
    const integrations = repository();
    // An API integration: nested config (headers, parameters) whose keys jsonb reorders.
    const created = await integrations.create(botId, valuesOf(anIntegrationInput('API', { name: 'Orders' })));
    const values = valuesOf({ ...anIntegrationInput('API', { name: 'Orders' }), url: 'https://example.com/v2/orders' });
    await integrations.get(botId, created.id);
    const parses = vi.spyOn(integrationSchema, 'parse');
    let saved;
    try {
      saved = await integrations.replace(botId, created.id, created.version, values);
      expect(saved).toMatchObject({ version: created.version + 1, url: 'https://example.com/v2/orders', createdAt: created.createdAt });
      // The very value the save answered, parsed once before the write: the row it predicted is, member for
      // member, the row stored, so neither the save's answer nor a later read parses it again.
      expect(await integrations.get(botId, created.id)).toBe(saved);
      expect(parses).toHaveBeenCalledTimes(1);
    } finally {
      parses.mockRestore();
    }
    const revisions = (await handle.db.execute(
      sql`select action, version, snapshot, changed_fields from integration_revisions where integration_id = ${created.id} order by version`,
    )) as unknown as Rows<{ action: string; version: number; snapshot: unknown; changed_fields: string[] }>;
    expect(revisions.rows.map((row) => [row.action, row.version])).toEqual([
      ['create', created.version],
      ['update', saved.version],
    ]);
    expect(revisions.rows[1]!.snapshot).toEqual(JSON.parse(JSON.stringify(saved)));
    expect(revisions.rows[1]!.changed_fields).toEqual(['url']);
  });

  it('answers a stale version 412 and a missing record 404, writing nothing', async () => {
    const integrations = repository();
    const created = await integrations.create(botId, valuesOf(anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Stale' })));
    const values = valuesOf({ ...anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Stale' }), messageToUser: 'Changed' });
    await expect(integrations.replace(botId, created.id, created.version + 1, values)).rejects.toMatchObject({
      kind: 'version-conflict',
      message: expect.stringContaining(`version is ${created.version}.`),
    });
    await expect(integrations.replace(botId, crypto.randomUUID(), 1, values)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await integrations.get(botId, created.id)).toMatchObject({ version: created.version });
  });

  it('runs the check the save asks for inside its transaction: what the check throws leaves the record as it was', async () => {
    const integrations = repository();
    const created = await integrations.create(botId, valuesOf(anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Checked' })));
    const values = valuesOf({ ...anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Renamed' }) });
    const refused = new Error('in use');
    let readThrough = false;
    await expect(
      integrations.replace(botId, created.id, created.version, values, {
        check: (before) =>
          before.name === 'Checked'
            ? async (tx) => {
                readThrough = (await tx.execute(sql`select 1`)) !== undefined;
                throw refused;
              }
            : undefined,
      }),
    ).rejects.toBe(refused);
    expect(readThrough).toBe(true);
    expect(await integrations.get(botId, created.id)).toMatchObject({ name: 'Checked', version: created.version });
    const saved = await integrations.replace(botId, created.id, created.version, values, { check: () => undefined });
    expect(saved).toMatchObject({ name: 'Renamed', version: created.version + 1 });
  });
});
