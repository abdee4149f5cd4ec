// CPU profile summaries for bench/profile-screen.ts and profile-save.ts: self and total time by the
// original source (the build's source maps: build with --sourcemap to see names), within a time window.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { root } from './server-process';

const short = (url = '') => url.replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+/, '');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  const file = join(root, 'dist', 'assets', url.replace(/^.*\/assets\//, '') + '.map');
  if (!maps.has(url)) maps.set(url, url.includes('/assets/') && existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null);
  return maps.get(url)!;
}

/** Self time by original source file and by function, from the build's source maps (build with --sourcemap). */
export function summarize(profile: Profile, from: number, until: number): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time < from || time > until) return;
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nameOf = (node: ProfileNode): string => {
    const frame = node.callFrame;
    const map = frame.url ? mapOf(frame.url) : null;
    const original = map ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }) : null;
    const file = (original?.source ?? (frame.url ? short(frame.url) : '')).replace(/^.*node_modules\//, 'nm:').replace(/^(\.\.\/)+/, '');
    return `${original?.name ?? frame.functionName ?? '?'} ${file}:${original?.line ?? frame.lineNumber}`;
  };
  const names = new Map<number, string>();
  const total = new Map<string, number>();
  for (const [id, ms] of selfTime) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      if (!names.has(at)) names.set(at, nameOf(nodes.get(at)!));
      const name = names.get(at)!;
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  for (const [id, ms] of selfTime) {
    const frame = nodes.get(id)!.callFrame;
    const map = frame.url ? mapOf(frame.url) : null;
    const original = map ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }) : null;
    const file = (original?.source ?? (frame.url ? short(frame.url) : `(${frame.functionName || 'native'})`))
      .replace(/^.*node_modules\//, 'nm:')
      .replace(/^(\.\.\/)+/, '');
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${original?.name ?? frame.functionName ?? '?'} ${file}:${original?.line ?? frame.lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (table: Map<string, number>, count: number) =>
    [...table]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `    ${ms.toFixed(1).padStart(6)} ${name}`)
      .join('\n');
  console.log('  self time by file:\n' + top(byFile, 25));
  console.log('  self time by function:\n' + top(byFunction, 30));
  const own = new Map([...total].filter(([name]) => / src\//.test(name) || /^[A-Z]/.test(name)));
  console.log("  total time, the app's own functions and components:\n" + top(own, 60));
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string; frame?: string; stackTrace?: Array<{ url: string }> }; name?: string };
}
