// The upper limit the API is compared with: Fastify answering the same routes with constant JSON
// of the same size, with no database, validation or serializer schema behind it.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

interface Payloads {
  one: unknown;
  list: unknown;
}

// Without a payload file (the footprint's reference) it serves empty objects.
const payloads: Payloads = process.env.PAYLOAD_FILE ? JSON.parse(readFileSync(process.env.PAYLOAD_FILE, 'utf8')) : { one: {}, list: {} };
const app = Fastify({ logger: false });

const nextEtag = (ifMatch: string | undefined) => `"${Number(/\d+/.exec(ifMatch ?? '')?.[0] ?? 0) + 1}"`;

app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/api/bots/:botId/integrations', async () => payloads.list);
app.get('/api/bots/:botId/integrations/:id', async (_request, reply) => {
  reply.header('etag', '"1"');
  return payloads.one;
});
app.put('/api/bots/:botId/integrations/:id', async (request, reply) => {
  reply.header('etag', nextEtag(request.headers['if-match']));
  return payloads.one;
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
