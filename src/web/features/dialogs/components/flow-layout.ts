import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DialogView, InteractionView } from '../../../../domain/dialogs';

/*
 * Positions for the dialogs screen. Each dialog is laid out on its own by ELK (layered, top to
 * bottom, following its transitions) and the dialogs are then placed in rows: a compound layout of
 * the whole bot would let one jump to another dialog reshape every dialog around it.
 */

const NODE_WIDTH = 240;
const PADDING = { top: 44, side: 16, bottom: 16 };
const DIALOG_GAP = 48;
const ROW_WIDTH = 1800;
// Patterns beyond these are summed up as "+N more" on the node (the list shows them all).
export const PATTERNS_SHOWN = 3;

/** The height a node is drawn with: ELK needs it before the browser has rendered anything. */
export function nodeHeight(interaction: InteractionView): number {
  let lines = 2;
  const patterns = interaction.patterns?.length ?? 0;
  lines += Math.min(patterns, PATTERNS_SHOWN) + (patterns > PATTERNS_SHOWN ? 1 : 0);
  if (interaction.integrationName !== undefined) lines += 1;
  if (interaction.texts[0]) lines += 2;
  return 20 + lines * 20;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DialogLayout {
  /** Absolute boxes of the dialogs. */
  dialogs: Map<string, Box>;
  /** Boxes of the interactions, relative to their dialog's box. */
  interactions: Map<string, Box>;
}

const elk = new ELK();

/** Heights the browser drew interactions at, by id, where they came out taller than nodeHeight guessed. */
export type MeasuredHeights = ReadonlyMap<string, number>;

async function layoutOne(
  dialog: DialogView,
  measured: MeasuredHeights,
): Promise<{ width: number; height: number; boxes: Map<string, Box> }> {
  const ids = new Set(dialog.interactions.map((item) => item.id));
  const edges = dialog.interactions.flatMap((item) =>
    [
      ...new Set(
        item.transitions.filter((to) => to.to === 'interaction' && to.id && ids.has(to.id) && to.id !== item.id).map((to) => to.id!),
      ),
    ].map((target) => ({ id: `${item.id}->${target}`, sources: [item.id], targets: [target] })),
  );
  const graph: ElkNode = {
    id: dialog.id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.padding': `[top=${PADDING.top},left=${PADDING.side},bottom=${PADDING.bottom},right=${PADDING.side}]`,
    },
    children: dialog.interactions.map((item) => ({
      id: item.id,
      width: NODE_WIDTH,
      height: Math.max(nodeHeight(item), measured.get(item.id) ?? 0),
    })),
    edges,
  };
  const laid = await elk.layout(graph);
  const boxes = new Map<string, Box>();
  for (const child of laid.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? 0 });
  }
  // An empty dialog still gets a box wide enough for its title.
  return {
    width: Math.max(laid.width ?? 0, NODE_WIDTH + 2 * PADDING.side),
    height: Math.max(laid.height ?? 0, PADDING.top + PADDING.bottom + 24),
    boxes,
  };
}

/**
 * `measured` gives the heights nodes were drawn at: a node taller than its guess (a long message, the Agent
 * Transfer's Edit button) would otherwise overlap the next one and stick out of its dialog.
 */
export async function layoutDialogs(dialogs: readonly DialogView[], measured: MeasuredHeights = new Map()): Promise<DialogLayout> {
  const laid = await Promise.all(dialogs.map((dialog) => layoutOne(dialog, measured)));
  const layout: DialogLayout = { dialogs: new Map(), interactions: new Map() };
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  dialogs.forEach((dialog, index) => {
    const { width, height, boxes } = laid[index]!;
    if (x > 0 && x + width > ROW_WIDTH) {
      x = 0;
      y += rowHeight + DIALOG_GAP;
      rowHeight = 0;
    }
    layout.dialogs.set(dialog.id, { x, y, width, height });
    for (const [id, box] of boxes) layout.interactions.set(id, box);
    x += width + DIALOG_GAP;
    rowHeight = Math.max(rowHeight, height);
  });
  return layout;
}
