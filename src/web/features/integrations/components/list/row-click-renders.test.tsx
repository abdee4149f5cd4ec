import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anIntegration, anIntegrationSummary } from '../../../../../domain/samples';
import { BOT } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';
import { createRenderCounter, type Rendered } from '../../../../testing/render-count';

const COUNT = 500;
const idOf = (index: number) => `integration-${index + 1}`;
const nameOf = (index: number) => `Integration ${index + 1}`;
/** The form shows this integration: its name field holds its name. */
const formShows = (index: number) =>
  vi.waitFor(() => expect(screen.getByLabelText('Integration Name')).toHaveValue(nameOf(index)), { timeout: 10_000 });
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** The list's scroller as a browser lays it out, 600 px high, so the virtual window draws the rows in view (happy-dom has no layout). */
function layOutScroller() {
  const isScroller = (element: Element) => element instanceof HTMLElement && element.dataset.testid === 'integrations-scroller';
  const rect = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return isScroller(this) ? new DOMRect(0, 0, 320, 600) : rect.call(this);
  });
  let owner: object = HTMLElement.prototype;
  while (!Object.getOwnPropertyDescriptor(owner, 'clientHeight')) owner = Object.getPrototypeOf(owner) as object;
  const height = Object.getOwnPropertyDescriptor(owner, 'clientHeight')!.get!;
  vi.spyOn(owner as HTMLElement, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? 600 : (height.call(this) as number);
  });
}

/** A bot of 500 integrations, its list open on the first one. */
async function openFirstOfMany() {
  layOutScroller();
  const path = `/api/bots/${BOT.id}/integrations`;
  const summaries = Array.from({ length: COUNT }, (_, index) => anIntegrationSummary({ id: idOf(index), name: nameOf(index) }));
  const details = Object.fromEntries(
    [0, 1].map((index) => [
      `GET ${path}/${idOf(index)}`,
      () => ({ status: 200, body: anIntegration('API', { id: idOf(index), botId: BOT.id, name: nameOf(index) }) }),
    ]),
  );
  fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET ${path}`]: () => ({ status: 200, body: { items: summaries, nextCursor: null } }),
    ...details,
  });
  const counter = createRenderCounter();
  const host = document.body.appendChild(document.createElement('div'));
  counter.attach(host);
  const view = renderApp(`/bots/${BOT.id}/integrations/${idOf(0)}`, { wrap: counter.wrap, container: host });
  await formShows(0);
  // What loads once the screen has settled (the rows' code, the virtual window, the form's parts) arrives first.
  for (let round = 0, still = 0; still < 5; round += 1) {
    if (round === 80) throw new Error('the screen never stopped rendering');
    await wait(100);
    still = counter.take().length === 0 ? still + 1 : 0;
  }
  const nav = screen.getByRole('navigation', { name: 'Integrations' });
  const rowLink = (index: number) => within(nav).getByRole('link', { name: new RegExp(`^${nameOf(index)}\\b`) });
  return { ...view, counter, rowLink };
}

describe('a click on a list row of 500 integrations', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders the two rows whose "current" changes, not every row in view', async () => {
    const { counter, rowLink } = await openFirstOfMany();
    expect(rowLink(0)).toHaveAttribute('aria-current', 'page');
    // Enough rows drawn that "every row" and "two rows" differ.
    expect(screen.getAllByTestId('integration-item').length).toBeGreaterThan(5);

    await act(async () => rowLink(1).click());
    await formShows(1);
    await wait(100);

    const rows = (rendered: Rendered[]) =>
      [
        ...new Set(
          rendered
            .filter((component) => component.name === 'IntegrationListItem' || component.name === 'IntegrationRowPlaceholder')
            .map((component) => (component.props.integration as { id: string }).id),
        ),
      ].sort();
    expect(rows(counter.take())).toEqual([idOf(0), idOf(1)]);
    expect(rowLink(1)).toHaveAttribute('aria-current', 'page');
    expect(rowLink(0)).not.toHaveAttribute('aria-current');
  }, 60_000);

  it('returns from the click before the open form leaves: the next one renders after it', async () => {
    const { history, rowLink } = await openFirstOfMany();
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const before = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    // A real click, outside act (which would run all the work it sets off before returning).
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      rowLink(1).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
      // In a browser the microtasks queued by a listener run before the next listener: React renders a
      // discrete event's updates there, inside the click. Those are done after these.
      for (let tick = 0; tick < 3; tick += 1) await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(history.location.pathname).toBe(`/bots/${BOT.id}/integrations/${idOf(1)}`);
      // The click's own work is done, and the form it leaves is still there, whole.
      expect(screen.getByLabelText('Integration Name')).toHaveValue(nameOf(0));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = before;
    }
    await formShows(1);
    expect(rowLink(1)).toHaveAttribute('aria-current', 'page');
  }, 60_000);
});
