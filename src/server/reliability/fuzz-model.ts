// The fuzz test's model of the API: for each generated command, the request to send, the statuses
// the API may answer given what the lane has been told so far, and how an acceptance changes it.
import { expect } from 'vitest';
import { botInputSchema, botPatchSchema } from '../../domain/bot';
import { integrationInputSchema, type Integration } from '../../domain/integration';
import { BODY_LIMIT_BYTES } from '../app';
import { botIntegrationsOf, readBotModel } from '../dialogs/dialog-model';
import { findUsages } from '../dialogs/usages';
import type { Command, IfMatch, Payload, Target } from './fuzz-commands';
import { encodeHostile } from './fuzz-values';
import { parseEtagCondition } from '../http/etag';
import type { HttpAnswer, HttpCall } from './http';

type Stored = Record<string, unknown> & { id: string; name: string; responseDataVariable: string; version: number };
type BotRecord = Record<string, unknown> & { id: string; version: number };

/** What one lane has been told was written: its own bot, that bot's integrations, and bots it created. */
export interface LaneModel {
  bot: BotRecord;
  integrations: Map<string, Stored>;
  otherBots: Map<string, BotRecord>;
}

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
  // JSON is read as UTF-8 only: a body declared in another charset is refused as such.
  if (/charset=(?!utf-?8)/i.test(contentType)) return { early: 415 };
  let value: unknown;
  try {
    // As the server reads it: keys named __proto__ are dropped, not refused.
    value = JSON.parse(text, (key, inner: unknown) => (key === '__proto__' ? undefined : inner));
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
function preconditionStatus(choice: IfMatch, current: number | undefined): number | null {
  // If-Match compares strongly (RFC 9110): a weak tag matches nothing.
  if (choice.kind !== 'garbage') return choice.kind === 'missing' ? 428 : choice.kind === 'current' ? null : 412;
  // A garbage field is read as the server reads it: empty → 428, `*` → any version, else a list of tags.
  const condition = parseEtagCondition(choice.value);
  if (condition === null) return 428;
  if (condition.any) return null;
  const matches = condition.tags.some((tag) => !tag.weak && tag.opaque === String(current ?? 1));
  return matches ? null : 412;
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

/**
 * Whether another integration's script or fields read this one (the lane's bot has no dialogs):
 * then a delete, or a save that changes its names, is refused with 409 and the usages.
 */
function usedElsewhere(model: LaneModel, record: Stored): boolean {
  const all = [...model.integrations.values()].map((item) => ({ integration: item as unknown as Integration, extras: null }));
  return findUsages(readBotModel(null, botIntegrationsOf(all)), { integration: record as unknown as Integration, cbId: null }).length > 0;
}

interface Step {
  call: HttpCall;
  /** The statuses the API may answer; the model decides, so a wrong acceptance fails as a wrong refusal does. */
  expected: number[];
  apply?(answer: HttpAnswer): void;
}

/** Turns a generated command into a request against the lane's current model, and what must follow. */
export function plan(model: LaneModel, cmd: Command): Step {
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
      const call: HttpCall = {
        method: 'PUT',
        path: `${botPath}/${encodeHostile(id)}`,
        headers: ifMatchHeader(cmd.ifMatch, record?.version),
        ...wireBody(cmd.payload),
      };
      const body = parsedBody(cmd.payload);
      if ('early' in body) return { call, expected: [body.early] };
      const valid = integrationInputSchema.safeParse(body.value);
      if (cmd.target.kind === 'bad' || !valid.success) return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch, record?.version);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      const renames = valid.data.name !== record.name || valid.data.responseDataVariable !== record.responseDataVariable;
      if (renames && usedElsewhere(model, record)) return { call, expected: [409] };
      if (nameClash(model, valid.data, id)) return { call, expected: [409] };
      return { call, expected: [200], apply: (answer) => model.integrations.set(id, answer.body) };
    }
    case 'deleteIntegration': {
      const { id, record } = pickFrom(model.integrations, cmd.target);
      const call: HttpCall = {
        method: 'DELETE',
        path: `${botPath}/${encodeHostile(id)}`,
        headers: ifMatchHeader(cmd.ifMatch, record?.version),
      };
      if (cmd.target.kind === 'bad') return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch, record?.version);
      if (precondition === 428) return { call, expected: [428] };
      if (!record) return { call, expected: [404] };
      if (precondition) return { call, expected: [precondition] };
      if (usedElsewhere(model, record)) return { call, expected: [409] };
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
      const call: HttpCall = {
        method: 'PATCH',
        path: `/api/bots/${encodeHostile(id)}`,
        headers: ifMatchHeader(cmd.ifMatch, record?.version),
        ...wireBody(cmd.payload),
      };
      const body = parsedBody(cmd.payload);
      if ('early' in body) return { call, expected: [body.early] };
      if (cmd.target.kind === 'bad' || !botPatchSchema.safeParse(body.value).success) return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch, record?.version);
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
      const call: HttpCall = {
        method: 'DELETE',
        path: `/api/bots/${encodeHostile(id)}`,
        headers: ifMatchHeader(cmd.ifMatch, record?.version),
      };
      if (cmd.target.kind === 'bad') return { call, expected: [400] };
      const precondition = preconditionStatus(cmd.ifMatch, record?.version);
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
      // 405 (with Allow) for a method the path does not take, e.g. PUT /api/bots/<id>.
      return { call, expected: reads ? [200, 204, 400, 404, 405, 413, 415] : [400, 404, 405, 413, 415, 428] };
    }
  }
}
