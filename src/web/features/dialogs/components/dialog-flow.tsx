import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Edge,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Check, DialogView } from '../../../../domain/dialogs';
import { ErrorState, LoadingState } from '../../../components/states';
import { layoutDialogs, type DialogLayout, type MeasuredHeights } from './flow-layout';
import { useOpenTransfer } from './transfer-summary';
import { nodeTypes, type DialogFlowNode, type InteractionFlowNode } from './flow-nodes';
import { checksByNode, dialogNodeId } from './interaction-kinds';
import { useTheme } from '../../../lib/theme';

interface DialogFlowProps {
  botId: string;
  dialogs: DialogView[];
  checks: Check[];
  /** The node to centre and select: an interaction id, or a dialog id. */
  focus: string | null;
  /** Interactions a rehearsal passed: their nodes light up. */
  lit?: ReadonlySet<string>;
}

type FlowNode = DialogFlowNode | InteractionFlowNode;

function buildFlow(
  botId: string,
  dialogs: DialogView[],
  checks: Check[],
  layout: DialogLayout,
  focus: string | null,
  lit: ReadonlySet<string>,
) {
  const marks = checksByNode(checks);
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];
  const known = new Set(dialogs.flatMap((dialog) => dialog.interactions.map((item) => item.id)));
  const knownDialogs = new Set(dialogs.map((dialog) => dialog.id));
  for (const dialog of dialogs) {
    const box = layout.dialogs.get(dialog.id)!;
    const id = dialogNodeId(dialog.id);
    // Parents come before their children, as React Flow requires.
    nodes.push({
      id,
      type: 'dialog',
      position: { x: box.x, y: box.y },
      style: { width: box.width, height: box.height },
      data: { dialog, marks: marks.get(id) ?? [] },
      selected: focus === dialog.id,
      ariaLabel: `Dialog ${dialog.name}`,
    });
    for (const interaction of dialog.interactions) {
      const inner = layout.interactions.get(interaction.id)!;
      nodes.push({
        id: interaction.id,
        type: 'interaction',
        parentId: id,
        extent: 'parent',
        position: { x: inner.x, y: inner.y },
        style: { width: inner.width, minHeight: inner.height },
        data: { interaction, botId, marks: marks.get(interaction.id) ?? [] },
        selected: focus === interaction.id,
        ...(lit.has(interaction.id) ? { className: 'rehearsed' } : {}),
        ariaLabel: `${interaction.name} in dialog ${dialog.name}`,
      });
      const targets = new Set<string>();
      for (const transition of interaction.transitions) {
        if (transition.to === 'end' || !transition.id) continue;
        const target = transition.to === 'dialog' ? dialogNodeId(transition.id) : transition.id;
        const exists = transition.to === 'dialog' ? knownDialogs.has(transition.id) : known.has(transition.id);
        if (!exists || targets.has(target) || target === interaction.id) continue;
        targets.add(target);
        edges.push({
          id: `${interaction.id}->${target}`,
          source: interaction.id,
          target,
          label: transition.rule,
          markerEnd: { type: MarkerType.ArrowClosed },
          // Jumps to other dialogs stand out from the flow inside one.
          ...(transition.to === 'dialog' || !dialog.interactions.some((item) => item.id === target) ? { animated: true } : {}),
        });
      }
    }
  }
  return { nodes, edges };
}

/** Centres the focused node once React Flow has measured the graph. */
function FocusOnNode({ focus, layout, dialogs }: { focus: string | null; layout: DialogLayout; dialogs: DialogView[] }) {
  const flow = useReactFlow();
  const width = useStore((store) => store.width);
  const height = useStore((store) => store.height);
  useEffect(() => {
    if (!focus) return;
    const dialogBox = layout.dialogs.get(focus);
    const owner = dialogs.find((dialog) => dialog.interactions.some((item) => item.id === focus));
    const inner = layout.interactions.get(focus);
    const parent = owner ? layout.dialogs.get(owner.id) : undefined;
    const box = dialogBox ?? (inner && parent ? { ...inner, x: parent.x + inner.x, y: parent.y + inner.y } : undefined);
    if (!box) return;
    // A dialog is shown whole (zoomed out as far as it needs, never in past 100 %); an interaction at 100 %.
    const FIT_MARGIN = 0.9;
    const zoom =
      dialogBox && width > 0 && height > 0 ? Math.min(1, (width / box.width) * FIT_MARGIN, (height / box.height) * FIT_MARGIN) : 1;
    void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 0 });
    const element = document.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${CSS.escape(dialogBox ? dialogNodeId(focus) : focus)}"]`,
    );
    element?.focus({ preventScroll: true });
  }, [flow, focus, layout, dialogs, width, height]);
  return null;
}

