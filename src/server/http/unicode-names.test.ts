import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const NFC = 'Caf\u00e9';
const NFD = 'Cafe\u0301';
/** Zero-width and text-direction characters: each makes a name look like another one. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u061c'];
const invisibleMessage = expect.stringMatching(/invisible character \(U\+[0-9A-F]{4}/);

describeEachDatabase('Unicode in names and keys on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  beforeEach(async () => {
    botId = await freshBot(server);
  });

  it('stores bot and skill names NFC-normalised, so NFC and NFD spellings are one name', async () => {
    const bot = await server.request('POST', '/api/bots', { body: { name: NFD } });
    expect(bot.status).toBe(201);
    expect(bot.body.name).toBe(NFC);
    const renamed = await server.request('PATCH', `/api/bots/${bot.body.id}`, {
      body: { name: `${NFD} 2` },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.body.name).toBe(`${NFC} 2`);
    expect((await server.request('GET', `/api/bots?q=${encodeURIComponent(NFD)}`)).body.items).toHaveLength(1);

    expect((await server.request('POST', '/api/skills', { body: { id: 901, name: NFC } })).status).toBe(201);
    const duplicate = await server.request('POST', '/api/skills', { body: { id: 902, name: NFD } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toHaveProperty('name');
  });

  it('refuses zero-width and bidi control characters in every name and key, naming the character', async () => {
    const bodies = (mark: string) =>
      [
        ['POST', '/api/bots', { name: `Esc${mark}` }, 'name'],
        ['POST', '/api/skills', { id: 903, name: `Esc${mark}` }, 'name'],
        ['POST', `/api/bots/${botId}/integrations`, anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: `Esc${mark}` }), 'name'],
        [
          'POST',
          `/api/bots/${botId}/integrations`,
          anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { responseDataVariable: `Esc${mark}` }),
          'responseDataVariable',
        ],
        [
          'POST',
          `/api/bots/${botId}/integrations`,
          anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { customDataFields: [{ key: `queue${mark}`, value: '{$.api_Escalation.q}' }] }),
          'customDataFields.0.key',
        ],
        [
          'POST',
          `/api/bots/${botId}/integrations`,
          anIntegrationInput('API', { headers: [{ key: `Accept${mark}`, value: 'x' }] }),
          'headers.0.key',
        ],
      ] as const;
    for (const mark of INVISIBLE) {
      for (const [method, path, body, field] of bodies(mark)) {
        const response = await server.request(method, path, { body });
        expect(response.status, `${path} ${field} U+${mark.codePointAt(0)!.toString(16)}`).toBe(400);
        expect(response.body.errors[field], `${path} ${field}`).toEqual(invisibleMessage);
      }
    }
  });

  it('treats look-alikes as the same integration name: the invisible one is refused, the visible one is taken', async () => {
    expect(
      (
        await server.request('POST', `/api/bots/${botId}/integrations`, {
          body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Esc', responseDataVariable: 'Esc' }),
        })
      ).status,
    ).toBe(201);
    const lookAlike = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Esc\u200b', responseDataVariable: 'Other' }),
    });
    expect(lookAlike.status).toBe(400);
    expect(lookAlike.body.errors.name).toEqual(invisibleMessage);
    const sameName = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ESC', responseDataVariable: 'Other' }),
    });
    expect(sameName.status).toBe(409);
  });

  it('applies the same rules to an import', async () => {
    const file = {
      bot: { name: NFD },
      responder: [{ name: 'Esc\u202e', integrationType: 'LIVEPERSON_AGENT_ESCALATION', agentSkillId: '1', messageToUser: 'Hi' }],
    };
    const plan = await server.request('POST', '/api/bots/import?dryRun=true', { body: file });
    expect(plan.body.bot.values.name).toBe(NFC);
    expect(plan.body.integrations[0].problems[0].message).toEqual(invisibleMessage);
  });
});
