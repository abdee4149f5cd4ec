import type { Plugin } from 'vite';

type ModuleInfoReader = (
  id: string,
) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[]; isEntry: boolean; code: string | null } | null;

/**
 * Chunks by screen rather than by every lazy import. Left alone, the bundler makes one chunk per set of
 * dynamic imports that reach a module; with each screen's lazy parts (dialogs, the resolver, the combobox)
 * counted as entries, a form opened by a link fetched 34 files, each with its own imports, exports and
 * gzip dictionary. Here, a module that screens need at once (static imports from the screen module) goes
 * into one chunk per set of such screens, the same chunk for every screen, so nothing loads twice. Screens
 * are the modules that `screenLoaders` imports; `everyScreen` names the libraries every screen runs first.
 */
export function screenChunks(screenLoaders: RegExp, everyScreen: RegExp): Plugin {
  // Filled at the end of the build, read when the chunks are made (after it).
  const screensOf = new Map<string, string>();
  const entryParts = new Set<string>();
  return {
    name: 'screen-chunks',
    apply: 'build',
    buildEnd() {
      screensOf.clear();
      entryParts.clear();
      const info: ModuleInfoReader = (id) => this.getModuleInfo(id);
      const ids = [...this.getModuleIds()];
      const entries = ids.filter((id) => info(id)?.isEntry);
      const entryModules = reach(info, entries, { lazy: false });
      const screens = ids.filter((id) => screenLoaders.test(id)).flatMap((id) => info(id)?.dynamicallyImportedIds ?? []);
      // Another build with this config (the bench's Monaco-only page) has no screens: it is left as the bundler makes it.
      if (screens.length === 0) return;
      // In the entry's own chunk: the entry, what it imports itself (main.tsx), and whatever imports those
      // (an `app` chunk importing the entry's chunk back would run in the wrong order). The rest goes to `app`.
      const top = new Set([...entries, ...entries.flatMap((id) => info(id)?.importedIds ?? [])]);
      for (let grew = true; grew;) {
        grew = false;
        for (const id of entryModules) {
          if (top.has(id) || !(info(id)?.importedIds ?? []).some((imported) => top.has(imported))) continue;
          top.add(id);
          grew = true;
        }
      }
      for (const id of entryModules) if (!top.has(id) && !id.includes('node_modules')) entryParts.add(id);
      const needs = new Map<string, { now: string[]; later: string[] }>();
      for (const screen of screens) {
        const name = screen.replace(/^.*[\\/]/, '').replace(/\.[jt]sx?$/, '');
        const stop = new Set([...entryModules, ...screens.filter((other) => other !== screen)]);
        const now = reach(info, [screen], { lazy: false, stop });
        for (const id of reach(info, [screen], { lazy: true, stop })) {
          const need = needs.get(id) ?? { now: [], later: [] };
          needs.set(id, need);
          (now.has(id) ? need.now : need.later).push(name);
        }
      }
      // A module goes with the others that the same screens need at once and the same screens may need
      // later (through a lazy part). Grouped by the first alone, a lazy part's modules would travel with
      // a screen that imports them (the header's checks with the Dialogs screen's React Flow), and one
      // screen's lazy part would come at once with another's. What no screen needs at once is the bundler's.
      const keys = new Map<string, string>();
      for (const [id, { now, later }] of needs)
        // The screens' own modules stay the bundler's: each keeps a chunk of its own, which the build
        // manifest names after it (the server's modulepreload links start from there).
        if (now.length > 0 && !screens.includes(id)) keys.set(id, `${now.sort().join('+')}${later.length > 0 ? '|later' : '|'}`);
      foldSmallGroups(info, keys, entryParts, everyScreen);
      // Short names: every chunk that imports another lists it by name for the preloader (__vite__mapDeps),
      // and names that spelled out their screens took about 1 KB of a form's first load.
      const distinct = [...new Set(keys.values())].sort();
      for (const [id, key] of keys) {
        screensOf.set(id, /^[^+|]+\|$/.test(key) ? `${key.slice(0, -1)}-parts` : `shared-${distinct.indexOf(key).toString(36)}`);
      }
    },
    config() {
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // A module's screens (at once, and later) include those of every module that imports it, so a
                // chunk only imports chunks of more screens, or the entry's: no cycle, whatever the groups' order.
                groups: [
                  // What every screen runs before it shows anything (React, the router, TanStack Query) in one file.
                  { name: 'framework', test: (id: string) => entryParts.size > 0 && everyScreen.test(id), priority: 2 },
                  // The app's own modules that the entry imports, in one file: left to the bundler, those that
                  // screens import too were split into a file each.
                  { name: 'app', test: (id: string) => entryParts.has(id), priority: 1, includeDependenciesRecursively: false },
                  { debugName: 'screens', name: (id: string) => screensOf.get(id) ?? null, includeDependenciesRecursively: false },
                ],
              },
            },
          },
        },
      };
    },
  };
}

// A group smaller than this (its modules' code as the bundler holds it before minifying, about 0.6 KB gzip)
// costs more as a file of its own than as bytes every screen fetches: each file repeats its imports and exports,
// the preloader's list names it, and gzip starts its dictionary over. A form fetched a dozen such files.
const SMALL_GROUP = 8_000;

/**
 * Moves the small groups' modules into the `app` chunk, which every screen loads first. Only modules whose own
 * imports are all in `app` or the framework (or move with them) can go: `app` must not import a screen's chunk.
 */
function foldSmallGroups(info: ModuleInfoReader, keys: Map<string, string>, app: Set<string>, framework: RegExp) {
  const size = new Map<string, number>();
  for (const [id, key] of keys) size.set(key, (size.get(key) ?? 0) + (info(id)?.code?.length ?? 0));
  const candidates = new Set([...keys].filter(([id, key]) => size.get(key)! < SMALL_GROUP && /\.[jt]sx?$/.test(id)).map(([id]) => id));
  for (let shrank = true; shrank;) {
    shrank = false;
    for (const id of candidates) {
      const imports = info(id)?.importedIds ?? [];
      if (imports.every((imported) => app.has(imported) || framework.test(imported) || candidates.has(imported))) continue;
      candidates.delete(id);
      shrank = true;
    }
  }
  for (const id of candidates) {
    keys.delete(id);
    app.add(id);
  }
}

/** Every module reached from `start` by static imports (and dynamic ones too, when `lazy`), not going through `stop`. */
function reach(
  info: ModuleInfoReader,
  start: readonly string[],
  { lazy, stop }: { lazy: boolean; stop?: ReadonlySet<string> },
): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id) || stop?.has(id)) continue;
    seen.add(id);
    const module = info(id);
    stack.push(...(module?.importedIds ?? []), ...(lazy ? (module?.dynamicallyImportedIds ?? []) : []));
  }
  return seen;
}
