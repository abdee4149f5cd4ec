/**
 * The web app's one route table. The router draws its routes from it, the first-screen preload
 * (screensFor) and the server's modulepreload links match addresses against it, and every link
 * in the app is written with `paths`. Each screen is built as its own chunk from its route module,
 * src/web/app/routes/<screen>.tsx (the server finds its files in Vite's build manifest).
 */
export type ScreenName =
  | 'bots'
  | 'skills'
  | 'credentials'
  | 'functions'
  | 'knowledge-bases'
  | 'environments'
  | 'integrations-panel'
  | 'integrations-index'
  | 'integration-new'
  | 'integration-edit'
  | 'dialogs'
  | 'releases'
  | 'api-keys'
  | 'people'
  | 'activity'
  | 'invite'
  | 'not-found';

export interface ScreenRoute {
  screen: ScreenName;
  /** Absolute for a top-level route, relative to the parent for a child; absent on the index child. */
  path?: string;
  children?: readonly ScreenRoute[];
}

export const SCREEN_ROUTES: readonly ScreenRoute[] = [
  { path: '/', screen: 'bots' },
  { path: '/skills', screen: 'skills' },
  { path: '/credentials', screen: 'credentials' },
  { path: '/functions', screen: 'functions' },
  { path: '/knowledge-bases', screen: 'knowledge-bases' },
  { path: '/environments', screen: 'environments' },
  // The person's menu: their keys, the team (admins), and who did what.
  { path: '/me/api-keys', screen: 'api-keys' },
  { path: '/people', screen: 'people' },
  { path: '/activity', screen: 'activity' },
  // Where an invite link leads: the person sets a password once.
  { path: '/invite', screen: 'invite' },
  {
    path: '/bots/:botId/integrations',
    screen: 'integrations-panel',
    // Literal children come before parameters, as the router ranks them.
    children: [
      { screen: 'integrations-index' },
      { path: 'new', screen: 'integration-new' },
      { path: ':integrationId', screen: 'integration-edit' },
    ],
  },
  // The bot's dialogs drawn as flows: its own chunk (React Flow and ELK load with it, nowhere else).
  { path: '/bots/:botId/dialogs', screen: 'dialogs' },
  { path: '/bots/:botId/releases', screen: 'releases' },
];

/** Shown for every address the table does not match. */
export const NOT_FOUND_SCREEN: ScreenName = 'not-found';

/** The route module a screen's chunk is built from (a key of Vite's build manifest). */
export const screenModule = (screen: ScreenName) => `src/web/app/routes/${screen}.tsx`;

const segment = encodeURIComponent;

/** Addresses of the app, for links and navigation. */
export const paths = {
  bots: () => '/',
  skills: () => '/skills',
  credentials: () => '/credentials',
  functions: () => '/functions',
  knowledgeBases: () => '/knowledge-bases',
  environments: () => '/environments',
  apiKeys: () => '/me/api-keys',
  people: () => '/people',
  /** With filters, as the Activity screen keeps them in its address. */
  activity: (filters: Record<string, string | undefined> = {}) => {
    const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/activity${query.size ? `?${query}` : ''}`;
  },
  invite: () => '/invite',
  integrations: (botId: string) => `/bots/${segment(botId)}/integrations`,
  newIntegration: (botId: string) => `/bots/${segment(botId)}/integrations/new`,
  integration: (botId: string, integrationId: string) => `/bots/${segment(botId)}/integrations/${segment(integrationId)}`,
  /** With `node`, the screen centres and selects that interaction (or dialog). */
  releases: (botId: string) => `/bots/${segment(botId)}/releases`,
  dialogs: (botId: string, node?: string) => `/bots/${segment(botId)}/dialogs${node ? `?node=${segment(node)}` : ''}`,
};

interface ScreenMatch {
  /** Outermost first: the panel, then the screen inside it. */
  screens: ScreenName[];
  botId?: string;
  integrationId?: string;
}

// A malformed escape (%E0) is kept as written: the screen then reports the id as not found.
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

/** Matches the pattern's segments at the start of `parts`; the parameters found, or null. */
function matchPrefix(pattern: string, parts: string[]): { params: Record<string, string>; rest: string[] } | null {
  const wanted = segmentsOf(pattern);
  if (wanted.length > parts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of wanted.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decoded(parts[index]!);
    else if (part !== parts[index]) return null;
  }
  return { params, rest: parts.slice(wanted.length) };
}

/**
 * The screens a page of the app opens on, by its address: the web app loads them (and their data)
 * before its first render, the server names their chunks in the page it sends. Addresses the table
 * does not know match none here (the app shows its not-found screen).
 */
export function screensFor(pathname: string): ScreenMatch {
  const parts = segmentsOf(pathname);
  for (const route of SCREEN_ROUTES) {
    const found = matchPrefix(route.path ?? '/', parts);
    if (!found) continue;
    if (!route.children) {
      if (found.rest.length === 0) return { screens: [route.screen], ...found.params };
      continue;
    }
    const child = route.children.find((candidate) =>
      candidate.path === undefined ? found.rest.length === 0 : found.rest.length === 1 && matchPrefix(candidate.path, found.rest) !== null,
    );
    const childParams = child?.path ? matchPrefix(child.path, found.rest)!.params : {};
    return { screens: child ? [route.screen, child.screen] : [route.screen], ...found.params, ...childParams };
  }
  return { screens: [] };
}

/** Server-side patterns (Fastify syntax) of every page that opens on a screen of the table. */
export function screenPagePatterns(): string[] {
  return SCREEN_ROUTES.flatMap((route) => (route.children ? [route.path!, `${route.path}/*`] : [route.path!]));
}
