import { cpus, loadavg } from 'node:os';

/**
 * The 1-minute load average, read every second for the whole run: each figure carries the highest
 * value seen while it was measured, and the report says so beside the figures of a busy machine.
 */
export class LoadMonitor {
  readonly cores = cpus().length;
  private readonly readings: Array<{ at: number; load: number }> = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.read();
    this.timer = setInterval(() => this.read(), 1_000);
    this.timer.unref();
  }

  private read(): void {
    this.readings.push({ at: Date.now(), load: loadavg()[0]! });
  }

  /** The highest load average since `since` (a Date.now() value). */
  highestSince(since: number): number {
    this.read();
    return Math.max(...this.readings.filter((reading) => reading.at >= since).map((reading) => reading.load));
  }

  get first(): number {
    return this.readings[0]!.load;
  }

  get highest(): number {
    return Math.max(...this.readings.map((reading) => reading.load));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
