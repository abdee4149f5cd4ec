import { useEffect, useSyncExternalStore } from 'react';

/**
 * What the command palette (Ctrl+K) can run besides going somewhere: a screen offers its own actions
 * ("Add Integration", "Test", "History") while it is mounted, and the palette, which lives above every
 * screen, lists them without importing the features that own them.
 */
interface Command {
  /** Unique among the commands offered at one time; a later registration with the same id replaces it. */
  id: string;
  label: string;
  run: () => void;
}

let offered: readonly Command[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly Command[]) {
  offered = next;
  for (const listener of listeners) listener();
}

/** Offers `commands` to the palette while the calling component is mounted (none when null). */
export function useOfferedCommands(commands: readonly Command[] | null): void {
  useEffect(() => {
    if (!commands || commands.length === 0) return;
    const ids = new Set(commands.map((command) => command.id));
    publish([...offered.filter((command) => !ids.has(command.id)), ...commands]);
    return () => publish(offered.filter((command) => !commands.includes(command)));
  }, [commands]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The commands the screens on show offer now. */
export function useCommands(): readonly Command[] {
  return useSyncExternalStore(
    subscribe,
    () => offered,
    () => offered,
  );
}
