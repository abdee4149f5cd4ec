/**
 * Cuts one output channel to its share of the run's output (OUTPUT_CAPS). `collect` inside QuickJS
 * already cuts, to keep what crosses out of the sandbox small; this is the check that holds whatever
 * the script did to the sandbox's built-ins.
 */
import { OUTPUT_CAPS, SIMULATION_LIMITS, type OutputChannel } from '../../domain/simulation-limits';

export type Caps = Record<OutputChannel, number>;

/** The characters left in a channel; spent in place. */
interface Room {
  left: number;
  cut: boolean;
}

function fitText(text: string, room: Room): string {
  if (text.length <= room.left) {
    room.left -= text.length;
    return text;
  }
  room.cut = true;
  const kept = text.slice(0, Math.max(0, room.left));
  room.left = 0;
  return kept;
}

/**
 * The value with its strings charged to `room`: a string that does not fit keeps its beginning, and list
 * entries after it are dropped. Only the text of strings counts, not the JSON around it.
 */
function fitValue<T>(value: T, room: Room): T {
  if (typeof value === 'string') return fitText(value, room) as T;
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const entry of value) {
      if (room.left <= 0) {
        room.cut = true;
        break;
      }
      kept.push(fitValue(entry, room));
      if (room.cut) break;
    }
    return kept as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fitValue(entry, room)])) as T;
  }
  return value;
}

export function capChannel<T>(value: T, cap: number): { value: T; cut: boolean } {
  const room: Room = { left: cap, cut: false };
  const fitted = fitValue(value, room);
  return { value: fitted, cut: room.cut };
}

const CHANNEL_NAMES: Record<OutputChannel, string> = {
  customDataFields: 'the Custom Data Fields',
  botVariables: 'the bot variables set',
  debugLog: 'the debug log',
  customEvents: 'the custom events',
  messages: 'the messages sent',
  contextData: 'the context data',
  other: 'the warnings and transfer texts',
  errorMessage: 'the error message',
};

export function kb(chars: number): string {
  return chars >= 1024 * 1024 ? `${chars / (1024 * 1024)} MB` : `${Math.round(chars / 1024)} KB`;
}

export function describeCut(channel: OutputChannel, limit: string): string {
  return `${CHANNEL_NAMES[channel]} at ${limit}`;
}

/** One sentence naming every cut (`describeCut`), for the run's error. */
export function describeCuts(cuts: readonly string[]): string {
  const joined = cuts.length > 1 ? `${cuts.slice(0, -1).join(', ')} and ${cuts.at(-1)}` : (cuts[0] ?? '');
  return `Output limit reached: the run produced more than the simulator shows, so it cut ${joined} (a run answers at most ${kb(SIMULATION_LIMITS.outputChars)} in all). What is shown is the beginning; each cut says so.`;
}

export const DEFAULT_CAPS: Caps = { ...OUTPUT_CAPS };
