import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { bots } from '../db/schema';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { mapCbExport } from './from-cb';
import { keepDialogItemsApart } from './dialog-items-store';
import { encodeExtras } from './stored-extras';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from './testing/own-exports';

/*
 * A bot's dialogs and interactions are kept one item a row beside the rest of its file, so that reading them
 * never parses the whole file at once; bots stored before that are rewritten so at start, and every read
 * (dialogs, export) gives what it gave before.
 */

describeEachDatabase('dialog items kept apart on %s', (kind) => {
  const server = useTestServer(kind);
  const file = OWN_EXPORTS[OWN_SUPPORT_DESK]!;
  const parsed = JSON.parse(file) as { groups: unknown[]; conversationMessage: unknown[] };

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await server.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? result) as T[];
  }

  async function importBot(): Promise<string> {
    const imported = await server.request('POST', '/api/bots/import', { raw: file, headers: { 'content-type': 'application/json' } });
    expect(imported.status).toBe(201);
    return (imported.body as { bot: { id: string } }).bot.id;
  }

  const itemCount = async (botId: string) =>
    (await rows<{ count: number }>(sql`select count(*)::int as count from bot_dialog_items where bot_id = ${botId}`))[0]!.count;
  const exported = async (botId: string) => {
    const response = await fetch(`${server.baseUrl}/api/bots/${botId}/export?format=cb`);
    return response.text();
  };

  it('stores an imported bot with one row per dialog and interaction, its row without them, and exports it byte for byte', async () => {
    const botId = await importBot();
    expect(await itemCount(botId)).toBe(parsed.groups.length + parsed.conversationMessage.length);
    const [kept] = await rows<{ length: number }>(sql`select length(extras ->> 'cbExtrasJson') as length from bots where id = ${botId}`);
    // The dialogs no longer ride in the bot's row: what is left is the rest of the file.
    expect(kept!.length).toBeLessThan(file.length / 2);
    expect(await exported(botId)).toBe(file);
  });

  it('rewrites a bot stored whole before, keeping its version, its dialogs and its export', async () => {
    const botId = await importBot();
    const dialogsBefore = (await server.request('GET', `/api/bots/${botId}/dialogs`)).body;
    const extras = mapCbExport(JSON.parse(file) as Parameters<typeof mapCbExport>[0]).bot.extras;
    // As a server before this change stored it: the whole file in the row, no items.
    await server.database.db
      .update(bots)
      .set({ extras: encodeExtras(extras) })
      .where(eq(bots.id, botId));
    await server.database.db.execute(sql`delete from bot_dialog_items where bot_id = ${botId}`);
    const version = (await rows<{ version: number }>(sql`select version from bots where id = ${botId}`))[0]!.version;
    expect(await exported(botId)).toBe(file);

    expect(await keepDialogItemsApart(server.database.db)).toBeGreaterThanOrEqual(1);
    expect(await itemCount(botId)).toBe(parsed.groups.length + parsed.conversationMessage.length);
    expect((await rows<{ version: number }>(sql`select version from bots where id = ${botId}`))[0]!.version).toBe(version);
    expect(await keepDialogItemsApart(server.database.db)).toBe(0);
    expect(await exported(botId)).toBe(file);
    expect((await server.request('GET', `/api/bots/${botId}/dialogs`)).body).toEqual(dialogsBefore);
  });

  it('writes only the interactions a rename rewrote, and reads the renamed ones back', async () => {
    const botId = await importBot();
    const integrations = (await server.request('GET', `/api/bots/${botId}/integrations?limit=500`)).body as {
      items: Array<{ id: string; name: string; version: number }>;
    };
    const target = integrations.items.find((item) => item.name === 'OrderLookup')!;
    const positions = async () =>
      new Map(
        (
          await rows<{ list: string; position: number; xmin: string }>(
            sql`select list, position, xmin::text as xmin from bot_dialog_items where bot_id = ${botId}`,
          )
        ).map((row) => [`${row.list}/${row.position}`, row.xmin]),
      );
    const before = await positions();
    const renamed = await server.request('POST', `/api/bots/${botId}/integrations/${target.id}/rename`, {
      headers: { 'if-match': `"${target.version}"` },
      body: { name: 'OrderFinder' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const changes = (renamed.body as { changes: unknown[] }).changes;
    expect(changes.length).toBeGreaterThan(0);
    const after = await positions();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const rewritten = [...after].filter(([key, xmin]) => before.get(key) !== xmin).map(([key]) => key);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((key) => key.startsWith('conversationMessage/'))).toBe(true);
    expect(rewritten.length).toBeLessThan(parsed.conversationMessage.length);
    const exportedText = await exported(botId);
    expect(exportedText).toContain('OrderFinder');
  });
});
