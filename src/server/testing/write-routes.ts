import { DIRECTORIES } from '../../domain/directories';
import type { DirectoryDescriptor } from '../../domain/directories/define-directory';
import { anIntegrationInput } from '../../domain/samples';
import type { TestServer } from './api-harness';
import { OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { readSampleExport } from '../cb-export/testing/sample-exports';

/** A write route as the app documents it: method and path as declared, e.g. `PATCH /api/bots/{botId}`. */
interface WriteRoute {
  method: 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  /** The properties its body documents (none for DELETE). */
  bodyProperties: string[];
}

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/**
 * Every PUT, PATCH and DELETE route of the app, from its own OpenAPI document: a route added later is covered.
 * The test API's routes are left out: they exist only for test runs and drop a whole fixture bot, with no
 * version of it for a client to hold.
 */
export async function writeRoutes(server: TestServer): Promise<WriteRoute[]> {
  const document = (await server.request<{ paths: Record<string, Record<string, OpenApiOperation>> }>('GET', '/api/openapi.json')).body;
  const routes = Object.entries(document.paths).filter(([route]) => !route.startsWith('/api/testing/'));
  return routes.flatMap(([route, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const upper = method.toUpperCase();
      if (upper !== 'PUT' && upper !== 'PATCH' && upper !== 'DELETE') return [];
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      return [{ method: upper, route, bodyProperties: Object.keys(schema?.properties ?? {}) }];
    }),
  );
}

/** A resource a write route can change: where it is, its ETag, and a body the route accepts. */
interface WriteTarget {
  path: string;
  /** Where the resource's version is read back, when the write's own path has no GET (a dialog's bot). */
  readPath?: string;
  etag: string;
  /** A body that changes the resource (PUT, PATCH); a value for each of a PATCH's documented properties. */
  body: Record<string, unknown>;
}

let serial = 0;
const unique = () => ++serial;

async function created(server: TestServer, path: string, body: unknown) {
  const response = await server.request('POST', path, { body });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/** An id like the demo's, not taken: a number beyond it (skill ids are digits), or the id with a suffix. */
const anotherId = (id: string, n: number) => (/^\d+$/.test(id) ? String(BigInt(id) + 1000n + BigInt(n)) : `${id}-${n}`);

/** A new entry like the directory's first demo entry (another id and name), and a change to every PATCH property. */
async function directoryTarget(server: TestServer, directory: DirectoryDescriptor): Promise<WriteTarget> {
  const n = unique();
  const [first, second] = directory.demo;
  const { id, ...demo } = first!;
  const input = {
    ...demo,
    name: `${String(demo.name)} ${n}`,
    ...(directory.id.given === 'required' ? { id: anotherId(String(id), n) } : {}),
  };
  const response = await created(server, directory.path, input);
  const body: Record<string, unknown> = { name: `Renamed ${n}` };
  for (const key of Object.keys(directory.fields)) {
    if (key !== 'name' && !directory.fields[key]!.createOnly) body[key] = second?.[key] ?? demo[key];
  }
  const shape = directory.variants?.shapes[String(demo[directory.variants.by])];
  if (shape) {
    body.fields = Object.fromEntries(shape.fields.slice(0, 1).map((key) => [key, `changed-${n}`]));
    body.secrets = Object.fromEntries(shape.secrets.slice(0, 1).map((key) => [key, `changed-secret-${n}`]));
  }
  return { path: `${directory.path}/${encodeURIComponent(response.body.id)}`, etag: response.headers.get('etag')!, body };
}

async function botTarget(server: TestServer): Promise<WriteTarget> {
  const n = unique();
  const response = await created(server, '/api/bots', { name: `Bot ${n}`, description: `About bot ${n}` });
  const environment = await created(server, '/api/environments', { name: `Environment of bot ${n}` });
  return {
    path: `/api/bots/${response.body.id}`,
    etag: response.headers.get('etag')!,
    body: { name: `Renamed bot ${n}`, description: 'Changed', environmentId: environment.body.id },
  };
}

async function environmentTarget(server: TestServer): Promise<WriteTarget> {
  const n = unique();
  const response = await created(server, '/api/environments', {
    name: `Environment ${n}`,
    description: 'About it',
    variables: [{ name: 'SKILL_ID', value: '1' }],
  });
  return {
    path: `/api/environments/${response.body.id}`,
    etag: response.headers.get('etag')!,
    body: { name: `Renamed environment ${n}`, description: 'Changed', variables: [{ name: 'QUEUE', value: 'billing', secret: false }] },
  };
}

async function integrationTarget(server: TestServer): Promise<WriteTarget> {
  const bot = await created(server, '/api/bots', { name: `Integrations ${unique()}` });
  const input = anIntegrationInput('LIVEPERSON_AGENT_ESCALATION');
  const response = await created(server, `/api/bots/${bot.body.id}/integrations`, input);
  return {
    path: `/api/bots/${bot.body.id}/integrations/${response.body.id}`,
    etag: response.headers.get('etag')!,
    body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'Changed' }),
  };
}

