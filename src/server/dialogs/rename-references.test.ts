import { describe, expect, it } from 'vitest';
import type { BotExtras } from '../../domain/cb-export';
import { anIntegration, type IntegrationOf } from '../../domain/samples';
import { readBotModel, type BotIntegration } from './dialog-model';
import { planRename } from './rename-references';
import { findUsages } from './usages';

function api(id: string, name: string, overrides: Partial<IntegrationOf<'API'>> = {}): BotIntegration {
  return { integration: anIntegration('API', { id, name, ...overrides }), cbId: null };
}

const ORDERS = '00000000-0000-4000-8000-000000000001';
const code = [
  'var a = botContext.getBotVariable("api_Orders");',
  'var status = botContext.getBotVariable("api_OrdersStatus");',
  "var field = botContext.getBotVariable('Orders.total');",
  'var other = botContext.getBotVariable("api_OrdersArchive");',
  'var mine = botContext.getBotVariable("{$botContext.Orders}");',
].join('\n');

function extrasWith(postProcessMessage: string, text: string): BotExtras {
  const interaction = {
    id: 'i1',
    name: 'api_integration_1',
    content: { contentType: 'DYNAMIC', responderName: 'Orders', responderId: ORDERS },
    postProcessMessage,
    group: 'd1',
    interactionType: 'API_INTEGRATION',
  };
  const textInteraction = {
    id: 'i2',
    name: 'text_1',
    content: { results: { type: 'TEXT', tile: { tileData: [{ text }] } } },
    group: 'd1',
    interactionType: 'TEXT',
  };
  return {
    keyOrder: ['groups', 'conversationMessage'],
    topLevel: {
      groups: [{ id: 'd1', name: 'Orders', dialogType: 'DIALOG', status: 'ENABLED' }],
      conversationMessage: [interaction, textInteraction],
    },
    bot: { keyOrder: [], unmapped: {}, verbatim: {} },
  };
}

describe('finding and rewriting the references to an integration', () => {
  it('rewrites api_<rdv> and its Status, quoted and braced fields, and leaves longer names and bot variables alone', () => {
    const model = readBotModel(extrasWith(code, 'Total {Orders.total} ({OrdersArchive.total}) {$botContext.Orders}'), [
      api(ORDERS, 'Orders'),
      api('00000000-0000-4000-8000-000000000002', 'OrdersArchive'),
    ]);
    const target = model.integrations[0]!;
    expect(findUsages(model, target).map((usage) => [usage.kind, usage.where])).toEqual([
      ['invokes', 'interaction'],
      ['reads-variable', 'postProcess'],
      ['reads-variable', 'postProcess'],
      ['reads-field', 'postProcess'],
      ['reads-field', 'text'],
    ]);
    const plan = planRename(model, target, { name: 'Purchases', responseDataVariable: 'Purchases' });
    const rewritten = plan.interactions.get('i1')!;
    expect((rewritten.postProcessMessage as string).split('\n')).toEqual([
      'var a = botContext.getBotVariable("api_Purchases");',
      'var status = botContext.getBotVariable("api_PurchasesStatus");',
      "var field = botContext.getBotVariable('Purchases.total');",
      'var other = botContext.getBotVariable("api_OrdersArchive");',
      'var mine = botContext.getBotVariable("{$botContext.Orders}");',
    ]);
    expect(rewritten.content).toEqual({ contentType: 'DYNAMIC', responderName: 'Purchases', responderId: ORDERS });
    expect(Object.keys(rewritten)).toEqual(['id', 'name', 'content', 'postProcessMessage', 'group', 'interactionType']);
    const text = plan.interactions.get('i2')!.content as { results: { tile: { tileData: Array<{ text: string }> } } };
    expect(text.results.tile.tileData[0]!.text).toBe('Total {Purchases.total} ({OrdersArchive.total}) {$botContext.Orders}');
  });

  it('leaves api_<rdv>Status to the integration whose variable has that name', () => {
    const model = readBotModel(extrasWith(code, ''), [api(ORDERS, 'Orders'), api('00000000-0000-4000-8000-000000000003', 'OrdersStatus')]);
    const plan = planRename(model, model.integrations[0]!, { name: 'Orders', responseDataVariable: 'Purchases' });
    expect(plan.interactions.get('i1')!.postProcessMessage).toContain('"api_OrdersStatus"');
    expect(plan.changes.map((change) => change.before)).toEqual(['var a = botContext.getBotVariable("api_Orders");']);
  });

  it('takes $ and every Unicode identifier character as part of a name: api_Esc$x is another variable than api_Esc', () => {
    const ESC = '00000000-0000-4000-8000-000000000005';
    const others = ['api_Esc$x', 'api_Escé', 'api_Esc\u200dx', 'api_Esc\u0301', '$api_Esc', 'ñapi_Esc', 'api_Escα'];
    const script = [...others.map((name) => `var v = ${name};`), 'var mine = api_Esc;'].join('\n');
    const model = readBotModel(extrasWith(script, ''), [api(ESC, 'Esc')]);
    const target = model.integrations[0]!;
    expect(findUsages(model, target).filter((usage) => usage.kind === 'reads-variable')).toHaveLength(1);
    const plan = planRename(model, target, { name: 'New', responseDataVariable: 'New' });
    expect((plan.interactions.get('i1')!.postProcessMessage as string).split('\n')).toEqual([
      ...others.map((name) => `var v = ${name};`),
      'var mine = api_New;',
    ]);
  });

  it("rewrites the other integrations' scripts and its own fields, and reports them", () => {
    const reader = api('00000000-0000-4000-8000-000000000004', 'Reader', {
      transformScript: "var o = botContext.getBotVariable('api_Orders');",
    });
    const model = readBotModel(null, [
      api(ORDERS, 'Orders', { customDataFields: [{ key: 'total', value: '{$.api_Orders.total}' }] }),
      reader,
    ]);
    const plan = planRename(model, model.integrations[0]!, { name: 'Orders', responseDataVariable: 'Purchases' });
    expect(plan.values.customDataFields).toEqual([{ key: 'total', value: '{$.api_Purchases.total}' }]);
    expect(plan.others.map((other) => other.values.transformScript)).toEqual(["var o = botContext.getBotVariable('api_Purchases');"]);
    expect(plan.changes.map((change) => [change.integrationName, change.where])).toEqual([
      ['Orders', 'customDataFields'],
      ['Reader', 'transformScript'],
    ]);
  });
});
