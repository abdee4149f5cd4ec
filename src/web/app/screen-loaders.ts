import type { ComponentType } from 'react';
import type { ScreenName } from '../../domain/screen-routes';

export interface ScreenModule {
  Component: ComponentType;
}

/** One screen's chunk: loaded once, and readable without waiting once it has arrived. A failed load is tried again next time. */
export interface ScreenLoader {
  load(): Promise<ScreenModule>;
  loaded(): ScreenModule | undefined;
}

function screenLoader(importModule: () => Promise<ScreenModule>): ScreenLoader {
  let loading: Promise<ScreenModule> | null = null;
  let module: ScreenModule | undefined;
  return {
    load() {
      loading ??= importModule().then(
        (loadedModule) => (module = loadedModule),
        (error: unknown) => {
          // Not kept: the next visit to the screen asks again (the network may be back, or the tab reloaded).
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}

// Each screen is its own chunk: the bots page does not carry the form, and nothing carries Monaco
// until the editor shows. The router renders them lazily; preload-route starts them early.
export const screenLoaders: Record<ScreenName, ScreenLoader> = {
  bots: screenLoader(() => import('./routes/bots')),
  skills: screenLoader(() => import('./routes/skills')),
  credentials: screenLoader(() => import('./routes/credentials')),
  functions: screenLoader(() => import('./routes/functions')),
  'knowledge-bases': screenLoader(() => import('./routes/knowledge-bases')),
  environments: screenLoader(() => import('./routes/environments')),
  'integrations-panel': screenLoader(() => import('./routes/integrations-panel')),
  'integrations-index': screenLoader(() => import('./routes/integrations-index')),
  'integration-new': screenLoader(() => import('./routes/integration-new')),
  'integration-edit': screenLoader(() => import('./routes/integration-edit')),
  dialogs: screenLoader(() => import('./routes/dialogs')),
  releases: screenLoader(() => import('./routes/releases')),
  'api-keys': screenLoader(() => import('./routes/api-keys')),
  people: screenLoader(() => import('./routes/people')),
  activity: screenLoader(() => import('./routes/activity')),
  invite: screenLoader(() => import('./routes/invite')),
  'not-found': screenLoader(() => import('./routes/not-found')),
};