async function testCaseTarget(server: TestServer): Promise<WriteTarget> {
  const n = unique();
  const integration = await integrationTarget(server);
  const testCases = `${integration.path}/test-cases`;
  const input = { name: `Test case ${n}`, sample: { status: 200, body: '{}' }, expect: { error: null } };
  const response = await created(server, testCases, input);
  return {
    path: `${testCases}/${response.body.id}`,
    etag: response.headers.get('etag')!,
    body: { ...input, name: `Renamed test case ${n}` },
  };
}

async function agentTransferTarget(server: TestServer): Promise<WriteTarget> {
  const imported = await server.request('POST', '/api/bots/import', {
    raw: readSampleExport(OWN_SUPPORT_DESK),
    headers: { 'content-type': 'application/json' },
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body)}`);
  const botId = imported.body.bot.id as string;
  const dialogs = await server.request<{ items: Array<{ id: string; interactions: Array<{ id: string; kind: string }> }> }>(
    'GET',
    `/api/bots/${botId}/dialogs`,
  );
  const dialog = dialogs.body.items.find((item) => item.interactions.some((interaction) => interaction.kind === 'ESCALATION'))!;
  const transfer = dialog.interactions.find((interaction) => interaction.kind === 'ESCALATION')!;
  return {
    path: `/api/bots/${botId}/dialogs/${dialog.id}/interactions/${transfer.id}`,
    etag: dialogs.headers.get('etag')!,
    body: {
      messageToUser: 'One moment.',
      agentSkillId: '12345',
      agentId: '{$botContext.agentId}',
      transferBotContext: true,
      interactionDelay: 2000,
    },
  };
}

/** A bot made in the panel with the sample dialogs, which the panel added and so may remove. */
async function addedDialogTarget(server: TestServer): Promise<WriteTarget> {
  const bot = await created(server, '/api/bots', { name: `Dialogs bot ${unique()}` });
  const botId = bot.body.id as string;
  const samples = await server.request<{ items: Array<{ id: string }> }>('POST', `/api/bots/${botId}/dialogs/samples`);
  if (samples.status !== 201) throw new Error(`sample dialogs: ${samples.status} ${JSON.stringify(samples.body)}`);
  return {
    path: `/api/bots/${botId}/dialogs/${samples.body.items[0]!.id}`,
    readPath: `/api/bots/${botId}/dialogs`,
    etag: samples.headers.get('etag')!,
    body: {},
  };
}

/** An imported bot's integration interaction, pointed at another of its integrations. */
async function repointTarget(server: TestServer): Promise<WriteTarget> {
  const imported = await server.request('POST', '/api/bots/import', {
    raw: readSampleExport(OWN_SUPPORT_DESK),
    headers: { 'content-type': 'application/json' },
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body)}`);
  const botId = imported.body.bot.id as string;
  const dialogs = await server.request<{
    items: Array<{ id: string; interactions: Array<{ id: string; kind: string; integrationId?: string }> }>;
  }>('GET', `/api/bots/${botId}/dialogs`);
  const dialog = dialogs.body.items.find((item) => item.interactions.some((interaction) => interaction.kind === 'API_INTEGRATION'))!;
  const invoking = dialog.interactions.find((interaction) => interaction.kind === 'API_INTEGRATION')!;
  const integrations = await server.request<{ items: Array<{ id: string }> }>('GET', `/api/bots/${botId}/integrations`);
  const other = integrations.body.items.find((integration) => integration.id !== invoking.integrationId)!;
  const interaction = `/api/bots/${botId}/dialogs/${dialog.id}/interactions/${invoking.id}`;
  return {
    path: `${interaction}/integration`,
    readPath: interaction,
    etag: dialogs.headers.get('etag')!,
    body: { integrationId: other.id },
  };
}

/** How to make a resource for each write route, by its declared path. */
export const WRITE_TARGETS: Record<string, (server: TestServer) => Promise<WriteTarget>> = {
  '/api/bots/{botId}': botTarget,
  '/api/bots/{botId}/integrations/{id}': integrationTarget,
  '/api/environments/{id}': environmentTarget,
  '/api/bots/{botId}/dialogs/{dialogId}/interactions/{interactionId}': agentTransferTarget,
  '/api/bots/{botId}/dialogs/{dialogId}': addedDialogTarget,
  '/api/bots/{botId}/dialogs/{dialogId}/interactions/{interactionId}/integration': repointTarget,
  '/api/bots/{botId}/integrations/{integrationId}/test-cases/{testCaseId}': testCaseTarget,
  ...Object.fromEntries(
    DIRECTORIES.map((directory) => [`${directory.path}/{id}`, (server: TestServer) => directoryTarget(server, directory)]),
  ),
};
