// The floor for the API's reads: the least an HTTP API over this database can do. Fastify and the
// driver, the same SQL the app sends, rows answered as they come, with no validation, ORM, security
// headers or error handling. Run in the same bench run as the app, on the same data, so the app's
// distance to it is its own overhead on this machine today.
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { createPgliteClient } from '../src/server/db/database';
import { lockDataDir } from '../src/server/db/data-dir-lock';
import { BOT_EXISTS, GET_ONE, LIST } from './driver-queries';

type Query = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function openQuery(): Promise<Query> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return async (text, params) => (await pool.query(text, params)).rows;
  }
  // One process per data dir, as for the app: the lock is released by the system when this process ends.
  if (process.env.DATA_DIR) await lockDataDir(process.env.DATA_DIR);
  const client: PGlite = createPgliteClient(process.env.DATA_DIR ?? null);
  return async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
}

const query = await openQuery();
const app = Fastify({ logger: false });
type BotParams = { botId: string };

app.get('/api/health', async () => ({ status: 'ok' }));
app.get<{ Params: BotParams }>('/api/bots/:botId/integrations', async (request, reply) => {
  if ((await query(BOT_EXISTS, [request.params.botId])).length === 0) return reply.code(404).send({ status: 404 });
  const rows = await query(LIST, [request.params.botId]);
  return { items: rows.slice(0, 100), nextCursor: rows.length > 100 ? 'next' : null };
});
app.get<{ Params: BotParams & { id: string } }>('/api/bots/:botId/integrations/:id', async (request, reply) => {
  const [row] = await query(GET_ONE, [request.params.botId, request.params.id]);
  if (!row) return reply.code(404).send({ status: 404 });
  reply.header('etag', `"${String(row.version)}"`);
  return row;
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
