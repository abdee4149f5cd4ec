import { describe, expect, it } from 'vitest';
import { SCREEN_ROUTES, screensFor, type ScreenRoute } from './screen-routes';

const BOT = '00000000-0000-4000-8000-000000000000';

describe('screensFor', () => {
  it('names the screens each page of the app opens on, outermost first, with the ids in the address', () => {
    expect(screensFor('/')).toEqual({ screens: ['bots'] });
    expect(screensFor('/skills/')).toEqual({ screens: ['skills'] });
    expect(screensFor(`/bots/${BOT}/integrations`)).toEqual({ screens: ['integrations-panel', 'integrations-index'], botId: BOT });
    expect(screensFor(`/bots/${BOT}/integrations/`)).toEqual({ screens: ['integrations-panel', 'integrations-index'], botId: BOT });
    expect(screensFor(`/bots/${BOT}/integrations/new`)).toEqual({ screens: ['integrations-panel', 'integration-new'], botId: BOT });
    expect(screensFor(`/bots/${BOT}/integrations/abc%20d`)).toEqual({
      screens: ['integrations-panel', 'integration-edit'],
      botId: BOT,
      integrationId: 'abc d',
    });
    expect(screensFor(`/bots/${BOT}/integrations/%E0`)).toMatchObject({
      screens: ['integrations-panel', 'integration-edit'],
      integrationId: '%E0',
    });
    expect(screensFor(`/bots/${BOT}/integrations/a/b`)).toEqual({ screens: ['integrations-panel'], botId: BOT });
    expect(screensFor(`/bots/${BOT}/dialogs`)).toEqual({ screens: ['dialogs'], botId: BOT });
    expect(screensFor(`/bots/${BOT}/dialogs/x`)).toEqual({ screens: [] });
  });

  it('matches nothing for addresses the app does not know', () => {
    expect(screensFor('/no/such/page')).toEqual({ screens: [] });
    expect(screensFor(`/bots/${BOT}`)).toEqual({ screens: [] });
  });

  // A proxy or balancer that sends `/api…` to the API would never show such a page; the API's own access
  // rules treat every `/api…` path as the API's.
  it('keeps every page out of the API space', () => {
    const paths = (routes: readonly ScreenRoute[]): string[] =>
      routes.flatMap((route) => [route.path ?? '', ...paths(route.children ?? [])]);
    for (const path of paths(SCREEN_ROUTES)) expect(path).not.toMatch(/^\/api/);
  });
});
