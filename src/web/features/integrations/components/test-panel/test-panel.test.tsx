import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aSimulationOutput } from '../../../../../domain/samples';
import type { SimulationOutput } from '../../../../../domain/simulation';
import { BOT, ESCALATION } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';
import { SampleVariableList } from './sample-variable-list';
import { SampleVariablesProvider, useSampleVariables, useSampleVariablesEditor } from './sample-variables-context';

// Monaco needs a real browser (Playwright covers it and the error marker); a textarea stands in here.
const listPath = `/api/bots/${BOT.id}/integrations`;
const simulatePath = `POST /api/bots/${BOT.id}/simulate`;

// The first render loads the route's (and the panel's) lazy modules: slower than findBy's default second on a busy machine.
const LOADED = { timeout: 10_000 };

const OUTPUT: SimulationOutput = aSimulationOutput({
  customDataFields: [
    { key: 'queuePosition', expression: '{$.api_Escalation.queuePosition}', value: '3', note: null },
    { key: 'agents', expression: '{$.api_Escalation.agents[i].name}', value: ['Ann', 'Bo'], note: null },
    { key: 'missing', expression: '{$.api_Escalation.nothing}', value: null, note: 'The path finds nothing in the result.' },
  ],
  botVariables: [{ key: 'queuePosition', value: '3' }],
  debugLog: ['Transfer queued at position 3'],
  durationMs: 4.2,
});

