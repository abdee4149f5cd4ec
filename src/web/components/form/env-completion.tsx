/**
 * `{$env.NAME}` in any text field of a form: typing `{$env.` offers the environment's names in a listbox
 * (the ARIA combobox pattern: arrows move, Enter inserts, Escape closes, the focus stays in the field), and
 * under the field its text as it resolves there (secrets masked) or a warning for each name it lacks.
 * One-line inputs, text areas and the pickers' comboboxes all take it the same way: the field spreads
 * `completion.props` on its control and renders `completion.popup` and `<EnvNote>` beside it.
 */
import { createContext, useContext, useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { envNamesIn, resolveEnvText, SECRET_MASK } from '../../../domain/env-references';
import type { EnvironmentVariable } from '../../../domain/environments';
import { FieldWarning } from './field-warning';
import './env-completion.css';

interface CompletionEnvironment {
  name: string;
  variables: readonly EnvironmentVariable[];
}

/** undefined: the form knows no environment (or not yet); null: the bot has none. */
const EnvCompletionContext = createContext<CompletionEnvironment | null | undefined>(undefined);

export function EnvCompletionProvider({
  environment,
  children,
}: {
  environment: CompletionEnvironment | null | undefined;
  children: ReactNode;
}) {
  return <EnvCompletionContext.Provider value={environment}>{children}</EnvCompletionContext.Provider>;
}

/** The `{$env.` just before the caret, and the part of a name typed after it. */
const OPENED = /\{\$env\.([A-Za-z0-9_.]*)$/;
/** What of a reference already follows the caret: replaced by the pick rather than left dangling. */
const FOLLOWING = /^[A-Za-z0-9_.]*\}?/;

type TextControl = HTMLInputElement | HTMLTextAreaElement;

interface OpenList {
  /** Where `{$env.` starts in the text. */
  start: number;
  options: readonly EnvironmentVariable[];
  active: number;
  /** Where the field is on screen: the list sits under it. */
  box: { left: number; top: number; width: number };
}

/** The names offered for what is typed after `{$env.`: those starting with it first, then those containing it. */
function envOptionsFor(variables: readonly EnvironmentVariable[], typed: string): EnvironmentVariable[] {
  const query = typed.toLowerCase();
  const starting = variables.filter((variable) => variable.name.toLowerCase().startsWith(query));
  const containing = variables.filter(
    (variable) => !variable.name.toLowerCase().startsWith(query) && variable.name.toLowerCase().includes(query),
  );
  return [...starting, ...containing];
}

/** The text with the reference being typed at `caret` completed to `{$env.NAME}`, and where the caret goes. */
function completeReference(text: string, caret: number, name: string): { text: string; caret: number } | null {
  const opened = OPENED.exec(text.slice(0, caret));
  if (!opened) return null;
  const following = FOLLOWING.exec(text.slice(caret))?.[0] ?? '';
  const reference = `{$env.${name}}`;
  return { text: text.slice(0, opened.index) + reference + text.slice(caret + following.length), caret: opened.index + reference.length };
}

interface EnvCompletionOptions {
  /** The control's id: the list's and its options' ids derive from it. */
  id: string;
  /** input: it becomes a combobox; textarea: a text box that controls a list; combobox: one already (a picker). */
  kind: 'input' | 'textarea' | 'combobox';
  /** Puts the completed text in the form (react-hook-form's setValue, or a Controller's onChange). */
  onValue: (text: string) => void;
}

export function useEnvCompletion({ id, kind, onValue }: EnvCompletionOptions) {
  const environment = useContext(EnvCompletionContext);
  const variables = environment?.variables ?? [];
  const control = useRef<TextControl | null>(null);
  const [list, setList] = useState<OpenList | null>(null);
  const listId = `${id}-env-list`;
  const optionId = (index: number) => `${listId}-${index}`;

  const boxOf = (element: TextControl) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.bottom + 2, width: rect.width };
  };

  const look = (element: TextControl) => {
    control.current = element;
    const caret = element.selectionStart ?? element.value.length;
    const opened = variables.length > 0 && element.selectionEnd === caret ? OPENED.exec(element.value.slice(0, caret)) : null;
    const options = opened ? envOptionsFor(variables, opened[1]!) : [];
    setList((current) =>
      opened && options.length > 0
        ? {
            start: opened.index,
            options,
            active: current && current.start === opened.index ? Math.min(current.active, options.length - 1) : 0,
            box: boxOf(element),
          }
        : null,
    );
  };

  const pick = (name: string) => {
    const element = control.current;
    if (!element) return;
    const completed = completeReference(element.value, element.selectionStart ?? element.value.length, name);
    setList(null);
    if (!completed) return;
    onValue(completed.text);
    // After the form has put the text in the control (a controlled one on its next render).
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(completed.caret, completed.caret);
    });
  };

  // The list follows its field while the form scrolls under it.
  const open = list !== null;
  useEffect(() => {
    if (!open) return;
    const follow = () => {
      const element = control.current;
      if (element) setList((current) => (current ? { ...current, box: boxOf(element) } : null));
    };
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<TextControl>) => {
    if (!list) return;
    const last = list.options.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setList({ ...list, active: list.active + step > last ? 0 : list.active + step < 0 ? last : list.active + step });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(list.options[list.active]!.name);
    } else if (event.key === 'Escape') {
      // Closes the list only: not the dialog, drawer or list picker around the field.
      event.preventDefault();
      event.stopPropagation();
      setList(null);
    }
  };
  const onLook = (event: SyntheticEvent<TextControl>) => look(event.currentTarget);

  const activeId = list ? optionId(list.active) : undefined;
  const openAria = list ? { 'aria-controls': listId, 'aria-activedescendant': activeId } : {};
  const aria =
    variables.length === 0
      ? {}
      : kind === 'input'
        ? { role: 'combobox', 'aria-autocomplete': 'list' as const, 'aria-expanded': open, ...openAria }
        : kind === 'textarea'
          ? { 'aria-autocomplete': 'list' as const, ...openAria }
          : list
            ? { 'aria-expanded': true, ...openAria }
            : {};

  const popup =
    list && typeof document !== 'undefined'
      ? createPortal(
          <ul
            id={listId}
            role="listbox"
            aria-label={environment ? `Variables of ${environment.name}` : 'Environment variables'}
            className="env-completion"
            style={{ left: list.box.left, top: list.box.top, minWidth: Math.min(list.box.width, 360) }}
          >
            {list.options.map((variable, index) => (
              <li
                key={variable.name}
                id={optionId(index)}
                role="option"
                aria-selected={index === list.active}
                className="env-completion__option"
                // Keeps the focus (and the caret) in the field.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(variable.name)}
              >
                <code>{`{$env.${variable.name}}`}</code>{' '}
                <span className="env-completion__value">{variable.secret ? SECRET_MASK : variable.value}</span>
              </li>
            ))}
          </ul>,
          document.body,
        )
      : null;

  return {
    props: {
      ...aria,
      onKeyDown,
      onInput: onLook,
      onSelect: onLook,
      onBlurCapture: () => setList(null),
    },
    popup,
  };
}

