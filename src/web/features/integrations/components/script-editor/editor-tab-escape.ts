import type { monaco } from './monaco-setup';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The control before or after `from` in the page's Tab order (document order; no positive tabindex here). */
function moveFocusFrom(from: HTMLElement, direction: 1 | -1): void {
  const candidates = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => !from.contains(element) && isShown(element));
  const after = candidates.filter((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = candidates.filter((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
  const target = direction === 1 ? after[0] : before.at(-1);
  target?.focus();
}

/**
 * Tab indents in a code editor, so it cannot also leave it. Escape, then Tab (or Shift+Tab) moves on to
 * the next (or previous) control, as in VS Code's tab-focus mode but without a mode to remember.
 * Any other key in between cancels it, so Escape to close a suggestion then Tab to indent still indents
 * once the user has typed again.
 */
export function leaveWithEscapeThenTab(editor: monaco.editor.IStandaloneCodeEditor, keys: typeof monaco.KeyCode): void {
  let armed = false;
  editor.onKeyDown((event) => {
    if (event.keyCode === keys.Escape) {
      armed = true;
      return;
    }
    if (armed && event.keyCode === keys.Tab) {
      event.preventDefault();
      event.stopPropagation();
      armed = false;
      moveFocusFrom(editor.getContainerDomNode(), event.shiftKey ? -1 : 1);
      return;
    }
    if (![keys.Shift, keys.Ctrl, keys.Alt, keys.Meta].includes(event.keyCode)) armed = false;
  });
  editor.onDidBlurEditorText(() => {
    armed = false;
  });
}
