import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';

/** What every custom data row shows of the integration's own names. */
export interface RowNames {
  /** Dialogs read a row as {<reference>.key}. */
  reference: string;
  /** The row's value reads the result as {$.api_<variable>.path}. */
  variable: string;
}

export function rowNamesOf(name: string | undefined, responseDataVariable: string | undefined): RowNames {
  return { reference: name || 'IntegrationName', variable: responseDataVariable || name || '<ResponseDataVariable>' };
}

/** The text a row's element marked `data-row-name="<part>"` shows. */
const PARTS = {
  reference: (names: RowNames) => names.reference,
  variable: (names: RowNames) => names.variable,
  placeholder: (names: RowNames) => `{$.api_${names.variable}.path}`,
} as const;

type RowNamePart = keyof typeof PARTS;

/** Marks an element whose text (or placeholder) shows a part of the names. */
export const ROW_NAME_ATTRIBUTE = 'data-row-name';

export const rowNameText = (names: RowNames, part: RowNamePart) => PARTS[part](names);

/**
 * The integration's names as the custom data rows show them, computed once per change of the name.
 *
 * Every row shows them (its value's placeholder, "Dialogs use {Name.key}", a warning naming api_<variable>),
 * so a row that followed the name would render at each keystroke in it: a hundred rows for one letter. The
 * names are written into the rows' marked elements instead, in one pass, by the one component that follows
 * them (`useRowNamesWriter`); a row reads them when it renders for its own reasons, so React's next render of
 * a row writes what is already there. What a row's warnings decide from the variable (whether a path reads
 * another integration) follows `settled`, which moves after the keystroke's frame, and renders only the
 * rows whose warnings change.
 */
export interface RowNamesStore {
  current: () => RowNames;
  /** The variable the rows' warnings are judged against: the current one, one render later. */
  settled: () => string;
  subscribe: (listener: () => void) => () => void;
}

export interface WritableRowNames extends RowNamesStore {
  write: (group: HTMLElement | null, names: RowNames) => void;
  settle: (variable: string) => void;
}

export function createRowNames(initial: RowNames): WritableRowNames {
  let current = initial;
  let settled = initial.variable;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    settled: () => settled,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    write: (group, names) => {
      // Only the parts whose text changed: a letter of the name changes the references, not the placeholders.
      const changed = (Object.keys(PARTS) as RowNamePart[]).filter((part) => PARTS[part](names) !== PARTS[part](current));
      current = names;
      for (const part of changed) {
        const text = PARTS[part](names);
        for (const element of group?.querySelectorAll<HTMLElement>(`[${ROW_NAME_ATTRIBUTE}="${part}"]`) ?? []) {
          if (part === 'placeholder') element.setAttribute('placeholder', text);
          // The text node's data, not textContent, which would replace the node with a new one.
          else if (element.firstChild instanceof Text && element.childNodes.length === 1) element.firstChild.data = text;
          else element.textContent = text;
        }
      }
    },
    settle: (variable) => {
      if (variable === settled) return;
      settled = variable;
      for (const listener of listeners) listener();
    },
  };
}

/**
 * Keeps the store current, from the one component that follows the name: the rows' texts at the commit of
 * the keystroke, the settled variable at the commit of its deferred render.
 */
export function useRowNamesWriter(
  store: WritableRowNames,
  group: RefObject<HTMLElement | null>,
  names: RowNames,
  settledVariable: string,
): void {
  useLayoutEffect(() => store.write(group.current, names), [store, group, names]);
  useLayoutEffect(() => store.settle(settledVariable), [store, settledVariable]);
}

/** A value derived from the settled variable: the component renders when the derived value changes, not the variable. */
export function useSettledVariable<T>(store: RowNamesStore, derive: (variable: string) => T): T {
  return useSyncExternalStore(store.subscribe, () => derive(store.settled()));
}
