/** The web build's id (vite.config.ts); null in the dev server, undefined in unit tests. */
declare const __BUILD_ID__: string | null;
