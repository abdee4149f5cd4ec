import { createBenchDatabase } from './databases';
import { createFloorRoot, FLOOR_PATH } from './floor-root';
import { startServer } from './server-process';

export interface DemoIntegration {
  id: string;
  name: string;
  type: string;
}

export interface DemoServer {
  baseUrl: string;
  botId: string;
  /** The demo bot's integrations, one of each type (src/server/demo/demo-data.ts). */
  integrations: DemoIntegration[];
  /** A floor page's address; `react` draws the list (and, with an id, the form) with React alone. */
  floor(page: 'list' | 'form' | 'monaco' | 'react' | 'typing', integrationId?: string): string;
  stop(): Promise<void>;
}

/**
 * The production server on a fresh embedded database holding the demo data; with `floors`, serving the
 * floor pages too (the weights need none: CI does without building the Monaco-only page).
 */
export async function startDemoServer(options: { floors: boolean }): Promise<DemoServer> {
  const database = await createBenchDatabase('pglite');
  const floors = options.floors ? await createFloorRoot() : null;
  const cleanup = async () => {
    await database.destroy();
    floors?.remove();
  };
  let server;
  try {
    server = await startServer(database.target, floors ? { webRoot: floors.webRoot } : {});
  } catch (error) {
    await cleanup();
    throw error;
  }
  const running = server;
  const stop = async () => {
    await running.stop();
    await cleanup();
  };
  try {
    const reset = await fetch(`${running.baseUrl}/api/testing/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`resetting to the demo data: ${reset.status}`);
    const { bots } = (await reset.json()) as { bots: Array<{ id: string }> };
    const botId = bots[0]!.id;
    const list = await fetch(`${running.baseUrl}/api/bots/${botId}/integrations?limit=500`);
    const { items } = (await list.json()) as { items: DemoIntegration[] };
    return {
      baseUrl: running.baseUrl,
      botId,
      integrations: items.map(({ id, name, type }) => ({ id, name, type })),
      floor: (page, integrationId) =>
        `${FLOOR_PATH}/${page === 'monaco' || page === 'react' || page === 'typing' ? `${page}/index` : page}.html?bot=${botId}${integrationId ? `&id=${integrationId}` : ''}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
