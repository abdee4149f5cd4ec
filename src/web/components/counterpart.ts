/**
 * The same control in newer markup: a control React drew again as a new element (a part that arrived in
 * place of its stand-in, a list whose rows were drawn anew) is found by what names it, in that order.
 */
export function counterpartOf(element: Element): HTMLElement | null {
  for (const attribute of ['id', 'aria-label', 'href', 'name']) {
    const value = element.getAttribute(attribute);
    if (value === null) continue;
    const found = document.querySelector<HTMLElement>(`${element.tagName}[${attribute}="${CSS.escape(value)}"]`);
    if (found) return found;
  }
  return null;
}
