/**
 * The web app's screens, each built as its own chunk named after its route module
 * (src/web/app/routes/<name>.tsx becomes assets/<name>-<hash>.js).
 */
export type ScreenName =
  | 'bots'
  | 'skills'
  | 'integrations-panel'
  | 'integrations-index'
  | 'integration-new'
  | 'integration-edit'
  | 'not-found';

export interface ScreenMatch {
  /** Outermost first: the panel, then the screen inside it. */
  screens: ScreenName[];
  botId?: string;
  integrationId?: string;
}

const PANEL = /^\/bots\/([^/]+)\/integrations(?:\/(.*))?$/;

// A malformed escape (%E0) is kept as written: the screen then reports the id as not found.
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The screens a page of the app opens on, by its address: the web app loads them (and their data)
 * before its first render, the server names their chunks in the page it sends. Addresses the app's
 * router does not know match none here (the app shows its not-found screen).
 */
export function screensFor(pathname: string): ScreenMatch {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { screens: ['bots'] };
  if (path === '/skills') return { screens: ['skills'] };
  const panel = PANEL.exec(path);
  if (!panel) return { screens: [] };
  const botId = decoded(panel[1]!);
  const rest = panel[2] ?? '';
  if (rest === '') return { screens: ['integrations-panel', 'integrations-index'], botId };
  if (rest === 'new') return { screens: ['integrations-panel', 'integration-new'], botId };
  if (rest.includes('/')) return { screens: ['integrations-panel'], botId };
  return { screens: ['integrations-panel', 'integration-edit'], botId, integrationId: decoded(rest) };
}
