import { describe, expect, it } from 'vitest';
import type { DialogView, InteractionView } from '../../../../domain/dialogs';
import { layoutDialogs, nodeHeight, type Box } from './flow-layout';

const interaction = (id: string, next?: string, overrides: Partial<InteractionView> = {}): InteractionView => ({
  id,
  name: id,
  kind: 'TEXT',
  transitions: next ? [{ to: 'interaction', id: next }] : [{ to: 'end' }],
  texts: ['Hello'],
  ...overrides,
});

const DIALOG: DialogView = {
  id: 'd1',
  name: 'Human',
  type: 'DIALOG',
  status: 'ACTIVE',
  interactions: [
    interaction('starter', 'transfer', { kind: 'DIALOG_STARTER', patterns: ['agent', 'human'], texts: [] }),
    interaction('transfer', 'goodbye', { kind: 'ESCALATION', agentSkillId: '3402109730' }),
    interaction('goodbye'),
  ],
};

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the dialogs layout', () => {
  it('makes room for a node drawn taller than guessed: nothing overlaps and the dialog holds it', async () => {
    const drawn = nodeHeight(DIALOG.interactions[1]!) + 60;
    const guessed = await layoutDialogs([DIALOG]);
    const transferGuessed = guessed.interactions.get('transfer')!;
    const goodbyeGuessed = guessed.interactions.get('goodbye')!;
    // As drawn at its real height, the guessed layout puts the transfer over the next node.
    expect(overlap({ ...transferGuessed, height: drawn }, goodbyeGuessed)).toBe(true);

    const layout = await layoutDialogs([DIALOG], new Map([['transfer', drawn]]));
    const boxes = DIALOG.interactions.map((item) => layout.interactions.get(item.id)!);
    expect(layout.interactions.get('transfer')!.height).toBe(drawn);
    for (const [index, box] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) expect(overlap(box, other)).toBe(false);
    }
    const dialog = layout.dialogs.get('d1')!;
    for (const box of boxes) expect(box.y + box.height).toBeLessThanOrEqual(dialog.height);
  });
});
