// The requests the fuzz test sends: generated commands, from valid to hostile, for fast-check.
import fc from 'fast-check';
import { almostValidIntegration, hostileJson, invalidBot, validBot, validIntegration } from './fuzz-bodies';
import { anyText, badId, contentTypes, encodeHostile, garbageIfMatch } from './fuzz-values';

export type Target = { kind: 'existing'; pick: number } | { kind: 'unknown'; id: string } | { kind: 'bad'; id: string };
export type IfMatch = { kind: 'current' | 'weak' | 'stale' | 'missing' } | { kind: 'garbage'; value: string };
export type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

export type Command =
  | { op: 'createIntegration'; payload: Payload }
  | { op: 'replaceIntegration'; target: Target; ifMatch: IfMatch; payload: Payload }
  | { op: 'deleteIntegration'; target: Target; ifMatch: IfMatch }
  | { op: 'readIntegration'; target: Target }
  | { op: 'listIntegrations'; query: Record<string, string> }
  | { op: 'createBot'; payload: Payload }
  | { op: 'patchBot'; target: Target; ifMatch: IfMatch; payload: Payload }
  | { op: 'deleteBot'; target: Target; ifMatch: IfMatch }
  | { op: 'odd'; method: string; path: string; payload: Payload | null };

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

export const command: fc.Arbitrary<Command> = fc.oneof(
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
