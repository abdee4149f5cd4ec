import { describe, expect, it } from 'vitest';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { PLATFORM_TRANSFER_GIVE_UP } from '../../domain/rehearsal';
import { hasRealExports } from '../cb-export/testing/sample-exports';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';
import { importBot } from '../dialogs/testing/dialog-api';
import { BILLING_CLOSED, FALLBACK_TEXT, ORDER_FAILURE_TEXT, REHEARSAL_SKILL, rehearsalBotExport } from './testing/rehearsal-bot';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

async function importFixture(server: TestServer, options: { defaultErrorMessage?: string } = {}): Promise<string> {
  const imported = await server.request('POST', '/api/bots/import', {
    raw: rehearsalBotExport(options),
    headers: { 'content-type': 'application/json' },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  return imported.body.bot.id;
}

const said = (body: any) => body.transcript.filter((entry: any) => entry.from === 'bot').map((entry: any) => entry.text);
const codes = (body: any) => body.warnings.map((warning: any) => warning.code);

describeEachDatabase('rehearsals on %s (fixture bot)', (kind) => {
  const server = useTestServer(kind);
  let botId = '';
  let withDefault = '';
  const play = async (body: unknown, bot = botId) => {
    const response = await server.request('POST', `/api/bots/${bot}/rehearsals`, { body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('imports the fixture bots', async () => {
    botId = await importFixture(server);
    withDefault = await importFixture(server, { defaultErrorMessage: 'Our systems are down: please call us.' });
  });

  it('starts dialogs on their patterns: any case, * for any text, (a|b) alternatives; else the Fallback dialog', async () => {
    const body = await play({ messages: ['HEY there'] });
    expect(body.transcript[0]).toMatchObject({ from: 'user', text: 'HEY there', dialogName: 'Welcome' });
    expect(body.transcript[1]).toMatchObject({ from: 'bot', text: 'How can I help?', quickReplies: ['Track my parcel', 'Agent'] });
    expect(body.steps[0]).toMatchObject({ kind: 'DIALOG_STARTER', matched: '(hello|hey) *', dialogName: 'Welcome' });
    expect(said(await play({ messages: ['Where is my ORDER?'] }))).toHaveLength(1);
    expect((await play({ messages: ['Where is my ORDER?'] })).transcript[0].dialogName).toBe('Order status');
    const lost = await play({ messages: ['hiya'] });
    expect(said(lost)).toEqual([FALLBACK_TEXT]);
    expect(lost.transcript[0].dialogName).toBe('Fallback');
    // The dialog only an intent starts is never guessed: a warning says how to reach it.
    expect(lost.warnings).toContainEqual(expect.objectContaining({ code: 'intent-not-evaluated', dialogName: 'Refunds' }));
    expect(lost.outcome).toBe('no-transfer');
  });

  it('answers a quick reply by its title (the payload goes to the rules), a REGEX rule and a NO_MATCH rule', async () => {
    const picked = await play({
      messages: ['hi', 'Track my parcel'],
      integrationResults: { OrderLookup: { status: 200, body: '{"status":"shipped","delivery":{"eta":"Friday"},"items":2}' } },
    });
    expect(picked.steps.find((step: any) => step.interactionName === 'quick_reply_welcome' && step.rule)).toMatchObject({
      rule: 'Track',
      matched: 'track',
    });
    expect(said(picked).at(-1)).toBe('Order A-100 is shipped, arriving Friday.');
    const zip = await play({ messages: ['hi', '90210'] });
    expect(said(zip).at(-1)).toBe('A zip code! Stores near you open at 9.');
    expect(zip.steps.at(-2)).toMatchObject({ matched: '/^[0-9]{5}$/', rule: 'Zip code' });
    const other = await play({ messages: ['hi', 'bananas', 'Agent'] });
    expect(said(other)).toEqual([
      'How can I help?',
      'Please pick one of the options.',
      'One moment please.',
      'Transferring you to an agent.',
    ]);
  });

  it('runs pre-process code, the transform script and post-process code in the sandbox, and follows the success and failure rules', async () => {
    const ok = await play({
      messages: ['order status'],
      integrationResults: { OrderLookup: { status: 200, body: '{"status":"packed","delivery":{"eta":"Monday"},"items":3}' } },
    });
    expect(said(ok)).toEqual(['Order A-100 is packed, arriving Monday.']);
    const integration = ok.steps.find((step: any) => step.kind === 'API_INTEGRATION');
    expect(integration).toMatchObject({ integration: 'OrderLookup', rule: 'Found' });
    expect(integration.variablesSet).toEqual(
      expect.arrayContaining([
        { key: 'orderItems', value: '3' },
        { key: 'OrderLookup.status', value: 'packed' },
      ]),
    );
    const code = ok.steps.filter((step: any) => step.kind === 'CODE');
    expect(code.map((step: any) => step.matched)).toEqual(['pre-process', 'post-process']);
    expect(code[0].variablesSet).toEqual([{ key: 'orderId', value: 'A-100' }]);
    expect(code[1].variablesSet).toEqual([{ key: 'lookupStatus', value: '200' }]);

    const failed = await play({
      messages: ['order status'],
      integrationResults: { OrderLookup: { status: 404, body: '{"error":"none"}' } },
    });
    expect(said(failed)).toEqual([ORDER_FAILURE_TEXT]);
    expect(failed.steps.find((step: any) => step.kind === 'API_INTEGRATION').rule).toBe('Not found');

    const unknownCase = await play({ messages: ['order status'], integrationResults: { OrderLookup: 'case-1' } });
    expect(codes(unknownCase)).toEqual(expect.arrayContaining(['test-case-unknown', 'integration-sample']));
  });

  it('stops code that never ends at the sandbox budget and goes on; a loop in the flow ends at the step budget', async () => {
    const spin = await play({ messages: ['spin'] });
    expect(said(spin)).toEqual(['Still here.']);
    const warning = spin.warnings.find((item: any) => item.code === 'code-error');
    expect(warning).toMatchObject({ interactionName: 'text_after_spin' });
    // The CPU budget stops it; on a machine too loaded to give it its second, the wall-clock deadline does.
    expect(warning.detail).toMatch(/ran for more than 1 s and was stopped|was stopped after 1.5 s/);
    const loop = await play({ messages: ['loop'] });
    expect(codes(loop)).toContain('step-budget');
    expect(said(loop).slice(0, 4)).toEqual(['Ping', 'Pong', 'Ping', 'Pong']);
    expect(loop.warnings.find((item: any) => item.code === 'step-budget').detail).toContain('300 steps');
    // A loop that runs code stops at the code budget first: 25 runs of up to 1.5 s each, not 300.
    const ticks = await play({ messages: ['tick'] });
    expect(ticks.warnings.find((item: any) => item.code === 'step-budget').detail).toContain('25 code runs');
    expect(said(ticks)).toHaveLength(25);
    expect(said(ticks)[1]).toBe('Tick 2');
  }, 30_000);

  it('accepted: the transfer message is the last thing the customer sees, after a delayed text; later messages go to the agent', async () => {
    const body = await play({ messages: ['talk to an agent', 'hello?'], transferOutcome: 'accepted' });
    expect(said(body)).toEqual(['One moment please.', 'Transferring you to an agent.']);
    expect(body.transcript.find((entry: any) => entry.text === 'One moment please.').delayMs).toBe(2000);
    expect(body.transfer).toEqual({ skillId: REHEARSAL_SKILL, message: 'Transferring you to an agent.', botContext: false });
    expect(body.outcome).toBe('accepted');
    expect(body.transcript.at(-1)).toMatchObject({ from: 'platform' });
    expect(codes(body)).toContain('after-transfer');
  });

  it('immediate failure: the failure rule answers; without one, the default error message, or nothing', async () => {
    const billing = await play({ messages: ['billing'], transferOutcome: 'immediate-failure' });
    expect(said(billing)).toEqual([BILLING_CLOSED]);
    expect(billing.steps.find((step: any) => step.integration === 'TransferToBilling').rule).toBe('failure');
    expect(billing.outcome).toBe('immediate-failure');
    const bare = await play({ messages: ['agent'], transferOutcome: 'immediate-failure' });
    expect(said(bare)).toEqual(['One moment please.']);
    expect(bare.transcript.at(-1).text).toContain('no default error message');
    const own = await play({ messages: ['agent'], transferOutcome: 'immediate-failure' }, withDefault);
    expect(said(own)).toEqual(['One moment please.', 'Our systems are down: please call us.']);
  });

  it('late failure: __agent_escalation_failed__ arrives as a customer message and falls into the Fallback dialog', async () => {
    const body = await play({ messages: ['agent'], transferOutcome: 'late-failure' });
    expect(said(body)).toEqual(['One moment please.', 'Transferring you to an agent.', FALLBACK_TEXT]);
    expect(body.transcript).toContainEqual(
      expect.objectContaining({ from: 'platform', text: AGENT_ESCALATION_FAILED, dialogName: 'Fallback' }),
    );
    expect(body.outcome).toBe('late-failure');
  });

  it('late failure ×4: three failed-transfer messages, then the platform default, or the bot default error message', async () => {
    const body = await play({ messages: ['agent'], transferOutcome: 'late-failure-4x' });
    expect(said(body)).toEqual(['One moment please.', 'Transferring you to an agent.', FALLBACK_TEXT, FALLBACK_TEXT, FALLBACK_TEXT]);
    expect(body.transcript.filter((entry: any) => entry.text === AGENT_ESCALATION_FAILED)).toHaveLength(3);
    expect(body.transcript.at(-1)).toMatchObject({ from: 'platform', text: PLATFORM_TRANSFER_GIVE_UP });
    const own = await play({ messages: ['agent'], transferOutcome: 'late-failure-4x' }, withDefault);
    expect(own.transcript.at(-1)).toMatchObject({ from: 'bot', text: 'Our systems are down: please call us.' });
  });

  it('agent unavailable: the skill gets the conversation', async () => {
    const body = await play({ messages: ['billing'], transferOutcome: 'agent-unavailable' });
    expect(said(body)).toEqual(['Connecting you with billing.']);
    expect(body.transcript.at(-1).text).toContain(`skill ${REHEARSAL_SKILL} gets the conversation`);
    expect(body.outcome).toBe('agent-unavailable');
  });

  it('a skill id that is not a number after substitution fails at once; a message after a transfer is context switching', async () => {
    const body = await play({ messages: ['sales'], transferOutcome: 'accepted' });
    expect(body.transfer.skillId).toBe('sales-team');
    expect(body.outcome).toBe('immediate-failure');
    expect(codes(body)).toContain('skill-id-not-numeric');
    expect(codes(body)).not.toContain('message-after-transfer');
    const numeric = await play({ messages: ['returns'], transferOutcome: 'accepted' });
    expect(codes(numeric)).not.toContain('skill-id-not-numeric');
    expect(said(numeric)).toEqual(['Over to returns.', 'Anything else?']);
    expect(numeric.warnings).toContainEqual(
      expect.objectContaining({ code: 'message-after-transfer', interactionName: 'text_returns_after' }),
    );
  });

  it('transfer coverage: every escalation path × outcome, and late failure goes from unhandled to handled after Add a failure dialog', async () => {
    const row = (items: any[], path: string, outcome: string) =>
      items.find((item: any) => item.path.interactionName === path && item.outcome === outcome);
    const before = await server.request('GET', `/api/bots/${botId}/transfer-coverage`);
    expect(before.status).toBe(200);
    const paths = [...new Set(before.body.items.map((item: any) => item.path.interactionName))];
    expect(paths).toEqual(['escalation_human', 'api_integration_billing', 'escalation_sales', 'escalation_returns']);
    expect(before.body.items).toHaveLength(20);
    expect(row(before.body.items, 'escalation_returns', 'accepted').problem).toContain('context switching');
    expect(row(before.body.items, 'escalation_human', 'late-failure')).toMatchObject({
      handled: false,
      fix: 'add-failure-dialog',
      customerSees: ['Transferring you to an agent.', FALLBACK_TEXT],
    });
    expect(row(before.body.items, 'escalation_human', 'accepted')).toMatchObject({ handled: true });
    expect(row(before.body.items, 'escalation_human', 'immediate-failure')).toMatchObject({ handled: false });
    expect(row(before.body.items, 'api_integration_billing', 'immediate-failure')).toMatchObject({
      handled: true,
      customerSees: [BILLING_CLOSED],
    });
    expect(row(before.body.items, 'escalation_human', 'late-failure-4x').problem).toContain('Fallback');

    const added = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, {
      body: { message: 'Our agents are busy: we will email you within the hour.' },
    });
    expect(added.status).toBe(201);
    const after = await server.request('GET', `/api/bots/${botId}/transfer-coverage`);
    expect(row(after.body.items, 'escalation_human', 'late-failure')).toEqual(
      expect.objectContaining({
        handled: true,
        customerSees: ['Transferring you to an agent.', 'Our agents are busy: we will email you within the hour.'],
      }),
    );
    expect(row(after.body.items, 'escalation_human', 'late-failure').problem).toBeUndefined();
    // Three caught failures, then the platform's own text: red until the bot has a default error message.
    expect(row(after.body.items, 'escalation_human', 'late-failure-4x')).toMatchObject({ handled: false });
    const rehearsed = await play({ messages: ['agent'], transferOutcome: 'late-failure' });
    expect(said(rehearsed).at(-1)).toBe('Our agents are busy: we will email you within the hour.');
  }, 60_000);

  it('answers 404 for an unknown bot and 400 for a malformed body', async () => {
    const missing = await server.request('POST', '/api/bots/00000000-0000-4000-8000-000000000000/rehearsals', { body: { messages: [] } });
    expect(missing.status).toBe(404);
    const bad = await server.request('POST', `/api/bots/${botId}/rehearsals`, { body: { messages: ['hi'], transferOutcome: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await server.request('GET', '/api/bots/00000000-0000-4000-8000-000000000000/transfer-coverage')).status).toBe(404);
  });
});

const GET_BOT_PATTERNS = 'get-bot-patterns__bot.json';
const TRANSFER_TEXT = 'Transferring to jerboi, Cale.';
const SPEECHLESS = "I don't know what to say. I'm speechless...";
const YIKES = 'Yikes - system malfunction over here. Please check back later.';

describe.skipIf(!hasRealExports)('rehearsals on the real export get-bot-patterns (escalation_27)', () => {
  describeEachDatabase('on %s', (kind) => {
    const server = useTestServer(kind);
    const play = async (botId: string, transferOutcome: string) => {
      const response = await server.request('POST', `/api/bots/${botId}/rehearsals`, { body: { messages: ['human'], transferOutcome } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };

    it('plays every outcome as the documentation predicts', async () => {
      const { botId } = await importBot(server, GET_BOT_PATTERNS);
      const accepted = await play(botId, 'accepted');
      expect(said(accepted)).toEqual([TRANSFER_TEXT]);
      expect(accepted.transfer).toEqual({ skillId: '3402109730', message: TRANSFER_TEXT, botContext: false });
      expect(accepted.steps.map((step: any) => step.interactionName)).toEqual(['dialog_starter_25', 'escalation_27']);

      // No failure rule: the bot's DEFAULT_ERROR_MESSAGE answers.
      expect(said(await play(botId, 'immediate-failure'))).toEqual([YIKES]);

      // Nothing catches the event: the Fallback dialog says its line and goes on to the Welcome dialog's quick replies.
      const late = await play(botId, 'late-failure');
      expect(said(late)).toEqual([TRANSFER_TEXT, SPEECHLESS, 'Choose from the options below.']);
      expect(late.transcript.at(-1).quickReplies).toEqual(['Quiz Me!', 'Sign me up!', 'I want to watch!']);

      // Three events, each to the Fallback dialog (the second and third answer the waiting quick reply or fall through), then the bot's default error message.
      const four = await play(botId, 'late-failure-4x');
      expect(four.transcript.filter((entry: any) => entry.text === AGENT_ESCALATION_FAILED)).toHaveLength(3);
      expect(said(four).filter((text: string) => text === SPEECHLESS)).toHaveLength(3);
      expect(four.transcript.at(-1)).toMatchObject({ from: 'bot', text: YIKES });

      const unavailable = await play(botId, 'agent-unavailable');
      expect(said(unavailable)).toEqual([TRANSFER_TEXT]);
      expect(unavailable.transcript.at(-1).text).toContain('skill 3402109730 gets the conversation');

      const coverage = await server.request('GET', `/api/bots/${botId}/transfer-coverage`);
      expect(coverage.body.items.map((item: any) => [item.path.interactionName, item.outcome, item.handled])).toEqual([
        ['escalation_27', 'accepted', true],
        ['escalation_27', 'immediate-failure', true],
        ['escalation_27', 'late-failure', false],
        ['escalation_27', 'late-failure-4x', false],
        ['escalation_27', 'agent-unavailable', true],
      ]);
    }, 60_000);
  });
});
