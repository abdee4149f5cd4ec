import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_TYPES } from '../../../../../domain/integration-types';

// vitest runs from the project's root (and hands CSS imports to the test as empty modules).
const panelCss = readFileSync(join(process.cwd(), 'src/web/styles/panel.css'), 'utf8');

describe('type badges', () => {
  // A type without its style draws a grey badge like no other: the README lists the style among what a new type needs.
  it.each([...INTEGRATION_TYPES])('%s has its own .badge--<type> style', (type) => {
    expect(panelCss).toMatch(new RegExp(`\\.badge--${type.toLowerCase()}\\s*\\{[^}]*background:[^}]*color:`));
  });
});
