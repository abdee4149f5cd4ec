import { describe, expect, it } from 'vitest';
import { botKeys } from '../features/bots/api/bot-keys';
import { integrationKeys } from '../features/integrations/api/integration-keys';
import { botDialogKeys } from '../lib/bot-dialog-keys';
import { createQueryClient } from '../lib/query-client';
import { BOT, ESCALATION } from '../testing/demo-records';
import { fakeApi } from '../testing/fake-api';
import { firstReadsOf } from '../../domain/first-reads';
import { preloadRoute } from './preload-route';
import { screenLoaders } from './screen-loaders';

const panelApi = () =>
  fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    [`GET /api/bots/${BOT.id}/integrations/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
    [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
    [`GET /api/bots/${BOT.id}/dialogs`]: () => ({ status: 200, body: { items: [] } }),
  });

async function settled(client: ReturnType<typeof createQueryClient>) {
  await expect.poll(() => client.isFetching()).toBe(0);
}

describe('preloadRoute', () => {
  it("loads the screens and asks for the bot, its list and the opened integration at once, under the keys the screens read (not the header's checks, which wait)", async () => {
    const api = panelApi();
    const client = createQueryClient();
    expect(screenLoaders['integration-edit'].loaded()).toBeUndefined();
    await preloadRoute(client, `/bots/${BOT.id}/integrations/${ESCALATION.id}`);
    await settled(client);

    // The panel and the edit screen arrived together, before anything rendered.
    expect(screenLoaders['integrations-panel'].loaded()?.Component).toBeTypeOf('function');
    expect(screenLoaders['integration-edit'].loaded()?.Component).toBeTypeOf('function');

    expect(api.calls.map((call) => call.path).sort()).toEqual(
      ['/api/me', `/api/bots/${BOT.id}`, `/api/bots/${BOT.id}/integrations`, `/api/bots/${BOT.id}/integrations/${ESCALATION.id}`].sort(),
    );
    expect(client.getQueryData(botKeys.detail(BOT.id))).toEqual(BOT);
    expect(client.getQueryData(integrationKeys.detail(BOT.id, ESCALATION.id))).toEqual(ESCALATION);
    expect(client.getQueryData(integrationKeys.list(BOT.id, ''))).toMatchObject({ pages: [{ items: [] }] });
  });

  it('asks for no integration on the panel itself or on a new one', async () => {
    for (const path of [`/bots/${BOT.id}/integrations`, `/bots/${BOT.id}/integrations/new`]) {
      const api = panelApi();
      const client = createQueryClient();
      preloadRoute(client, path);
      await settled(client);
      expect(api.calls.map((call) => call.path).sort()).toEqual(
        ['/api/me', `/api/bots/${BOT.id}`, `/api/bots/${BOT.id}/integrations`].sort(),
      );
    }
  });

  it('on the dialogs screen asks for the bot, its dialogs and its checks, not its integrations', async () => {
    const api = panelApi();
    const client = createQueryClient();
    await preloadRoute(client, `/bots/${BOT.id}/dialogs`);
    await settled(client);
    expect(screenLoaders.dialogs.loaded()?.Component).toBeTypeOf('function');
    expect(api.calls.map((call) => call.path).sort()).toEqual(
      ['/api/me', `/api/bots/${BOT.id}`, `/api/bots/${BOT.id}/checks`, `/api/bots/${BOT.id}/dialogs`].sort(),
    );
    expect(client.getQueryData(botDialogKeys.dialogs(BOT.id))).toEqual([]);
  });

  // Who is signed in decides what every screen offers (a viewer's are read-only): asked with the first screen, once.
  it('asks for the bots on the home page and, on every page, once for who is signed in', async () => {
    const api = fakeApi({ 'GET /api/bots': () => ({ status: 200, body: { items: [BOT], nextCursor: null } }) });
    const client = createQueryClient();
    preloadRoute(client, '/');
    preloadRoute(client, '/skills');
    preloadRoute(client, '/no/such/page');
    await settled(client);
    expect(api.calls.map((call) => call.path).sort()).toEqual(['/api/bots', '/api/me']);
  });

  it('asks, on every screen the server names reads for, for exactly those addresses (the browser gives the app their preloaded answers only when they match)', async () => {
    for (const path of [
      `/bots/${BOT.id}/integrations/${ESCALATION.id}`,
      `/bots/${BOT.id}/integrations`,
      `/bots/${BOT.id}/integrations/new`,
      '/',
    ]) {
      const api = fakeApi({});
      const client = createQueryClient();
      void preloadRoute(client, path);
      await settled(client);
      const announced = firstReadsOf(path);
      expect(announced.length).toBeGreaterThan(0);
      expect(
        api.calls
          .map((call) => call.url)
          .filter((url) => announced.includes(url))
          .sort(),
      ).toEqual([...announced].sort());
    }
  });
});