const NONE: ReadonlySet<string> = new Set();
const NO_HEIGHTS: MeasuredHeights = new Map();

/** Once React Flow has measured the nodes, reports the interactions drawn taller than their place in the layout. */
function MeasureNodes({ layout, onTaller }: { layout: DialogLayout; onTaller: (heights: MeasuredHeights) => void }) {
  const flow = useReactFlow<FlowNode>();
  const initialized = useNodesInitialized();
  const reported = useRef<DialogLayout | null>(null);
  useEffect(() => {
    if (!initialized || reported.current === layout) return;
    reported.current = layout;
    const taller = new Map<string, number>();
    for (const node of flow.getNodes()) {
      const laid = layout.interactions.get(node.id);
      const drawn = node.measured?.height;
      // A pixel of rounding is not worth a new layout.
      if (laid && drawn && drawn > laid.height + 1) taller.set(node.id, Math.ceil(drawn));
    }
    if (taller.size > 0) onTaller(taller);
  }, [initialized, layout, flow, onTaller]);
  return null;
}

export function DialogFlow({ botId, dialogs, checks, focus, lit = NONE }: DialogFlowProps) {
  const [layout, setLayout] = useState<{ dialogs: DialogView[]; result: DialogLayout } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // Heights of nodes the browser drew taller than the layout guessed: laid out again with them (no overlaps).
  const [measured, setMeasured] = useState<MeasuredHeights>(NO_HEIGHTS);
  useEffect(() => {
    let current = true;
    layoutDialogs(dialogs, measured).then(
      (result) => current && setLayout({ dialogs, result }),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [dialogs, attempt, measured]);
  const flow = useMemo(
    () => (layout && layout.dialogs === dialogs ? buildFlow(botId, dialogs, checks, layout.result, focus, lit) : null),
    [layout, dialogs, botId, checks, focus, lit],
  );
  if (error) {
    const retry = () => {
      setError(null);
      setAttempt((count) => count + 1);
    };
    return <ErrorState title="Could not lay out the dialogs" error={error} onRetry={retry} />;
  }
  if (!flow || !layout) return <LoadingState label="Drawing the dialogs…" />;
  return (
    <div className="dialog-flow" data-testid="dialog-flow">
      <ReactFlowProvider>
        <FlowCanvas nodes={flow.nodes} edges={flow.edges} fitView={!focus}>
          <FocusOnNode focus={focus} layout={layout.result} dialogs={dialogs} />
          <MeasureNodes layout={layout.result} onTaller={(heights) => setMeasured((known) => new Map([...known, ...heights]))} />
        </FlowCanvas>
      </ReactFlowProvider>
    </div>
  );
}

/** The canvas keeps its own copy of the nodes, so selecting one works; new data (checks asked again) replaces it. */
function FlowCanvas({
  nodes: given,
  edges,
  fitView,
  children,
}: {
  nodes: FlowNode[];
  edges: Edge[];
  fitView: boolean;
  children: ReactNode;
}) {
  const openTransfer = useOpenTransfer();
  const colorMode = useTheme();
  const [nodes, setNodes] = useState(given);
  const [shown, setShown] = useState(given);
  if (shown !== given) {
    setShown(given);
    setNodes(given);
  }
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={(changes: NodeChange<FlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current))}
      nodeTypes={nodeTypes}
      // Selecting an Agent Transfer opens its form, as its Edit button does.
      onNodeClick={(_, node) => {
        if (node.type === 'interaction' && node.data.interaction.kind === 'ESCALATION') openTransfer(node.data.interaction.id);
      }}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      fitView={fitView}
      minZoom={0.2}
      aria-label="Dialogs drawn as flows"
      // React Flow is MIT-licensed, which allows hiding its attribution; the README names it instead.
      proOptions={{ hideAttribution: true }}
      colorMode={colorMode}
    >
      <Background />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable ariaLabel="Overview of the dialogs" />
      {children}
    </ReactFlow>
  );
}
