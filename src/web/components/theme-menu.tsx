import { useId } from 'react';
import { useDisclosure } from './use-disclosure';
import { setThemeChoice, THEME_CHOICES, useThemeState, type ThemeChoice } from '../lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/**
 * The colour theme in the top bar: a button naming the choice, opening three radio buttons (arrows move
 * between them as in any radio group; Escape closes and gives the focus back to the button). The choice is
 * kept in this browser and applies at once, in every tab.
 */
export function ThemeMenu() {
  const { choice } = useThemeState();
  // The chosen option takes the focus, as a radio group's checked button does when tabbed into.
  const { open, setOpen, button, rootProps } = useDisclosure((root) => root.querySelector<HTMLInputElement>('input:checked')?.focus());
  const popupId = useId();

  return (
    <div {...rootProps} className="theme-menu">
      <button
        ref={button}
        type="button"
        className="theme-menu__button"
        aria-expanded={open}
        aria-controls={popupId}
        aria-label={`Theme: ${LABELS[choice]}`}
        title={`Theme: ${LABELS[choice]}`}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{ICONS[choice]}</span>
      </button>
      <fieldset id={popupId} className="person-menu__popup theme-menu__popup" hidden={!open}>
        <legend className="theme-menu__legend">Theme</legend>
        {THEME_CHOICES.map((option) => (
          <label key={option} className="theme-menu__option">
            <input
              type="radio"
              name={`${popupId}-theme`}
              value={option}
              checked={choice === option}
              onChange={() => setThemeChoice(option)}
              onKeyDown={(event) => {
                // Enter or Space on the chosen one closes, as picking from a menu does.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  setOpen(false);
                  button.current?.focus();
                }
              }}
            />
            <span aria-hidden="true" className="theme-menu__icon">
              {ICONS[option]}
            </span>
            {LABELS[option]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
