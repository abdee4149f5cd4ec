import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botInputSchema, botPatchSchema } from '../../domain/bot';
import { integrationInputSchema } from '../../domain/integration';
import { BODY_LIMIT_BYTES } from '../app';
import { createTestDatabase, databaseKinds, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { almostValidIntegration, hostileJson, invalidBot, validBot, validIntegration } from './fuzz-bodies';
import { anyText, badId, contentTypes, garbageIfMatch } from './fuzz-values';
import { inParallel, send, type HttpAnswer, type HttpCall } from './http';

// Fixed, so a failure is reproducible: FUZZ_SEED=<the printed seed> reruns exactly the same requests.
const SEED = Number(process.env.FUZZ_SEED ?? 61_2024);
const REQUESTS = 10_000;
const LANES = 8;

type Stored = Record<string, unknown> & { id: string; name: string; responseDataVariable: string; version: number };
type BotRecord = Record<string, unknown> & { id: string; version: number };

/** What one lane has been told was written: its own bot, that bot's integrations, and bots it created. */
interface LaneModel {
  bot: BotRecord;
  integrations: Map<string, Stored>;
  otherBots: Map<string, BotRecord>;
}

type Target = { kind: 'existing'; pick: number } | { kind: 'unknown'; id: string } | { kind: 'bad'; id: string };
type IfMatch = { kind: 'current' | 'weak' | 'stale' | 'missing' } | { kind: 'garbage'; value: string };
type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

type Command =
  | { op: 'createIntegration'; payload: Payload }
  | { op: 'replaceIntegration'; target: Target; ifMatch: IfMatch; payload: Payload }
  | { op: 'deleteIntegration'; target: Target; ifMatch: IfMatch }
  | { op: 'readIntegration'; target: Target }
  | { op: 'listIntegrations'; query: Record<string, string> }
  | { op: 'createBot'; payload: Payload }
  | { op: 'patchBot'; target: Target; ifMatch: IfMatch; payload: Payload }
  | { op: 'deleteBot'; target: Target; ifMatch: IfMatch }
  | { op: 'odd'; method: string; path: string; payload: Payload | null };

/** Percent-encodes text for a URL; a lone surrogate becomes the bytes of one, which are not UTF-8. */
function encodeHostile(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part, index) => (index % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

const target: fc.Arbitrary<Target> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('existing' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown' as const), id: fc.uuid({ version: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad' as const), id: badId }) },
);
const ifMatch: fc.Arbitrary<IfMatch> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'current' as const }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'weak' as const }, { kind: 'stale' as const }, { kind: 'missing' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), value: garbageIfMatch }) },
);
const integrationPayload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 5, arbitrary: validIntegration.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 3, arbitrary: almostValidIntegration.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: hostileJson, contentType: contentTypes }) },
);
const botPayload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 3, arbitrary: validBot.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: invalidBot.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: hostileJson, contentType: contentTypes }) },
);
const query = fc.dictionary(fc.constantFrom('q', 'limit', 'type', 'cursor', 'sort', 'q[]'), anyText, { maxKeys: 3 });

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('createIntegration' as const), payload: integrationPayload }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replaceIntegration' as const), target, ifMatch, payload: integrationPayload }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteIntegration' as const), target, ifMatch }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('readIntegration' as const), target }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('listIntegrations' as const), query }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('createBot' as const), payload: botPayload }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('patchBot' as const), target, ifMatch, payload: botPayload }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteBot' as const), target, ifMatch }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('odd' as const),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
      path: fc.oneof(
        fc.constantFrom('/api/bots', '/api/bots/', '/api/skills', '/api/bots//integrations', '/api/../etc/passwd', '/api/bots?limit=-1'),
        anyText.map((text) => `/api/bots/${encodeHostile(text)}`),
        anyText.map((text) => `/api/bots?q=${encodeHostile(text)}`),
      ),
      payload: fc.option(fc.record({ kind: fc.constant('raw' as const), text: hostileJson, contentType: contentTypes })),
    }),
  },
);

