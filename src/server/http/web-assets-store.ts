import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { webAssets, webBuilds } from '../db/schema';

/**
 * Builds whose assets are kept: the running one and the two before it. A rolling deploy needs the one
 * being replaced; a tab open through two deploys still gets its lazy chunks. Older tabs find their
 * chunks gone (a part shows Retry) and offer "Reload to update".
 */
export const KEPT_BUILDS = 3;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const contentTypeOf = (name: string) => CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

/** A name as Vite writes one (`index-AbCd_12-.js`): anything else is never looked up. */
const ASSET_NAME = /^[A-Za-z0-9_.-]{1,200}$/;

export interface StoredAsset {
  contentType: string;
  content: Buffer;
}

export interface WebAssetsStore {
  /**
   * Stores the files of this build that are not stored yet, marks the build as started now, and drops
   * the assets of builds beyond the last KEPT_BUILDS. Before the server answers: a page of this build
   * may be sent to any other server for its assets as soon as this one answers it.
   */
  publish(buildId: string, assetsDir: string): Promise<{ stored: number }>;
  get(name: string): Promise<StoredAsset | null>;
}

/**
 * The hashed assets of recent builds in the database: on PostgreSQL every server of every build reads
 * them (a server of build B answers a page of build A, which it never had on disk); on the embedded
 * database one server keeps its earlier builds' files across a redeploy.
 */
export function createWebAssetsStore(db: Database): WebAssetsStore {
  return {
    async publish(buildId, assetsDir) {
      const entries = await readdir(assetsDir, { withFileTypes: true }).catch(() => []);
      const names = entries.filter((entry) => entry.isFile() && ASSET_NAME.test(entry.name)).map((entry) => entry.name);
      await db
        .insert(webBuilds)
        .values({ buildId })
        .onConflictDoUpdate({ target: webBuilds.buildId, set: { startedAt: sql`now()` } });
      // The table holds a few builds' names: one read says what is there, without a parameter per name.
      const stored = new Map(
        (await db.select({ name: webAssets.name, buildId: webAssets.buildId }).from(webAssets)).map((row) => [row.name, row.buildId]),
      );
      let added = 0;
      // One file per statement, so that other queries (and other servers starting) run in between.
      for (const name of names) {
        const owner = stored.get(name);
        if (owner === undefined) {
          const content = await readFile(join(assetsDir, name));
          const inserted = await db
            .insert(webAssets)
            .values({ name, buildId, contentType: contentTypeOf(name), content })
            .onConflictDoNothing()
            .returning({ name: webAssets.name });
          added += inserted.length;
        } else if (owner !== buildId) {
          // A file this build shares with an older one stays as long as this build is kept.
          await db.update(webAssets).set({ buildId }).where(eq(webAssets.name, name));
        }
      }
      const kept = db.select({ buildId: webBuilds.buildId }).from(webBuilds).orderBy(desc(webBuilds.startedAt)).limit(KEPT_BUILDS);
      await db.delete(webBuilds).where(notInArray(webBuilds.buildId, kept));
      await db.delete(webAssets).where(notInArray(webAssets.buildId, db.select({ buildId: webBuilds.buildId }).from(webBuilds)));
      return { stored: added };
    },
    async get(name) {
      if (!ASSET_NAME.test(name)) return null;
      const [row] = await db
        .select({ contentType: webAssets.contentType, content: webAssets.content })
        .from(webAssets)
        .where(eq(webAssets.name, name));
      return row ?? null;
    },
  };
}
