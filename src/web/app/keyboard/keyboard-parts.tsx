import {
  Combobox,
  ComboboxGroup,
  ComboboxGroupLabel,
  ComboboxItem,
  ComboboxList,
  ComboboxProvider,
  Dialog,
  DialogDismiss,
  DialogHeading,
} from '@ariakit/react';
import { useRef, useState } from 'react';
import { screensFor, paths } from '../../../domain/screen-routes';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useCommands } from '../../lib/commands';
import { useLocation, useNavigate } from '../../lib/history-router';
import { useBots } from '../../features/bots/api/get-bots';
import { useIntegrations } from '../../features/integrations/api/get-integrations';

interface Entry {
  key: string;
  label: string;
  /** Shown after the label, dimmed: what kind of place or thing it is. */
  hint?: string;
  /** Where it goes, or what it runs. */
  to?: string;
  run?: () => void;
}

const MOST_PER_GROUP = 8;
const SEARCH_DELAY_MS = 150;

const contains = (text: string, wanted: string) => text.toLowerCase().includes(wanted.toLowerCase());

interface CommandPaletteProps {
  onClose: () => void;
  typedAhead: () => string;
  onShown: () => string | null;
}

/**
 * Ctrl+K: one search over where to go and what to do. The bots and the open bot's integrations are searched
 * by the API (as their lists are), the screens and the actions the screen on show offers here. Enter runs
 * the highlighted entry; Escape closes and gives the focus back.
 */
export function CommandPalette({ onClose, typedAhead, onShown }: CommandPaletteProps) {
  // What was typed while the code was on its way shows at once; the rest, up to the moment the search takes
  // the focus, is added then (the host keeps the keys until that moment, so none is lost).
  const [search, setSearch] = useState(typedAhead);
  const typed = search.trim();
  const q = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { botId } = screensFor(pathname);
  const bots = useBots(q).data?.pages[0]?.items ?? [];
  const integrations = useIntegrations(botId ?? '', q);
  const commands = useCommands();
  // A chosen entry moves the focus itself (a new screen, a panel that opens): the dialog leaves it there.
  const chosen = useRef(false);

  const choose = ({ to, run }: Entry) => {
    chosen.current = true;
    onClose();
    // After the dialog has let go of the page: a drawer the command opens takes the focus then.
    window.setTimeout(() => (to === undefined ? run?.() : navigate(to)), 0);
  };

  const screens: Entry[] = [
    { key: 'bots', label: 'Bots', hint: 'Screen', to: paths.bots() },
    ...(botId
      ? [
          { key: 'integrations', label: 'Integrations of this bot', hint: 'Screen', to: paths.integrations(botId) },
          { key: 'dialogs', label: 'Dialogs of this bot', hint: 'Screen', to: paths.dialogs(botId) },
          { key: 'releases', label: 'Releases of this bot', hint: 'Screen', to: paths.releases(botId) },
        ]
      : []),
    { key: 'skills', label: 'Skills', hint: 'Directory', to: paths.skills() },
    { key: 'credentials', label: 'Credentials', hint: 'Directory', to: paths.credentials() },
    { key: 'functions', label: 'Functions', hint: 'Directory', to: paths.functions() },
    { key: 'knowledge-bases', label: 'Knowledge bases', hint: 'Directory', to: paths.knowledgeBases() },
    { key: 'environments', label: 'Environments', hint: 'Screen', to: paths.environments() },
  ].filter((entry) => contains(entry.label, typed));
  const actions: Entry[] = commands
    .filter((command) => contains(command.label, typed))
    .map((command) => ({ key: `command-${command.id}`, label: command.label, run: command.run }));
  // The lists answer for the debounced text: until then the rows already here are narrowed the same way.
  const integrationEntries: Entry[] = botId
    ? (integrations.data?.pages[0]?.items ?? [])
        .filter((integration) => contains(integration.name, typed))
        .slice(0, MOST_PER_GROUP)
        .map((integration) => ({
          key: `integration-${integration.id}`,
          label: integration.name,
          hint: 'Integration',
          to: paths.integration(botId, integration.id),
        }))
    : [];
  const botEntries: Entry[] = bots
    .filter((bot) => contains(bot.name, typed))
    .slice(0, MOST_PER_GROUP)
    .map((bot) => ({ key: `bot-${bot.id}`, label: bot.name, hint: 'Bot', to: paths.integrations(bot.id) }));
  const groups = [
    { label: 'Actions', entries: actions },
    { label: 'Integrations', entries: integrationEntries },
    { label: 'Bots', entries: botEntries },
    { label: 'Go to', entries: screens },
  ].filter((group) => group.entries.length > 0);

  return (
    <Dialog
      open
      onClose={onClose}
      className="dialog command-palette"
      backdrop={<div className="dialog-overlay" />}
      aria-label="Command palette"
      autoFocusOnHide={() => !chosen.current}
    >
      <ComboboxProvider value={search} setValue={setSearch} open includesBaseElement={false} resetValueOnHide={false}>
        <Combobox
          autoSelect
          autoFocus
          onFocus={() => {
            const typed = onShown();
            if (typed) setSearch(typed);
          }}
          className="input command-palette__input"
          placeholder="Go to a bot, an integration, a screen; run an action"
          aria-label="Search commands"
        />
        <ComboboxList className="command-palette__list" aria-label="Commands" alwaysVisible>
          {groups.length === 0 ? <p className="command-palette__empty">Nothing matches “{typed}”.</p> : null}
          {groups.map((group) => (
            <ComboboxGroup key={group.label} className="command-palette__group">
              <ComboboxGroupLabel className="command-palette__group-label">{group.label}</ComboboxGroupLabel>
              {group.entries.map((entry) => (
                <ComboboxItem
                  key={entry.key}
                  className="combobox__item command-palette__item"
                  onClick={() => choose(entry)}
                  hideOnClick={false}
                >
                  <span>{entry.label}</span>
                  {entry.hint ? <span className="combobox__meta">{entry.hint}</span> : null}
                </ComboboxItem>
              ))}
            </ComboboxGroup>
          ))}
        </ComboboxList>
      </ComboboxProvider>
    </Dialog>
  );
}

const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Ctrl+K or ⌘K', what: 'Open the command palette: go to a bot, an integration or a screen, run an action' },
  { keys: '/', what: 'Focus the filter of the list on screen' },
  { keys: '↓ ↑, Home, End', what: 'Move between the rows of a list (integrations, bots); Enter opens the row' },
  { keys: 'Ctrl+S or ⌘S', what: 'Save the integration' },
  { keys: 'Esc, then Tab', what: 'Leave the script editor (Tab inside it indents)' },
  { keys: 'Enter or Tab', what: 'Accept a suggestion in the script editor' },
  { keys: 'Esc', what: 'Close a dialog, a drawer or a menu; fold the list on a phone' },
  { keys: '?', what: 'Show these shortcuts' },
];

/** `?`: every shortcut of the app, in one list. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} className="dialog shortcuts-dialog" backdrop={<div className="dialog-overlay" />}>
      <DialogHeading className="dialog__title">Keyboard shortcuts</DialogHeading>
      <dl className="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcuts__row">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__actions">
        <DialogDismiss className="button">Close</DialogDismiss>
      </div>
    </Dialog>
  );
}
