import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_ACCOUNT_ID, SIMULATED_CONVERSATION_ID, simulateRequestSchema } from '../../domain/simulation';
import { createSandbox, type Sandbox } from './sandbox';
import { simulate } from './simulate';

const request = (extra: Record<string, unknown> = {}) =>
  simulateRequestSchema.parse({ sample: { status: 200, body: '{"total":3,"items":[{"id":1},{"id":2}]}' }, ...extra });

const run = (
  sandbox: Sandbox,
  transformScript: string,
  extra: Record<string, unknown> = {},
  fields = [{ key: 'total', value: '{$.api_Orders.total}' }],
) => simulate(sandbox, { responseDataVariable: 'Orders', transformScript, customDataFields: fields }, request(extra));

describe('the botContext of a simulated run', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = createSandbox();
  });
  afterAll(() => sandbox.close());

  it('builds api_<RDV> and api_<RDV>Status as the platform does', async () => {
    const script = `var api = botContext.getBotVariable('api_Orders');
botContext.printDebugMessage(typeof api + ' ' + api.jsonData);
botContext.printDebugMessage(botContext.getBotVariable('api_OrdersStatus') + ' ' + botContext.getApiStatusCode() + ' ' + botContext.isApiExecutionSuccessful());`;
    const ok = await run(sandbox, script);
    expect(ok.debugLog).toEqual(['object {"api_Orders":{"total":3,"items":[{"id":1},{"id":2}]}}', '200 200 true']);
    const failed = await run(sandbox, script, { sample: { status: 404, body: '{"message":"no"}' } });
    expect(failed.debugLog[1]).toBe('404 404 false');
  });

  it('returns null for unset variables, reads the given bot and environment variables, stores values as text', async () => {
    const script = `botContext.printDebugMessage(botContext.getBotVariable('nothing') === null);
botContext.printDebugMessage(botContext.getBotVariable('firstName') + ' ' + botContext.getEnvVariable('region') + ' ' + botContext.getEnvVariable('none'));
botContext.setBotVariable('count', 3, true, false);
botContext.setBotVariable('flag', true, false, false);
botContext.setBotVariable('count', 4, true, false);
botContext.printDebugMessage(typeof botContext.getBotVariable('count'));`;
    const output = await run(sandbox, script, {
      botVariables: [{ key: 'firstName', value: 'Ada' }],
      envVariables: [{ key: 'region', value: 'EU' }],
    });
    expect(output.debugLog).toEqual(['true', 'Ada EU null', 'string']);
    expect(output.botVariables).toEqual([
      { key: 'count', value: '4' },
      { key: 'flag', value: 'true' },
    ]);
  });

  it('warns when an object is stored as "[object Object]", and about botContext functions that do not exist', async () => {
    const output = await run(sandbox, "botContext.setBotVariable('order', { id: 1 }, true, false);\nif (botContext.getBotVarible) {}");
    expect(output.botVariables).toEqual([{ key: 'order', value: '[object Object]' }]);
    expect(output.warnings).toEqual([
      expect.stringContaining('Use JSON.stringify(value)'),
      'botContext.getBotVarible does not exist in Conversation Builder: check the name (it is case-sensitive).',
    ]);
  });

  it('changes api_<RDV> only through setBotVariable: editing the object read is not enough', async () => {
    const edit = "var r = botContext.getBotVariable('api_Orders');\nr.jsonData = JSON.stringify({ api_Orders: { total: 99 } });";
    expect((await run(sandbox, edit)).customDataFields[0]?.value).toBe('3');
    const written = await run(sandbox, `${edit}\nbotContext.setBotVariable('api_Orders', r, true, false);`);
    expect(written.customDataFields[0]?.value).toBe('99');
  });

  it('reports a result error when the script leaves api_<RDV> unreadable', async () => {
    const asText = await run(sandbox, "botContext.setBotVariable('api_Orders', 'oops', true, false);");
    expect(asText.error).toMatchObject({ kind: 'result', message: expect.stringContaining('without its jsonData text') });
    expect(asText.customDataFields[0]).toMatchObject({ value: null, note: expect.stringContaining('without its jsonData text') });
    const badJson = await run(sandbox, "botContext.setBotVariable('api_Orders', { jsonData: '{' }, true, false);");
    expect(badJson.error).toMatchObject({ kind: 'result', message: expect.stringContaining('is not JSON text') });
  });

  it('collects custom events, messages, transfer overrides, the next interaction and context data', async () => {
    const script = `botContext.logCustomEvent(botContext.getCurrentUserMessage(), 'lookup', 'orders=3');
botContext.sendMessage('Found 3 orders');
botContext.setBotTransferUserMessage('I need billing');
botContext.setBotTransferIntentId('intent-7');
botContext.setBotTransferIntentbyDomain('billing', 'banking');
botContext.setTriggerNextMessage('showOrders');
botContext.setContextDataForConversation('ns', 'last', 'orders');
botContext.printDebugMessage(botContext.getContextDataForConversation('ns', 'last') + ' ' + botContext.getContextDataForConversation('ns', 'other'));
botContext.printDebugMessage([botContext.getConversationId(), botContext.getLPAccountId(), botContext.getLPEngagementAttribute('currentSkillId'), botContext.getFileType(), botContext.getFileCaption()].join('|'));`;
    const output = await run(sandbox, script, { userMessage: 'where are my orders' });
    expect(output).toMatchObject({
      error: null,
      customEvents: [{ userMessage: 'where are my orders', eventName: 'lookup', eventDetail: 'orders=3' }],
      messages: ['Found 3 orders'],
      transfer: { userMessage: 'I need billing', intentId: 'intent-7', intentByDomain: { intentName: 'billing', domainName: 'banking' } },
      triggerNextMessage: 'showOrders',
      contextData: [{ namespace: 'ns', key: 'last', value: 'orders' }],
      debugLog: ['orders null', `${SIMULATED_CONVERSATION_ID}|${SIMULATED_ACCOUNT_ID}|||`],
    });
  });

  it('lets custom data fields read variables the script set', async () => {
    const output = await run(sandbox, "botContext.setBotVariable('currency', 'EUR', true, false);", {}, [
      { key: 'total', value: '{$.api_Orders.total} {$botContext.currency}' },
    ]);
    expect(output.customDataFields[0]?.value).toBe('3 EUR');
  });

  it('runs promise jobs; a rejection nobody handles is lost, as in any JavaScript engine', async () => {
    const later = await run(sandbox, "Promise.resolve().then(function () { botContext.printDebugMessage('later'); });");
    expect(later.debugLog).toEqual(['later']);
    const rejected = await run(sandbox, 'Promise.resolve().then(function () {\n  null.x;\n});');
    expect(rejected.error).toBeNull();
    const awaited = await run(sandbox, 'async function f() { await 1; botContext.printDebugMessage("in job"); }\nf();');
    expect(awaited.debugLog).toEqual(['in job']);
  });

  it('says "out of memory" when QuickJS catches the limit itself', async () => {
    // One allocation of twice the limit fails at once. A loop of small pushes ran long enough on a loaded
    // machine for the 1 s CPU deadline to hit first (kind "timeout"), and QuickJS concatenates strings as
    // ropes, so doubling one ends with "string too long" instead; bombs that thrash are in sandbox.test.ts.
    const output = await run(sandbox, "var chunk = 'x'.repeat(1024 * 1024);\nvar bomb = chunk.repeat(64);");
    expect(output.error).toMatchObject({ kind: 'memory', message: 'The script used more than 32 MB of memory and was stopped.', line: 2 });
  });

  it('caps the debug log and says how many lines were left out', async () => {
    const output = await run(sandbox, "for (var i = 0; i < 510; i++) botContext.printDebugMessage('line ' + i);");
    expect(output.debugLog).toHaveLength(501);
    expect(output.debugLog.at(-1)).toBe('... 10 more debug messages not shown (limit 500).');
  });

  it('reads the Custom Data Fields in the sandbox worker even without a script', async () => {
    const output = await run(sandbox, '  \n');
    expect(output).toMatchObject({ error: null, customDataFields: [{ key: 'total', value: '3' }] });
    // A closed sandbox runs nothing: the fields are never read on the server's own thread.
    const closed = createSandbox();
    await closed.close();
    await expect(run(closed, '  \n')).rejects.toThrow('the sandbox is closed');
  });
});
