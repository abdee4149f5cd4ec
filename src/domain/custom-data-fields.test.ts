import { describe, expect, it } from 'vitest';
import { customDataValueWarnings } from './custom-data-warnings';

describe('custom data value warnings', () => {
  it('say nothing about paths into the integration’s own result, in braces', () => {
    expect(customDataValueWarnings('{$.api_Orders.status}', 'Orders')).toEqual([]);
    expect(customDataValueWarnings('Store {$.api_Orders.items[i].id} in {$.api_Orders.items[i].city}', 'Orders')).toEqual([]);
    expect(customDataValueWarnings('plain text, {$botContext.name}', 'Orders')).toEqual([]);
  });

  it('warn when a value reads another integration’s api_ variable', () => {
    expect(customDataValueWarnings('{$.api_Billing.total}', 'Orders')).toEqual([expect.stringContaining('reads another integration')]);
  });

  it('warn when a $.api_ path is outside braces, and only once per path', () => {
    const warnings = customDataValueWarnings('$.api_Orders.status', 'Orders');
    expect(warnings).toEqual([
      '$.api_Orders.status is outside braces, so it is sent as written: wrap it as {$.api_Orders.status} to read the result.',
    ]);
    expect(customDataValueWarnings('{$.api_Orders.a} and $.api_Orders.b', 'Orders')).toHaveLength(1);
  });
});
