import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written by the web build (vite.config.ts) next to index.html; the same id is compiled into the app's script. */
const BUILD_ID_FILE = 'build-id.txt';

/**
 * The id of the web app this server serves, read once at start: a tab whose own id differs was loaded
 * from another build and offers "Reload to update". null without a built app (API only, tests).
 */
export function readBuildId(webRoot: string): string | null {
  try {
    return readFileSync(join(webRoot, BUILD_ID_FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
