/**
 * Rewrites the Transform Result Script so that no limit it reaches can go unreported. QuickJS turns a
 * limit (out of memory, stack overflow) into an ordinary error, which the script may catch, and which an
 * async function, a promise executor or a thenable turns into a rejection nobody may look at;
 * quickjs-emscripten 0.32 has no hook that says an allocation failed and no promise rejection tracker.
 * So every error that passes through a catch clause or leaves a function is first handed to the
 * prelude's note (bot-context-prelude.ts), which keeps the first limit error it sees:
 *
 * - `catch (e) {…}` becomes `catch (e) {(0).note(e);…}`, and `catch {…}` becomes `catch (E) {(0).note(E);…}`;
 *   a destructuring pattern is bound in a nested catch, after the note;
 * - a `try` without catch gets `catch (E) {try {(0).note(E)} finally {throw E}}` (RETHROW below), since
 *   its finally may swallow the error; the error goes on as it was even when the note cannot run;
 * - every function body becomes `try {…} RETHROW`, after its directives; an arrow's expression body
 *   becomes `{try {return (…)} RETHROW}`, and the defaults of an async function's parameters are
 *   wrapped likewise, since what they throw rejects its promise.
 *
 * The note is a non-writable, non-configurable property of Number.prototype, called on a literal: no
 * binding, `with` or assignment of the script can shadow or replace it. Text is only inserted, never on
 * a new line, so line numbers stay right; columns are put back with `restorePositions`. Not covered:
 * code the script makes at run time (eval, new Function), and a native function given as a promise
 * executor or to Promise.try (the prelude's then-wrapper covers native then handlers).
 */
import { parse, type AnyNode, type Function as FunctionNode, type Pattern, type Program } from 'acorn';

interface InstrumentedScript {
  source: string;
  /** The Number.prototype property the prelude must define as its note. */
  noteName: string;
  /** The stack text with the script's `filename:line:column` positions put back where they are in the original. */
  restorePositions(stack: string): string;
}

interface Insertion {
  at: number;
  text: string;
  /** At one offset, closing texts of inner nodes go first and opening texts of outer nodes go first. */
  rank: number;
}

/** A name that occurs nowhere in the script, so that the script cannot have meant it. */
function unusedName(source: string, base: string): string {
  let name = base;
  for (let suffix = 1; source.includes(name); suffix += 1) name = `${base}${suffix}`;
  return name;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Pushes the node's child nodes onto `into`. */
function pushChildren(node: AnyNode, into: AnyNode[]): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) into.push(item);
    } else if (isNode(value)) into.push(value);
  }
}

function isFunction(node: AnyNode): node is AnyNode & FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function patternNames(pattern: Pattern | null | undefined, into: string[]): string[] {
  if (!pattern) return into;
  switch (pattern.type) {
    case 'Identifier':
      into.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) patternNames(property.type === 'RestElement' ? property : property.value, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) patternNames(element, into);
      break;
    case 'RestElement':
      patternNames(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, into);
      break;
    default:
      break;
  }
  return into;
}

/** The names `var` declares in a function body, nested blocks included, nested functions not. */
function varNames(body: AnyNode): Set<string> {
  const names = new Set<string>();
  const stack: AnyNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isFunction(node) || node.type === 'StaticBlock') continue;
    if (node.type === 'VariableDeclaration' && node.kind === 'var') {
      for (const declarator of node.declarations) patternNames(declarator.id, []).forEach((name) => names.add(name));
    }
    pushChildren(node, stack);
  }
  return names;
}

/**
 * Whether the body's statements mean the same inside a block. Its function declarations become
 * block-scoped there, which is an early error beside a `var` of the same name or a second declaration,
 * and no longer replaces a parameter of the same name (or `arguments`). Such a body is left unwrapped:
 * its catch clauses are still rewritten.
 */
function canWrapBody(fn: FunctionNode): boolean {
  if (fn.body.type !== 'BlockStatement') return true;
  const declared = fn.body.body.flatMap((statement) => {
    let item: AnyNode = statement;
    while (item.type === 'LabeledStatement') item = item.body;
    return item.type === 'FunctionDeclaration' ? [item.id.name] : [];
  });
  if (declared.length === 0) return true;
  const taken = varNames(fn.body);
  for (const param of fn.params) patternNames(param, []).forEach((name) => taken.add(name));
  taken.add('arguments');
  return new Set(declared).size === declared.length && declared.every((name) => !taken.has(name));
}

function unparenthesized(node: AnyNode): AnyNode {
  return node.type === 'ParenthesizedExpression' ? unparenthesized(node.expression) : node;
}

/** The defaults and computed keys of parameter patterns: the code a call runs before the body. */
function parameterExpressions(params: readonly Pattern[]): AnyNode[] {
  const found: AnyNode[] = [];
  const stack: AnyNode[] = [...params];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'AssignmentPattern') {
      // A function or class given as default is named after its parameter; wrapped, it would not be.
      const named = ['FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression'].includes(unparenthesized(node.right).type);
      if (!named) found.push(node.right);
      stack.push(node.left);
    } else if (node.type === 'ObjectPattern') {
      for (const property of node.properties) {
        if (property.type === 'RestElement') stack.push(property.argument);
        else {
          if (property.computed) found.push(property.key);
          stack.push(property.value);
        }
      }
    } else if (node.type === 'ArrayPattern') {
      for (const element of node.elements) if (element) stack.push(element);
    } else if (node.type === 'RestElement') {
      stack.push(node.argument);
    }
  }
  return found;
}