export type EnvCompletion = ReturnType<typeof useEnvCompletion>;

/** What `<EnvNote>` would show for a text: null when it uses no `{$env.NAME}` or the form knows no environment. */
/** The text a note follows (a `useWatch` compute): the value while it holds a `{$env.` reference, else nothing. */
export const envTextOf = (value: unknown): string => (typeof value === 'string' && value.includes('{$env.') ? value : '');

export function useEnvNoteShown(text: string): boolean {
  const environment = useContext(EnvCompletionContext);
  return environment !== undefined && envNamesIn(text).length > 0;
}

/**
 * Under a field that uses `{$env.NAME}`: the text as it resolves in the environment (a secret masked), and a
 * warning naming each reference the environment lacks. `id` is for the field's aria-describedby.
 */
export function EnvNote({ id, text, testId }: { id: string; text: string; testId: string }) {
  const environment = useContext(EnvCompletionContext);
  if (environment === undefined) return null;
  const names = envNamesIn(text);
  if (names.length === 0) return null;
  const resolved = resolveEnvText(text, environment?.variables ?? []);
  const missing = resolved.missing.map((name) => `{$env.${name}}`).join(', ');
  return (
    <div id={id} className="env-note" data-testid={testId}>
      {environment && resolved.missing.length < names.length ? (
        <p className="env-note__value">
          In {environment.name}: <code data-testid={`${testId}-value`}>{resolved.text}</code>
        </p>
      ) : null}
      {resolved.missing.length > 0 ? (
        <FieldWarning>
          {environment
            ? `${missing} ${resolved.missing.length === 1 ? 'is' : 'are'} not in ${environment.name}: add ${resolved.missing.length === 1 ? 'it' : 'them'} on the Environments screen.`
            : `${missing}: this bot has no environment, so nothing fills ${resolved.missing.length === 1 ? 'it' : 'them'} in. Pick one in the bot's header.`}
        </FieldWarning>
      ) : null}
    </div>
  );
}

/** A field's aria-describedby with its note's id added while the note shows. */
export function describedWithNote(describedBy: string | undefined, noteId: string, shown: boolean): string | undefined {
  return [describedBy, shown ? noteId : null].filter(Boolean).join(' ') || undefined;
}
