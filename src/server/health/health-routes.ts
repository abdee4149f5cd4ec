import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTableName, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database';
import { isDatabaseUnavailable } from '../db/errors';
import { databaseNotReady, databaseUnreachable } from '../http/database-availability';
import { schema } from '../db/schema';
import { HttpProblem } from '../http/problems';
import { problems } from '../http/route-schemas';

/**
 * One row from each of the app's tables, in one round trip: every relation file must open and its first
 * page must be valid. A full scan would cost as much as the data and, with the pages cached, see no more.
 */
const readEveryTable = sql.join(
  [
    sql.raw('select'),
    sql.join(
      Object.values(schema).map((table) => sql`(select 1 from ${sql.identifier(getTableName(table))} limit 1)`),
      sql`, `,
    ),
  ],
  sql` `,
);

export const healthRoutes: FastifyPluginAsyncZod<{
  database: DatabaseHandle;
  build: string | null;
  /** False until the database is migrated and checked (a server started while PostgreSQL was down). */
  isReady: () => boolean;
}> = async (app, { database, build, isReady }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      // A few bytes, never compressed: without the compression hooks the first answer also does not load
      // Node's fetch implementation (@fastify/compress checks every payload against its Response), which
      // took 70-100 ms of the time to healthy.
      compress: false,
      schema: {
        tags: ['health'],
        summary: 'Readiness: the server answers and can read every table of its database (503 when it cannot)',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            // The served web app's build id: an open tab of another build offers to reload.
            build: z.string().nullable(),
          }),
          ...problems(503),
        },
      },
    },
    async (request) => {
      if (!isReady()) throw databaseNotReady();
      try {
        await database.db.execute(readEveryTable);
      } catch (error) {
        // A balancer takes this server out of rotation until PostgreSQL answers again, and nothing is damaged.
        if (isDatabaseUnavailable(error)) throw databaseUnreachable();
        request.log.error({ err: error }, 'readiness: the tables cannot be read');
        throw new HttpProblem(
          503,
          'Service Unavailable',
          'The database cannot read its tables (the reason is in the server log). For the embedded database, stop the server, ' +
            'restore DATA_DIR from a backup and run `npm run db:check`; for PostgreSQL, check the database server.',
        );
      }
      return { status: 'ok' as const, database: database.kind, build };
    },
  );

  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      compress: false,
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers requests; the database is not asked',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
};
