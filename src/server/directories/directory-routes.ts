import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DirectoryDescriptor } from '../../domain/directories/define-directory';
import { directorySchemas } from '../../domain/directories/directory-schemas';
import { directoryQuerySchema, matchesEntry, type DirectoryUsage } from '../../domain/directories/directory-usage';
import type { Database } from '../db/database';
import { notFound } from '../errors';
import { ifMatchVersion, sendNotModified, setEtag } from '../http/etag';
import { HttpProblem } from '../http/problems';
import { ifMatchHeader, problems } from '../http/route-schemas';
import type { DirectoryRecord, DirectoryRepository } from './directory-repository';
import type { SharedList } from './cached-source';
import type { RemoteEntry } from './remote-lists';
import { findUsages } from './usages';

interface DirectoryRoutesOptions {
  directory: DirectoryDescriptor;
  repository: DirectoryRepository;
  db: Database;
  /** Reads the directory from the LivePerson account (cached) instead of its table (read-only then); null when not configured. */
  readRemote: (() => Promise<SharedList<RemoteEntry>>) | null;
}

/** Upstream lists come in their own order; the app shows every directory by name, as the local tables are read. */
const byName = (a: { name: string }, b: { name: string }) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

/** One directory's routes, from its descriptor: list, read, add, change and delete; writes name the version they change. */
export const directoryRoutes: FastifyPluginAsyncZod<DirectoryRoutesOptions> = async (app, { directory, repository, db, readRemote }) => {
  const schemas = directorySchemas(directory);
  const { path, tag, noun } = directory;
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  // Already cached for the whole cluster (app.ts wraps it in a shared cached source).
  const remote = readRemote;

  function refuseWhenRemote() {
    if (remote) {
      throw new HttpProblem(
        409,
        'Conflict',
        `The ${noun} directory is read from the LivePerson account (${directory.remote?.hostVariable} is set): change it there.`,
      );
    }
  }

  async function withUsages<T extends { id: string }>(items: T[]): Promise<Array<T & { usedBy?: DirectoryUsage[] }>> {
    const reference = directory.usages;
    if (!reference) return items;
    const usages = await findUsages(
      db,
      reference,
      items.map((item) => item.id),
    );
    return items.map((item) => ({ ...item, usedBy: usages.get(item.id) ?? [] }));
  }

  async function find(id: string): Promise<DirectoryRecord | RemoteEntry> {
    const found = remote ? (await remote()).items.find((entry) => entry.id === id) : await repository.get(id);
    if (!found) throw notFound(`${Noun} ${id}`);
    return found;
  }
  const currentVersion = (id: string) => async () => {
    const found = await repository.get(id);
    if (!found) throw notFound(`${Noun} ${id}`);
    return found.version;
  };
  const writeSchema = { params: schemas.params, headers: ifMatchHeader };

  app.get(
    path,
    {
      schema: {
        tags: [tag],
        summary: `The ${directory.plural}, by name${directory.usages ? ', with the integrations that use each' : ''}; q searches names (ignoring case) and id prefixes`,
        querystring: directoryQuerySchema,
        response: { 200: schemas.list, ...problems(400, 502) },
      },
    },
    async (request, reply) => {
      const { q } = request.query;
      if (!remote) {
        const listed = { items: await withUsages(await repository.list(q)) };
        return directory.remote ? { ...listed, source: 'local' as const } : listed;
      }
      const list = await remote();
      // How old the list is, as HTTP says it of anything served from a cache (RFC 9111 Age), and in the body
      // for the pages: after LivePerson failures every server serves the last good list for up to 10 minutes.
      reply.header('age', String(Math.floor(list.ageMs / 1000)));
      const items = list.items.filter((entry) => matchesEntry(entry, q)).sort(byName);
      return {
        items: await withUsages(items),
        source: 'liveperson' as const,
        fetchedAt: list.fetchedAt.toISOString(),
        stale: list.stale,
      };
    },
  );

  app.get(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `One ${noun} (If-None-Match → 304)`,
        params: schemas.params,
        response: { 200: schemas.entry, ...problems(400, 404, 502) },
      },
    },
    async (request, reply) => {
      const [entry] = await withUsages([await find(request.params.id)]);
      if (typeof entry!.version === 'number') {
        if (sendNotModified(request, reply, entry!.version)) return reply;
        setEtag(reply, entry!.version);
      }
      return entry;
    },
  );

  app.post(
    path,
    {
      schema: {
        tags: [tag],
        summary: `Add a ${noun}`,
        body: schemas.input,
        response: { 201: schemas.entry, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const created = await repository.create(request.body);
      setEtag(reply, created.version);
      const [entry] = await withUsages([created]);
      return reply
        .code(201)
        .header('location', `${path}/${encodeURIComponent(created.id)}`)
        .send(entry!);
    },
  );

  app.patch(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `Change a ${noun}: what the body leaves out is kept (If-Match required; integrations refer to it by id, so they follow a rename)`,
        ...writeSchema,
        body: schemas.patch,
        response: { 200: schemas.entry, ...problems(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const { id } = request.params;
      const updated = await repository.update(id, await ifMatchVersion(request, currentVersion(id)), request.body);
      setEtag(reply, updated.version);
      const [entry] = await withUsages([updated]);
      return entry!;
    },
  );

  app.post(
    `${path}/:id/restore`,
    {
      schema: {
        tags: [tag],
        summary: `Put a deleted ${noun} back as it was, same id${directory.variants ? ' and secrets' : ''} (the Undo of its delete); 404 when none was deleted, 409 when its name or id is taken since`,
        params: writeSchema.params,
        response: { 201: schemas.entry, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const restored = await repository.restore(request.params.id);
      setEtag(reply, restored.version);
      const [entry] = await withUsages([restored]);
      return reply
        .code(201)
        .header('location', `${path}/${encodeURIComponent(restored.id)}`)
        .send(entry!);
    },
  );

  app.delete(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `Remove a ${noun} from the directory (If-Match required)${directory.usages ? '; 409 while integrations use it' : ''}`,
        ...writeSchema,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const { id } = request.params;
      await repository.delete(id, await ifMatchVersion(request, currentVersion(id)));
      return reply.code(204).send();
    },
  );
};
