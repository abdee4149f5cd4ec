import { parse, type Node } from 'acorn';
import { BOT_CONTEXT_FUNCTION_NAMES } from './bot-context-api';

/** A `botContext.<name>(…)` call whose function the bot runtime does not have. 1-based lines and columns, end exclusive. */
interface UnknownBotContextCall {
  name: string;
  /** The closest real function, when the name looks like a typo of one. */
  suggestion: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface LocatedNode extends Node {
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

interface MemberLike extends LocatedNode {
  object: LocatedNode & { name?: string };
  property: LocatedNode & { name?: string; value?: unknown };
  computed: boolean;
}

const KNOWN = new Set(BOT_CONTEXT_FUNCTION_NAMES);

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The real function a misspelt or shortened name most likely meant (`getBotVar` → `getBotVariable`). */
export function closestBotContextFunction(name: string): string | null {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const candidate of BOT_CONTEXT_FUNCTION_NAMES) {
    const other = candidate.toLowerCase();
    // A prefix of a real name (getBotVar) counts as close whatever its length difference.
    const distance = other !== lower && other.startsWith(lower) && lower.length >= 6 ? 1 : editDistance(lower, other);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.name : null;
}

/** The called property of `botContext.x` or `botContext['x']`, when it is a plain name. */
function calledName(callee: MemberLike): string | null {
  if (callee.object.type !== 'Identifier' || callee.object.name !== 'botContext') return null;
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name ?? null;
  if (callee.computed && callee.property.type === 'Literal' && typeof callee.property.value === 'string') return callee.property.value;
  return null;
}

function children(node: Node): Node[] {
  const found: Node[] = [];
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) found.push(item);
    } else if (isNode(value)) found.push(value);
  }
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Calls of botContext functions that do not exist (reference §2.3). A script that does not parse
 * yields none: its syntax error is reported on its own.
 */
export function findUnknownBotContextCalls(source: string): UnknownBotContextCall[] {
  let program: Node;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true });
  } catch {
    return [];
  }
  const calls: UnknownBotContextCall[] = [];
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'CallExpression') {
      let callee = (node as Node & { callee: Node }).callee;
      // botContext.x?.() wraps the member in a ChainExpression.
      if (callee.type === 'ChainExpression') callee = (callee as Node & { expression: Node }).expression;
      if (callee.type === 'MemberExpression') {
        const member = callee as MemberLike;
        const name = calledName(member);
        const loc = member.property.loc;
        if (name !== null && !KNOWN.has(name) && loc) {
          calls.push({
            name,
            suggestion: closestBotContextFunction(name),
            line: loc.start.line,
            column: loc.start.column + 1,
            endLine: loc.end.line,
            endColumn: loc.end.column + 1,
          });
        }
      }
    }
    stack.push(...children(node).reverse());
  }
  return calls.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function describeUnknownBotContextCall(call: UnknownBotContextCall): string {
  const hint = call.suggestion ? ` Did you mean ${call.suggestion}?` : '';
  return `botContext has no function ${call.name}: the bot would stop with a TypeError here.${hint}`;
}
