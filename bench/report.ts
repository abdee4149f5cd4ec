import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Goal {
  /** What is compared: the figure's value or its ratio to the reference. */
  on: 'value' | 'ratio';
  op: '<=' | '>=';
  limit: number;
}

/** One measured figure: the median of its repetitions, beside its reference. */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  reference?: { label: string; value: number };
  /** value / reference (for throughput, against the slower limit; for scale, against the 50-integration figure). */
  ratio?: number;
  goal?: Goal;
  /** Extra facts a reader needs to trust the number (412s, errors, repetitions). */
  note?: string;
  /** Every repetition's value: the table shows their spread (lowest–highest) beside the median. */
  samples?: number[];
  /** The highest 1-minute load average while the figure was measured (not for deterministic figures). */
  loadAverage?: number;
}

/** Marks figures with the highest load average seen while they were measured. */
export function withLoad(figures: Figure[], loadAverage: number): Figure[] {
  return figures.map((figure) => ({ ...figure, loadAverage }));
}

/** Ratios near 1 (app against floor, growth with size) read as ×; shares of a floor's throughput as %. */
const asTimes = (figure: Figure) => figure.goal?.on !== 'ratio' || figure.goal.op === '<=';

export function withRatio(figure: Figure): Figure {
  if (!figure.reference || figure.reference.value === 0) return figure;
  return { ...figure, ratio: figure.value / figure.reference.value };
}

/** true = met, false = broken, null = the figure has no goal. */
function goalMet(figure: Figure): boolean | null {
  const { goal } = figure;
  if (!goal) return null;
  const actual = goal.on === 'value' ? figure.value : figure.ratio;
  if (actual === undefined || Number.isNaN(actual)) return false;
  return goal.op === '<=' ? actual <= goal.limit : actual >= goal.limit;
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatGoal(figure: Figure): string {
  const { goal } = figure;
  if (!goal) return '';
  const op = goal.op === '>=' ? '≥' : '≤';
  if (goal.on === 'ratio')
    return asTimes(figure) ? `${op} ${goal.limit} × reference` : `${op} ${Math.round(goal.limit * 100)} % of reference`;
  return `${op} ${formatNumber(goal.limit)} ${figure.unit}`;
}

function spread(figure: Figure): string {
  if (!figure.samples || figure.samples.length < 2) return '';
  return `${formatNumber(Math.min(...figure.samples))}–${formatNumber(Math.max(...figure.samples))}`;
}

/** The load average beside a figure, flagged when it rose above the number of cores. */
function load(figure: Figure, cores: number): string {
  if (figure.loadAverage === undefined) return '';
  return `${figure.loadAverage.toFixed(1)}${figure.loadAverage > cores ? ` (> ${cores} cores: busy)` : ''}`;
}

function row(figure: Figure, cores: number): string[] {
  const met = goalMet(figure);
  return [
    `${figure.group}: ${figure.name}`,
    `${formatNumber(figure.value)} ${figure.unit}`,
    spread(figure),
    figure.reference ? `${formatNumber(figure.reference.value)} ${figure.unit} (${figure.reference.label})` : '',
    figure.ratio === undefined ? '' : asTimes(figure) ? `×${figure.ratio.toFixed(2)}` : `${Math.round(figure.ratio * 100)} %`,
    formatGoal(figure),
    met === null ? '' : met ? 'pass' : 'FAIL',
    load(figure, cores),
  ];
}

const HEADER = ['Figure', 'Median', 'Spread', 'Reference', 'Ratio', 'Goal', 'Result', 'Load avg'];

/** A plain-text table for the terminal. */
export function formatTable(figures: readonly Figure[], cores: number): string {
  const rows = [HEADER, ...figures.map((figure) => row(figure, cores))];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const notes = figures.filter((figure) => figure.note).map((figure) => `  - ${figure.group}: ${figure.name}: ${figure.note}`);
  return [
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function formatMarkdown(figures: readonly Figure[], cores: number): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...figures.map((figure) => `| ${row(figure, cores).map(escape).join(' | ')} |`),
  ].join('\n');
}

export function brokenBudgets(figures: readonly Figure[]): Figure[] {
  return figures.filter((figure) => goalMet(figure) === false);
}

interface RunInfo {
  startedAt: string;
  durationSeconds: number;
  groups: string[];
  machine: { cpus: number; node: string; platform: string; loadAverage: { start: number; end: number; highest: number } };
  skipped: string[];
}

/** Writes bench/results/<timestamp>.json and returns its path. */
export function writeJson(directory: string, info: RunInfo, figures: readonly Figure[]): string {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${info.startedAt.replace(/[:.]/g, '-')}.json`);
  const payload = {
    ...info,
    figures: figures.map((figure) => ({ ...figure, met: goalMet(figure) })),
  };
  writeFileSync(path, `${JSON.stringify(payload, null, 2)}\n`);
  return path;
}
