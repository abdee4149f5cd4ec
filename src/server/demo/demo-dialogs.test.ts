import { expect, it } from 'vitest';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { DEMO_AGENT_TRANSFER_MESSAGE, DEMO_FALLBACK_TEXT } from './demo-dialogs';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

describeEachDatabase('demo dialogs on %s', (kind) => {
  const server = useTestServer(kind);

  it('gives the demo bot dialogs that use every integration, with one check failing on purpose and fixed in one click', async () => {
    const [bot] = (await server.request('POST', '/api/testing/reset')).body.bots;
    const dialogs = (await server.request('GET', `/api/bots/${bot.id}/dialogs`)).body.items;
    expect(dialogs.map((dialog: any) => dialog.name)).toEqual([
      'Greeting',
      'Order status',
      'Talk to an agent',
      'Complaint',
      'FAQ',
      'Loyalty points',
      'Upload a receipt',
      'Email the transcript',
      'Fallback',
    ]);
    expect(dialogs[2].interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'TEXT', 'ESCALATION']);
    expect(dialogs[1].interactions[2].texts).toEqual(['Order {$botContext.orderId} is {OrderStatus.status}, arriving {OrderStatus.eta}.']);

    const integrations = (await server.request('GET', `/api/bots/${bot.id}/integrations`)).body.items;
    expect(integrations).toHaveLength(6);
    for (const integration of integrations) {
      const usages = (await server.request('GET', `/api/bots/${bot.id}/integrations/${integration.id}/usages`)).body.items;
      expect(
        usages.filter((usage: any) => usage.kind === 'invokes'),
        integration.name,
      ).toHaveLength(1);
    }

    const checks = (await server.request('GET', `/api/bots/${bot.id}/checks`)).body.items;
    expect(checks.filter((check: any) => check.status !== 'pass').map((check: any) => check.id)).toEqual(['escalation-failure-caught']);

    const late = await server.request('POST', `/api/bots/${bot.id}/rehearsals`, {
      body: { messages: ['talk to an agent'], transferOutcome: 'late-failure' },
    });
    const said = (body: any) => body.transcript.filter((entry: any) => entry.from === 'bot').map((entry: any) => entry.text);
    expect(said(late.body)).toEqual(['Let me find someone for you.', DEMO_AGENT_TRANSFER_MESSAGE, DEMO_FALLBACK_TEXT]);
    expect(late.body.transcript).toContainEqual(expect.objectContaining({ text: AGENT_ESCALATION_FAILED, dialogName: 'Fallback' }));

    const order = await server.request('POST', `/api/bots/${bot.id}/rehearsals`, { body: { messages: ['hi', 'Order status'] } });
    expect(said(order.body)).toEqual(['Hi! I can check an order or find you an agent.', 'Order 10042 is shipped, arriving 2026-12-02.']);
    expect(order.body.warnings).toEqual([]);

    const coverage = (await server.request('GET', `/api/bots/${bot.id}/transfer-coverage`)).body.items;
    expect([...new Set(coverage.map((item: any) => item.path.dialogName))]).toEqual(['Talk to an agent', 'Complaint']);
    expect(coverage.filter((item: any) => !item.handled).map((item: any) => [item.path.dialogName, item.outcome])).toEqual([
      ['Talk to an agent', 'immediate-failure'],
      ['Talk to an agent', 'late-failure'],
      ['Talk to an agent', 'late-failure-4x'],
      ['Complaint', 'late-failure'],
      ['Complaint', 'late-failure-4x'],
    ]);

    const fixed = await server.request('POST', `/api/bots/${bot.id}/dialogs/escalation-failure`, {
      body: { message: 'Sorry, no agent could take the chat: we will email you.' },
    });
    expect(fixed.status).toBe(201);
    const after = (await server.request('GET', `/api/bots/${bot.id}/checks`)).body.items;
    expect(after.every((check: any) => check.status === 'pass')).toBe(true);
  }, 60_000);
});
