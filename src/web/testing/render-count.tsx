import { Profiler, type ReactNode } from 'react';

/** What React keeps of a component between commits, as far as counting renders needs it. */
interface Fiber {
  tag: number;
  memoizedProps: unknown;
  flags: number;
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

// React's own numbers (react-reconciler's ReactWorkTags and ReactFiberFlags), as React DevTools reads them.
const FUNCTION_COMPONENT = 0;
const CLASS_COMPONENT = 1;
const FORWARD_REF = 11;
const SIMPLE_MEMO_COMPONENT = 15;
const COMPONENT_TAGS = new Set([FUNCTION_COMPONENT, CLASS_COMPONENT, FORWARD_REF, SIMPLE_MEMO_COMPONENT]);
const PERFORMED_WORK = 1;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string } } | null;
  return type?.displayName || type?.name || type?.render?.name || '?';
}

/**
 * The components that rendered in the commit whose tree is `fiber`: a component rendered when React called it
 * (its PerformedWork flag; a bail-out does not set it), and a subtree React did not enter keeps the children of
 * the tree before, so the walk stops there (React DevTools' own rule).
 */
function renderedIn(fiber: Fiber | null, rendered: Rendered[]): void {
  for (let node = fiber; node; node = node.sibling) {
    const previous = node.alternate;
    if (COMPONENT_TAGS.has(node.tag) && (previous === null || (node.flags & PERFORMED_WORK) !== 0)) {
      rendered.push({ name: nameOf(node), props: (node.memoizedProps ?? {}) as Record<string, unknown> });
    }
    if (previous === null || node.child !== previous.child) renderedIn(node.child, rendered);
  }
}

/** A component that rendered: its name and the props it rendered with. */
export interface Rendered {
  name: string;
  props: Record<string, unknown>;
}

/**
 * Counts the components each commit of `children` renders, with React's Profiler telling when a commit
 * happens: at its onRender the committed tree is the root's current one.
 */
export function createRenderCounter() {
  let rendered: Rendered[] = [];
  let container: HTMLElement | null = null;
  const rootOf = (element: HTMLElement): { current: Fiber } | null => {
    const key = Object.keys(element).find((name) => name.startsWith('__reactContainer$'));
    return key ? ((element as unknown as Record<string, { stateNode: { current: Fiber } }>)[key]!.stateNode ?? null) : null;
  };
  const onRender = () => {
    const root = container ? rootOf(container) : null;
    if (root) renderedIn(root.current.child, rendered);
    if (process.env.SHOW_COMMITS) rendered.push({ name: `| ${performance.now().toFixed(0)}`, props: {} });
  };
  return {
    /** Wraps the tree to count; `host` is the element the tree is rendered into. */
    wrap: (children: ReactNode) => (
      <Profiler id="render-count" onRender={onRender}>
        {children}
      </Profiler>
    ),
    attach: (host: HTMLElement) => {
      container = host;
    },
    /** The components rendered since the last call. */
    take: (): Rendered[] => {
      const taken = rendered;
      rendered = [];
      return taken;
    },
  };
}