function openEscalation(answer: () => { status: number; body: unknown }) {
  const api = fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    [`GET ${listPath}/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
    [simulatePath]: answer,
  });
  renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
  return api;
}

async function openPanel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Test' }, LOADED));
  // The panel's code loads on the first open.
  return screen.findByRole('region', { name: 'Test integration' }, LOADED);
}

/** The seeded demo integration opens with its ready sample: a test of another sample replaces it. */
async function replaceSample(user: ReturnType<typeof userEvent.setup>, panel: HTMLElement, text: string) {
  await user.clear(within(panel).getByLabelText('Sample result (JSON)'));
  await user.paste(text);
}

const simulateCalls = (api: ReturnType<typeof fakeApi>) => api.calls.filter((call) => call.path.endsWith('/simulate'));

describe('the Test panel', () => {
  it('starts with the ready sample of a seeded demo integration, so Run test needs no typing', async () => {
    const user = userEvent.setup();
    openEscalation(() => ({ status: 200, body: OUTPUT }));
    await screen.findByLabelText('Agent Skill Name', {}, LOADED);
    const panel = await openPanel(user);
    expect(JSON.parse((within(panel).getByLabelText('Sample result (JSON)') as HTMLTextAreaElement).value)).toEqual({
      queuePosition: 3,
      estimatedWaitSeconds: 120,
    });
  });

  it('sends the form as it stands, unsaved, with the sample and variables, and shows what the bot would get', async () => {
    const user = userEvent.setup();
    const api = openEscalation(() => ({ status: 200, body: OUTPUT }));
    await user.type(await screen.findByLabelText('Agent Skill Name', {}, LOADED), ' Team');
    const panel = await openPanel(user);
    expect(within(panel).getByLabelText('Sample result (JSON)')).toHaveFocus();
    await replaceSample(user, panel, '{"queuePosition": 3}');
    await user.click(within(panel).getByRole('button', { name: 'Add bot variable' }));
    await user.type(within(panel).getByLabelText('Bot variable key 1'), 'skillId');
    await user.type(within(panel).getByLabelText('Bot variable value 1'), '42');
    await user.click(within(panel).getByRole('button', { name: 'Add environment variable' }));
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));

    const results = await within(panel).findByTestId('test-results');
    const [call] = simulateCalls(api);
    expect(call?.body).toEqual({
      integration: expect.objectContaining({
        type: 'LIVEPERSON_AGENT_ESCALATION',
        name: 'Escalation',
        agentSkillName: 'Customer Care Team',
      }),
      sample: { status: 200, body: '{"queuePosition": 3}' },
      botVariables: [{ key: 'skillId', value: '42' }],
      // The blank row added last is not sent.
      envVariables: [],
      userMessage: '',
    });
    expect((call?.body as { integration: object }).integration).not.toHaveProperty('id');

    const table = within(within(results).getByTestId('test-custom-data')).getByRole('table');
    expect(within(table).getByRole('row', { name: /^queuePosition/ })).toHaveTextContent('3');
    expect(within(table).getByRole('list', { name: 'agents: 2 values' })).toHaveTextContent('AnnBo');
    expect(within(table).getByRole('row', { name: /^missing/ })).toHaveTextContent('no valueThe path finds nothing in the result.');
    expect(within(results).getByTestId('test-bot-variables')).toHaveTextContent('queuePosition3');
    expect(within(results).getByTestId('test-debug-log')).toHaveTextContent('Transfer queued at position 3');
    expect(within(panel).getByRole('status')).toHaveTextContent('Test finished in 4 ms.');
    // Escalation integrations get the spot for the transfer preview under the results.
    expect(within(panel).getByTestId('transfer-preview-slot')).toBeInTheDocument();
    expect(screen.getByTestId('dirty-status')).toHaveTextContent('Unsaved changes');
  });

  it("brings a run's results into view as they arrive, below the inputs", async () => {
    const user = userEvent.setup();
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    openEscalation(() => ({ status: 200, body: OUTPUT }));
    await screen.findByLabelText('Agent Skill Name', {}, LOADED);
    const panel = await openPanel(user);
    scrolled.mockClear();
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    const results = await within(panel).findByTestId('test-results');
    await waitFor(() => expect(scrolled.mock.contexts).toContainEqual(results.closest('.test-panel__output')));
    expect(scrolled.mock.calls.at(-1)?.[0]).toMatchObject({ block: 'start' });
    scrolled.mockRestore();
  });

  it('says when the form or the sample has changed since the results shown, until the next run', async () => {
    const user = userEvent.setup();
    openEscalation(() => ({ status: 200, body: OUTPUT }));
    const panel = await openPanel(user);
    await replaceSample(user, panel, '{"queuePosition": 3}');
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    await within(panel).findByTestId('test-results');
    const stale = /has changed since this run/;
    expect(within(panel).queryByText(stale)).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Agent Skill Name'), ' Team');
    expect(within(panel).getByText(stale)).toBeInTheDocument();
    // Back to what was run: the results match again.
    await user.type(screen.getByLabelText('Agent Skill Name'), '{Backspace>5/}');
    expect(within(panel).queryByText(stale)).not.toBeInTheDocument();

    await user.type(within(panel).getByLabelText('Sample result (JSON)'), ' ');
    expect(within(panel).getByText(stale)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    await waitFor(() => expect(within(panel).queryByText(stale)).not.toBeInTheDocument());
  });

  it('refuses a sample that is not JSON, says where, and sends nothing', async () => {
    const user = userEvent.setup();
    const api = openEscalation(() => ({ status: 200, body: OUTPUT }));
    const panel = await openPanel(user);
    await replaceSample(user, panel, '{"a": 1,\n "b" 2}');
    await user.clear(within(panel).getByLabelText('HTTP status'));
    await user.type(within(panel).getByLabelText('HTTP status'), '99');
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    expect(within(panel).getByTestId('test-sample-error')).toHaveTextContent(/^Not valid JSON at line 2, column 6: /);
    expect(within(panel).getByLabelText('Sample result (JSON)')).toHaveAccessibleDescription(/Not valid JSON at line 2/);
    expect(within(panel).getByTestId('test-status-error')).toHaveTextContent('HTTP status must be a whole number from 100 to 599');
    expect(within(panel).getByLabelText('HTTP status')).toHaveAccessibleDescription(/HTTP status must be a whole number/);
    // The first field to fix gets the focus.
    expect(within(panel).getByLabelText('Sample result (JSON)')).toHaveFocus();
    expect(simulateCalls(api)).toHaveLength(0);

    // Each error goes as its field is fixed, and the run sends the status as a number.
    await replaceSample(user, panel, '{"a": 1}');
    expect(within(panel).queryByTestId('test-sample-error')).not.toBeInTheDocument();
    await user.clear(within(panel).getByLabelText('HTTP status'));
    expect(within(panel).getByTestId('test-status-error')).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('HTTP status'), '404');
    expect(within(panel).queryByTestId('test-status-error')).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    await within(panel).findByTestId('test-results');
    expect(simulateCalls(api)[0]?.body).toMatchObject({ sample: { status: 404, body: '{"a": 1}' } });
  });

  it('puts the focus on the status when only the status is wrong', async () => {
    const user = userEvent.setup();
    const api = openEscalation(() => ({ status: 200, body: OUTPUT }));
    const panel = await openPanel(user);
    await user.clear(within(panel).getByLabelText('HTTP status'));
    await user.type(within(panel).getByLabelText('HTTP status'), '200.5');
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    expect(within(panel).getByLabelText('HTTP status')).toHaveFocus();
    expect(within(panel).getByLabelText('HTTP status')).toHaveAttribute('aria-invalid', 'true');
    expect(within(panel).queryByTestId('test-sample-error')).not.toBeInTheDocument();
    expect(simulateCalls(api)).toHaveLength(0);
  });

  it('shows a script error with its position', async () => {
    const user = userEvent.setup();
    openEscalation(() => ({
      status: 200,
      body: { ...OUTPUT, error: { kind: 'script', message: "TypeError: cannot read property 'x' of null", line: 2, column: 5 } },
    }));
    const panel = await openPanel(user);
    await replaceSample(user, panel, '{}');
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    const error = await within(panel).findByTestId('test-error');
    expect(error).toHaveTextContent('The script threw an error');
    expect(within(error).getByTestId('test-error-position')).toHaveTextContent('Line 2, column 5');
    expect(error).toHaveTextContent("TypeError: cannot read property 'x' of null");
  });

  it('shows a refused request with the fields to fix, and retries', async () => {
    const user = userEvent.setup();
    let answers = 0;
    const api = openEscalation(() => {
      answers += 1;
      return answers === 1
        ? {
            status: 400,
            body: {
              type: 'about:blank',
              title: 'Bad Request',
              status: 400,
              detail: 'The request has 1 invalid field.',
              errors: { 'integration.agentSkillId': 'Agent Skill Id is required.' },
            },
          }
        : { status: 200, body: OUTPUT };
    });
    const panel = await openPanel(user);
    await replaceSample(user, panel, '{}');
    await user.click(within(panel).getByRole('button', { name: 'Run test' }));
    const failure = await within(panel).findByTestId('test-request-error');
    expect(failure).toHaveTextContent('Could not run the test');
    expect(failure).toHaveTextContent('Agent Skill Id is required.');
    await user.click(within(failure).getByRole('button', { name: 'Retry' }));
    expect(await within(panel).findByTestId('test-results')).toBeInTheDocument();
    expect(simulateCalls(api)).toHaveLength(2);
  });

  it('closes with Escape and gives the focus back to the Test button', async () => {
    const user = userEvent.setup();
    openEscalation(() => ({ status: 200, body: OUTPUT }));
    const panel = await openPanel(user);
    const toggle = screen.getByRole('button', { name: 'Test' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(toggle).toHaveFocus());
  });
});

describe('the sample variables context', () => {
  function Editor() {
    const { botVariables, setBotVariables, envVariables, setEnvVariables } = useSampleVariablesEditor();
    return (
      <>
        <SampleVariableList
          legend="Bot variables"
          item="Bot variable"
          rows={botVariables}
          onChange={setBotVariables}
          help=""
          testId="bot"
        />
        <SampleVariableList
          legend="Environment"
          item="Environment variable"
          rows={envVariables}
          onChange={setEnvVariables}
          help=""
          testId="env"
        />
      </>
    );
  }
  function Reader() {
    const { botVariables, envVariables } = useSampleVariables();
    return <output aria-label="read">{JSON.stringify({ botVariables, envVariables })}</output>;
  }

  it('gives any component inside the provider the rows typed in the panel', async () => {
    const user = userEvent.setup();
    render(
      <SampleVariablesProvider>
        <Editor />
        <Reader />
      </SampleVariablesProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add bot variable' }));
    await user.type(screen.getByLabelText('Bot variable key 1'), 'skillId');
    await user.type(screen.getByLabelText('Bot variable value 1'), '12');
    await user.click(screen.getByRole('button', { name: 'Add environment variable' }));
    await user.type(screen.getByLabelText('Environment variable key 1'), 'region');
    expect(JSON.parse(screen.getByLabelText('read').textContent ?? '')).toEqual({
      botVariables: [{ key: 'skillId', value: '12' }],
      envVariables: [{ key: 'region', value: '' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove bot variable 1' }));
    expect(JSON.parse(screen.getByLabelText('read').textContent ?? '').botVariables).toEqual([]);
  });

  it('has no rows outside a provider', () => {
    render(<Reader />);
    expect(screen.getByLabelText('read')).toHaveTextContent('{"botVariables":[],"envVariables":[]}');
  });
});