function parseScript(source: string): Program | null {
  try {
    // preserveParens: an arrow's expression body `({ a: 1 })` is wrapped with its parentheses.
    return parse(source, { ecmaVersion: 'latest', sourceType: 'script', preserveParens: true });
  } catch {
    return null;
  }
}

function plan(program: Program, note: string, caught: string): Insertion[] {
  const insertions: Insertion[] = [];
  // If the note cannot run (the stack is spent), the error still goes on as it was, position and all:
  // an outer frame notes it.
  const rethrow = `catch(${caught}){try{(0).${note}(${caught})}finally{throw ${caught}}}`;
  const open = (at: number, text: string, depth: number) => insertions.push({ at, text, rank: depth });
  const close = (at: number, text: string, depth: number) => insertions.push({ at, text, rank: -depth });

  // Nodes and their depths, side by side: a script has tens of thousands of nodes.
  const stack: AnyNode[] = [program as AnyNode];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    const depth = depths.pop() as number;
    if (node.type === 'CatchClause') {
      const body = node.body;
      if (!node.param) {
        open(body.start, `(${caught})`, depth);
        open(body.start + 1, `(0).${note}(${caught});`, depth);
      } else if (node.param.type === 'Identifier') {
        open(body.start + 1, `(0).${note}(${node.param.name});`, depth);
      } else {
        // Destructuring may itself throw: the note comes first, the pattern is bound by a nested catch.
        open(node.param.start, `${caught}){(0).${note}(${caught});try{throw ${caught}}catch(`, depth);
        close(body.end, '}', depth);
      }
    } else if (node.type === 'TryStatement' && !node.handler) {
      close(node.block.end, rethrow, depth);
    } else if (isFunction(node) && canWrapBody(node)) {
      const body = node.body;
      if (body.type === 'BlockStatement') {
        const directives = body.body.findIndex(
          (statement) => statement.type !== 'ExpressionStatement' || statement.directive === undefined,
        );
        // A body of directives only runs nothing.
        if (directives !== -1) {
          // After "use strict" (which may lack its semicolon), so that it stays a directive.
          const last = body.body[directives - 1];
          if (last) open(last.end, ';try{', depth);
          else open(body.start + 1, 'try{', depth);
          close(body.end - 1, `}${rethrow}`, depth);
        }
      } else {
        open(body.start, '{try{return(', depth);
        close(body.end, `)}${rethrow}}`, depth);
      }
    }
    if (isFunction(node) && node.async) {
      // An async function's parameters are evaluated in it: what their defaults throw rejects its promise.
      for (const expression of parameterExpressions(node.params)) {
        open(expression.start, '(()=>{try{return(', depth);
        close(expression.end, `)}${rethrow}})()`, depth);
      }
    }
    const before = stack.length;
    pushChildren(node, stack);
    for (let index = before; index < stack.length; index += 1) depths.push(depth + 1);
  }
  return insertions.sort((a, b) => a.at - b.at || a.rank - b.rank);
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

// QuickJS counts columns in code points, from 1, and lines at "\n" only.
const codePoints = (text: string) => [...text].length;

function positionRestorer(source: string, insertions: readonly Insertion[], filename: string): (stack: string) => string {
  const starts = lineStarts(source);
  // Per line (0-based), the 0-based original column and the length of each inserted text, in order.
  const byLine = new Map<number, { column: number; length: number }[]>();
  // Counted on from the previous insertion, so that a long (minified) line is read once.
  let line = 0;
  let counted = 0;
  let column = 0;
  for (const insertion of insertions) {
    if (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= insertion.at) {
      while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= insertion.at) line += 1;
      counted = starts[line] ?? 0;
      column = 0;
    }
    column += codePoints(source.slice(counted, insertion.at));
    counted = insertion.at;
    const list = byLine.get(line) ?? [];
    list.push({ column, length: codePoints(insertion.text) });
    byLine.set(line, list);
  }
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const position = new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g');
  return (stack) =>
    stack.replace(position, (match, lineText: string, columnText: string) => {
      const inserted = byLine.get(Number(lineText) - 1);
      if (!inserted) return match;
      const rewritten = Number(columnText) - 1;
      let shift = 0;
      for (const { column, length } of inserted) {
        const start = column + shift;
        if (rewritten < start) break;
        // A position inside inserted text (the note's own call) is where the text was inserted.
        if (rewritten < start + length) return `${filename}:${lineText}:${column + 1}`;
        shift += length;
      }
      return `${filename}:${lineText}:${rewritten - shift + 1}`;
    });
}

/**
 * The script with its notes, or the script as it is when it does not parse (then QuickJS reports the
 * syntax error and runs nothing).
 */
export function instrumentScript(source: string, filename: string): InstrumentedScript {
  const noteName = unusedName(source, '__noteLimit');
  const program = parseScript(source);
  if (!program) return { source, noteName, restorePositions: (stack) => stack };
  const insertions = plan(program, noteName, unusedName(source, '__caughtError'));
  const parts: string[] = [];
  let from = 0;
  for (const insertion of insertions) {
    parts.push(source.slice(from, insertion.at), insertion.text);
    from = insertion.at;
  }
  parts.push(source.slice(from));
  return { source: parts.join(''), noteName, restorePositions: positionRestorer(source, insertions, filename) };
}
