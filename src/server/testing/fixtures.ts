import type { TestServer } from './api-harness';

/** Empties the database and creates one bot; returns its id. */
export async function freshBot(server: TestServer, name = 'Test Bot'): Promise<string> {
  await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
  const created = await server.request<{ id: string }>('POST', '/api/bots', { body: { name } });
  if (created.status !== 201) throw new Error(`could not create a bot: ${created.status}`);
  return created.body.id;
}
