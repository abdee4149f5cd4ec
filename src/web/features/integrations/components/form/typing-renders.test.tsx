import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anIntegration } from '../../../../../domain/samples';
import { BOT } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';
import { createRenderCounter, type Rendered } from '../../../../testing/render-count';

const ROWS = 100;
const MOST_PER_KEYSTROKE = 12;

/**
 * A hundred rows as builders write them: most read a path of the result, some another integration's
 * result (a warning that stays while the name is typed), some a path left outside braces (another).
 */
const rows = Array.from({ length: ROWS }, (_, index) => ({
  key: `field${index + 1}`,
  value: index % 10 === 3 ? `{$.api_Billing.total${index}}` : index % 10 === 7 ? `$.api_Billing.raw${index}` : `{$.queue.position${index}}`,
}));

const FORMS = [
  { type: 'LIVEPERSON_AGENT_ESCALATION', plainField: 'Agent Id' },
  { type: 'API', plainField: 'URL' },
] as const;

const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe.each(FORMS)('typing in the $type form with 100 custom data rows', ({ type, plainField }) => {
  it(`renders at most ${MOST_PER_KEYSTROKE} components per keystroke, and typing in one row renders no other row`, async () => {
    const integration = anIntegration(type, { botId: BOT.id, name: 'Handover', customDataFields: rows, version: 2 });
    const path = `/api/bots/${BOT.id}/integrations`;
    const api = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET ${path}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
      [`GET ${path}/${integration.id}`]: () => ({ status: 200, body: integration }),
    });
    const counter = createRenderCounter();
    const host = document.body.appendChild(document.createElement('div'));
    counter.attach(host);
    renderApp(`/bots/${BOT.id}/integrations/${integration.id}`, { wrap: counter.wrap, container: host });
    const name = await screen.findByLabelText('Integration Name', {}, { timeout: 10_000 });
    expect(screen.getByLabelText(`Key ${ROWS}`)).toHaveValue(`field${ROWS}`);
    const user = userEvent.setup();

    // What loads once the screen has settled (the resolver, the deferred sections) arrives before the typing.
    const quiet = async () => {
      for (let round = 0, still = 0; round < 80; round += 1) {
        await wait(100);
        still = counter.take().length === 0 ? still + 1 : 0;
        if (still === 5) return;
      }
      throw new Error('the form never stopped rendering');
    };
    // The form's directories (skills, credentials…) are asked for once the screen has settled: their answers render the route.
    await vi.waitFor(() => expect(api.calls.some((call) => call.path === '/api/skills')).toBe(true), { timeout: 10_000 });
    await quiet();

    /** What each keystroke rendered, through what it set off (deferred renders, effects) until all is quiet. */
    const perKeystroke = async (field: HTMLElement, text: string) => {
      await user.click(field);
      await quiet();
      const counts: Rendered[][] = [];
      for (const key of text) {
        await user.keyboard(key);
        await wait(30);
        counts.push(counter.take());
      }
      return counts;
    };
    const expectFewRenders = (counts: Rendered[][]) => {
      for (const rendered of counts) {
        expect(rendered.length, rendered.map((component) => component.name).join(' ')).toBeLessThanOrEqual(MOST_PER_KEYSTROKE);
      }
    };

    // The first keystroke makes the form dirty (the header says so), the others only change the name.
    expectFewRenders(await perKeystroke(name, 'Now'));
    expect(screen.getByLabelText('Value 80')).toHaveAttribute('placeholder', '{$.api_HandoverNow.path}');
    expect(screen.getByTestId('cdf-reference-80')).toHaveTextContent('{HandoverNow.field80}');
    expect(screen.getByTestId('cdf-warning-4')).toHaveTextContent("this integration's fields see api_HandoverNow.");

    const inRow80 = [
      ...(await perKeystroke(screen.getByLabelText('Key 80'), 'X')),
      ...(await perKeystroke(screen.getByLabelText('Value 80'), '.y')),
    ];
    expectFewRenders(inRow80);
    // Every part of a row is given its index: none but row 80's rendered.
    const rowParts = inRow80.flat().filter((component) => typeof component.props.index === 'number');
    expect(rowParts.length).toBeGreaterThan(0);
    expect(rowParts.filter((component) => component.props.index !== 79)).toEqual([]);
    expect(screen.getByTestId('cdf-reference-80')).toHaveTextContent('{HandoverNow.field80X}');

    expectFewRenders(await perKeystroke(screen.getByLabelText(plainField), 'ab'));

    // Moving a row renders the two rows that swap places; removing the last renders the one left last.
    const rowsRendered = (rendered: Rendered[]) =>
      [
        ...new Set(rendered.filter((component) => component.name === 'CustomDataRow').map((component) => component.props.index as number)),
      ].sort((a, b) => a - b);
    await user.click(screen.getByRole('button', { name: 'Move row 80 down' }));
    await wait(30);
    expect(rowsRendered(counter.take())).toEqual([79, 80]);
    expect(screen.getByLabelText('Key 81')).toHaveValue('field80X');
    await user.click(screen.getByRole('button', { name: `Remove row ${ROWS}` }));
    await wait(30);
    expect(rowsRendered(counter.take())).toEqual([ROWS - 2]);
    expect(screen.getByRole('button', { name: `Move row ${ROWS - 1} down` })).toBeDisabled();
    // A whole form of a hundred rows, typed into key by key: longer than a test of one field.
  }, 90_000);
});
