import { describe, expect, it } from 'vitest';
import { INTEGRATION_TYPE_DESCRIPTORS, INTEGRATION_TYPES } from '.';
import { INTEGRATION_TYPE_NAMES } from './type-names';

describe('INTEGRATION_TYPE_NAMES', () => {
  it('names exactly the types there are, as their descriptors do', () => {
    expect(Object.keys(INTEGRATION_TYPE_NAMES).sort()).toEqual([...INTEGRATION_TYPES].sort());
    for (const { type, displayName, badge } of INTEGRATION_TYPE_DESCRIPTORS) {
      expect(INTEGRATION_TYPE_NAMES[type]).toEqual({ displayName, badge });
    }
  });
});