const bytes = (text: string) => Buffer.byteLength(text);

function holdsUnstorableText(value: unknown): boolean {
  // eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
  const unstorable = (text: string) => /\u0000|\p{Cs}/u.test(text);
  const pending = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string' && unstorable(current)) return true;
    if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (unstorable(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The JSON object the server would parse from a payload, or why it answers before validation. */
function parsedBody(payload: Payload): { early: number } | { value: unknown } {
  const text = payload.kind === 'json' ? JSON.stringify(payload.value) : payload.text;
  const contentType = payload.kind === 'json' ? 'application/json' : payload.contentType;
  if (!/^application\/json/.test(contentType)) return { early: 415 };
  if (bytes(text) > BODY_LIMIT_BYTES) return { early: 413 };
  // Fastify reads JSON as UTF-8 only: another charset is refused as malformed.
  if (/charset=(?!utf-8)/i.test(contentType)) return { early: 400 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { early: 400 };
  }
  // The database cannot store U+0000 or an unpaired surrogate: the server refuses them before validating.
  if (holdsUnstorableText(value)) return { early: 400 };
  return { value };
}

function wireBody(payload: Payload): Pick<HttpCall, 'raw' | 'contentType'> {
  return payload.kind === 'json'
    ? { raw: JSON.stringify(payload.value), contentType: 'application/json' }
    : { raw: payload.text, contentType: payload.contentType };
}

function ifMatchHeader(choice: IfMatch, version: number | undefined): Record<string, string> {
  const current = version ?? 1;
  switch (choice.kind) {
    case 'current':
      return { 'if-match': `"${current}"` };
    case 'weak':
      return { 'if-match': `W/"${current}"` };
    case 'stale':
      return { 'if-match': `"${current + 1}"` };
    case 'missing':
      return {};
    case 'garbage':
      return { 'if-match': choice.value };
  }
}

/** 428 without an If-Match, 412 unless it names the current version. */
function preconditionStatus(choice: IfMatch): number | null {
  if (choice.kind === 'missing' || (choice.kind === 'garbage' && choice.value.trim() === '')) return 428;
  if (choice.kind === 'stale' || choice.kind === 'garbage') return 412;
  return null;
}

function pickFrom<T extends { id: string }>(records: Map<string, T>, chosen: Target): { id: string; record: T | undefined } {
  if (chosen.kind !== 'existing') return { id: chosen.kind === 'bad' ? chosen.id : chosen.id, record: undefined };
  const all = [...records.values()];
  if (all.length === 0) return { id: '00000000-0000-4000-8000-000000000000', record: undefined };
  const record = all[chosen.pick % all.length]!;
  return { id: record.id, record };
}

function nameClash(model: LaneModel, values: { name: string; responseDataVariable: string }, except?: string): boolean {
  return [...model.integrations.values()].some(
    (other) =>
      other.id !== except &&
      (other.name.toLowerCase() === values.name.toLowerCase() || other.responseDataVariable === values.responseDataVariable),
  );
}

interface Step {
  call: HttpCall;
  /** The statuses the API may answer; the model decides, so a wrong acceptance fails as a wrong refusal does. */
  expected: number[];
  apply?(answer: HttpAnswer): void;
}

/** Turns a generated command into a request against the lane's current model, and what must follow. */
function plan(model: LaneModel, cmd: Command): Step {
  const botPath = `/api/bots/${model.bot.id}/integrations`;
  switch (cmd.op) {
    case 'createIntegration': {
      const body = parsedBody(cmd.payload);
      const call: HttpCall = { method: 'POST', path: botPath, ...wireBody(cmd.payload) };
      if ('early' in body) return { call, expected: [body.early] };
      const valid = integrationInputSchema.safeParse(body.value);
      if (!valid.success) return { call, expected: [400] };
      if (nameClash(model, valid.data)) return { call, expected: [409] };
      return { call, expected: [201], apply: (answer) => model.integrations.set(answer.body.id, answer.body) };
    }
    case 'replaceIntegration': {
      const { id, record } = pickFrom(model.integrations, cmd.target);
      const call: HttpCall = { method: 'PUT', path: `${botPath}/${encodeHostile(id)}`, headers: ifMatchHeader(cmd.ifMatch, record?.version), ...wireBody(cmd.payload) };
      const body = parsedBody(cmd.payload);
      if ('early' in body) return { call, expected: [body.early] };
      const valid = integrationInputSchema.safeParse(body.value);
      if (cmd.target.kind === 'bad' || !valid.success) return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      if (nameClash(model, valid.data, id)) return { call, expected: [409] };
      return { call, expected: [200], apply: (answer) => model.integrations.set(id, answer.body) };
    }
    case 'deleteIntegration': {
      const { id, record } = pickFrom(model.integrations, cmd.target);
      const call: HttpCall = { method: 'DELETE', path: `${botPath}/${encodeHostile(id)}`, headers: ifMatchHeader(cmd.ifMatch, record?.version) };
      if (cmd.target.kind === 'bad') return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      return { call, expected: [204], apply: () => model.integrations.delete(id) };
    }
    case 'readIntegration': {
      const { id, record } = pickFrom(model.integrations, cmd.target);
      const call: HttpCall = { method: 'GET', path: `${botPath}/${encodeHostile(id)}` };
      if (cmd.target.kind === 'bad') return { call, expected: [400] };
      return {
        call,
        expected: [record ? 200 : 404],
        apply: (answer) => expect(answer.body, `GET ${call.path} shows what was acknowledged`).toEqual(record),
      };
    }
    case 'listIntegrations':
      return { call: { method: 'GET', path: `${botPath}?${new URLSearchParams(cmd.query)}` }, expected: [200, 400] };
    case 'createBot': {
      const call: HttpCall = { method: 'POST', path: '/api/bots', ...wireBody(cmd.payload) };
      const body = parsedBody(cmd.payload);
      if ('early' in body) return { call, expected: [body.early] };
      if (!botInputSchema.safeParse(body.value).success) return { call, expected: [400] };
      return { call, expected: [201], apply: (answer) => model.otherBots.set(answer.body.id, answer.body) };
    }
    case 'patchBot': {
      // The lane's own bot is one of the choices: renaming it must not disturb its integrations.
      const bots = new Map([[model.bot.id, model.bot], ...model.otherBots]);
      const { id, record } = pickFrom(bots, cmd.target);
      const call: HttpCall = { method: 'PATCH', path: `/api/bots/${encodeHostile(id)}`, headers: ifMatchHeader(cmd.ifMatch, record?.version), ...wireBody(cmd.payload) };
      const body = parsedBody(cmd.payload);
      if ('early' in body) return { call, expected: [body.early] };
      if (cmd.target.kind === 'bad' || !botPatchSchema.safeParse(body.value).success) return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      return {
        call,
        expected: [200],
        apply: (answer) => {
          if (id === model.bot.id) model.bot = answer.body;
          else model.otherBots.set(id, answer.body);
        },
      };
    }
    case 'deleteBot': {
      const { id, record } = pickFrom(model.otherBots, cmd.target);
      const call: HttpCall = { method: 'DELETE', path: `/api/bots/${encodeHostile(id)}`, headers: ifMatchHeader(cmd.ifMatch, record?.version) };
      if (cmd.target.kind === 'bad') return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      return { call, expected: [204], apply: () => model.otherBots.delete(id) };
    }
    case 'odd': {
      // Reads, unknown routes and refused writes only: a write accepted here would change what no model tracks.
      const reads = cmd.method === 'GET' || cmd.method === 'HEAD' || cmd.method === 'OPTIONS';
      // fetch sends no body with GET or HEAD.
      const body = cmd.payload && cmd.method !== 'GET' && cmd.method !== 'HEAD' ? wireBody(cmd.payload) : {};
      const call: HttpCall = { method: cmd.method, path: cmd.path, ...body };
      return { call, expected: reads ? [200, 204, 400, 404, 413, 415] : [400, 404, 413, 415, 428] };
    }
  }
}

function expectProblem(answer: HttpAnswer, what: string, method: string) {
  expect(answer.contentType, `${what}: a ${answer.status} must be problem+json`).toContain('application/problem+json');
  if (method === 'HEAD') return; // the headers of the GET, without its body
  expect(answer.body, `${what}: RFC 9457 fields`).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: answer.status,
    detail: expect.any(String),
  });
  if (answer.body.errors !== undefined) {
    for (const message of Object.values(answer.body.errors)) expect(typeof message, `${what}: errors map fields to messages`).toBe('string');
  }
}

async function listAll(server: TestServer, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page: HttpAnswer = await send(server.baseUrl, { method: 'GET', path: `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe.each(databaseKinds)('fuzzing the API over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, { enableTestApi: false, logLevel: process.env.FUZZ_LOG ?? 'silent' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  }, 120_000);

  it(`answers ${REQUESTS} generated requests without a 5xx, as problem+json when refused, and stores exactly what it acknowledged`, { timeout: 300_000 }, async () => {
    const perLane = REQUESTS / LANES;
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const bot = await send(server.baseUrl, { method: 'POST', path: '/api/bots', json: { name: `Lane ${lane}` } });
        const model: LaneModel = { bot: bot.body, integrations: new Map(), otherBots: new Map() };
        return { model, commands: fc.sample(command, { seed: SEED + lane, numRuns: perLane }) };
      }),
    );

    let sent = 0;
    let failed = false;
    try {
      // One request at a time per lane (its model must see each answer), the lanes side by side.
      await inParallel(lanes, LANES, async ({ model, commands }) => {
        for (const [index, cmd] of commands.entries()) {
          if (failed) return;
          const step = plan(model, cmd);
          const what = `${step.call.method} ${step.call.path.slice(0, 120)} (${cmd.op} #${index})`;
          const answer = await send(server.baseUrl, step.call);
          sent++;
          expect(answer.status, `${what} with ${JSON.stringify(step.call.headers ?? {})} ${step.call.raw?.slice(0, 600)}`).toBeLessThan(500);
          if (answer.status >= 400) expectProblem(answer, what, step.call.method);
          expect(step.expected, `${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`).toContain(answer.status);
          if (answer.status < 300) step.apply?.(answer);
        }
      });
    } catch (error) {
      failed = true;
      // The seed is all it takes to replay the very same requests.
      console.error(`fuzz failed after ${sent} requests; rerun with FUZZ_SEED=${SEED}`);
      throw error;
    }
    expect(sent).toBe(REQUESTS);

    // The database holds exactly the acknowledged writes: the bots, and each lane's integrations in full.
    const expectedBots = lanes.flatMap(({ model }) => [model.bot, ...model.otherBots.values()]);
    const storedBots = await listAll(server, '/api/bots');
    expect(new Map(storedBots.map((bot) => [bot.id, bot]))).toEqual(new Map(expectedBots.map((bot) => [bot.id, bot])));
    for (const { model } of lanes) {
      const summaries = await listAll(server, `/api/bots/${model.bot.id}/integrations`);
      expect(summaries.map((item) => item.id).sort()).toEqual([...model.integrations.keys()].sort());
      await inParallel([...model.integrations.values()], 4, async (stored) => {
        const read = await send(server.baseUrl, { method: 'GET', path: `/api/bots/${model.bot.id}/integrations/${stored.id}` });
        expect(read.body).toEqual(stored);
      });
    }
  });
});
