/*
 * Dialog starter patterns as Conversation Builder reads them: the whole message, ignoring case,
 * `*` for any text (also none), `(a|b)` for alternatives (also at the top level), everything else
 * literal; a pattern whose parentheses do not balance is read literally but for `*`.
 *
 * Patterns come from imported bots, so they are matched by a Thompson automaton rather than a
 * regular expression: a backtracking engine took a minute on K `*` then `x` (K=12) with the
 * server blocked, while the automaton keeps a set of at most |pattern| + 1 states per character
 * of the message, so a match costs O(|pattern| × |message|) whatever the pattern's shape.
 */

type State =
  | { kind: 'char'; char: string; next: number }
  /** Any text: loops on every character, or goes on to `next` without one. */
  | { kind: 'star'; next: number }
  | { kind: 'split'; outs: number[] }
  | { kind: 'match' };

type Node = { kind: 'char'; char: string } | { kind: 'star' } | { kind: 'group'; alternatives: Node[][] };

interface CompiledPattern {
  states: State[];
  start: number;
}

/**
 * Case folding as JavaScript's case-insensitive regular expressions (without the `u` flag) do it, one UTF-16
 * code unit at a time: the pattern language CB documents is the regular expressions' one, so both agree.
 */
function fold(unit: string): string {
  const upper = unit.toUpperCase();
  if (upper.length !== 1) return unit;
  if (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return unit;
  return upper;
}

function balanced(pattern: string): boolean {
  let depth = 0;
  for (const unit of pattern) {
    if (unit === '(') depth += 1;
    else if (unit === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The pattern as nested alternatives; without balanced parentheses, `(`, `)` and `|` are text. */
function parse(pattern: string): Node[][] {
  const operators = balanced(pattern);
  const stack: Node[][][] = [[[]]];
  for (let index = 0; index < pattern.length; index += 1) {
    const unit = pattern[index]!;
    const alternatives = stack[stack.length - 1]!;
    const sequence = alternatives[alternatives.length - 1]!;
    if (unit === '*') sequence.push({ kind: 'star' });
    else if (operators && unit === '(') stack.push([[]]);
    else if (operators && unit === '|') alternatives.push([]);
    else if (operators && unit === ')') {
      stack.pop();
      const outer = stack[stack.length - 1]!;
      outer[outer.length - 1]!.push({ kind: 'group', alternatives });
    } else sequence.push({ kind: 'char', char: fold(unit) });
  }
  return stack[0]!;
}

/** Builds the automaton back to front, so each piece knows the state that follows it. */
export function compilePattern(pattern: string): CompiledPattern {
  const states: State[] = [{ kind: 'match' }];
  const add = (state: State) => states.push(state) - 1;
  const sequence = (nodes: Node[], next: number): number => {
    let at = next;
    for (let index = nodes.length - 1; index >= 0; index -= 1) {
      const node = nodes[index]!;
      if (node.kind === 'char') at = add({ kind: 'char', char: node.char, next: at });
      else if (node.kind === 'star') at = add({ kind: 'star', next: at });
      else at = alternatives(node.alternatives, at);
    }
    return at;
  };
  const alternatives = (options: Node[][], next: number): number =>
    options.length === 1 ? sequence(options[0]!, next) : add({ kind: 'split', outs: options.map((option) => sequence(option, next)) });
  const start = alternatives(parse(pattern.trim()), 0);
  return { states, start };
}

export function matchesCompiled({ states, start }: CompiledPattern, message: string): boolean {
  // `mark[state] === generation` says the state is in the set being built: no set is ever cleared.
  const mark = new Int32Array(states.length).fill(-1);
  let generation = 0;
  let current: number[] = [];
  const enter = (set: number[], first: number) => {
    const pending = [first];
    while (pending.length > 0) {
      const index = pending.pop()!;
      if (mark[index] === generation) continue;
      mark[index] = generation;
      const state = states[index]!;
      if (state.kind === 'split') pending.push(...state.outs);
      else {
        set.push(index);
        if (state.kind === 'star') pending.push(state.next);
      }
    }
  };
  enter(current, start);
  const text = message.trim();
  for (let position = 0; position < text.length && current.length > 0; position += 1) {
    const unit = fold(text[position]!);
    generation += 1;
    const next: number[] = [];
    for (const index of current) {
      const state = states[index]!;
      if (state.kind === 'star') enter(next, index);
      else if (state.kind === 'char' && state.char === unit) enter(next, state.next);
    }
    current = next;
  }
  return current.some((index) => states[index]!.kind === 'match');
}

export function patternMatches(pattern: string, message: string): boolean {
  return matchesCompiled(compilePattern(pattern), message);
}
