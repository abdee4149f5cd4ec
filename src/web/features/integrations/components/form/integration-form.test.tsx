import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BLANK_MESSAGE } from '../../../../../domain/integration-types';
import { BOT, ESCALATION } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';

const listPath = `/api/bots/${BOT.id}/integrations`;
const baseHandlers = {
  [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
  [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
};

async function openNewForm() {
  const api = fakeApi({
    ...baseHandlers,
    [`POST ${listPath}`]: () => ({
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'An integration named Escalation already exists in this bot.',
        errors: { name: 'Integration Name "Escalation" is already used in this bot.' },
      },
    }),
  });
  const view = renderApp(`/bots/${BOT.id}/integrations/new`);
  // The first render loads the route's lazy modules: on a busy machine that can take more than findBy's default second.
  await screen.findByRole('heading', { name: 'Add Integration' }, { timeout: 10_000 });
  return { ...view, api };
}

const byLabel = (name: string) => screen.getByLabelText(name);
const findByLabel = (name: string) => screen.findByLabelText(name);

function labelOf(control: HTMLElement): HTMLElement {
  const id = control.getAttribute('id');
  const label = document.querySelector<HTMLElement>(`[id="${id}-label"]`);
  if (!label?.parentElement) throw new Error(`no label for ${id}`);
  // The label's row: the label and the asterisk next to it.
  return label.parentElement;
}

describe('the integration form', () => {
  it('marks exactly the required fields of Agent Escalation with an aria-hidden asterisk and aria-required', async () => {
    await openNewForm();
    const required = ['Integration Name', 'Response Data Variable Name', 'Integration Type', 'Agent Skill Id', 'Message to User'];
    const optional = ['Agent Skill Name', 'Agent Id', 'Transfer Bot Context'];
    for (const name of required) {
      const control = byLabel(name);
      expect(control, name).toHaveAttribute('aria-required', 'true');
      const asterisk = within(labelOf(control)).getByText('*');
      expect(asterisk).toHaveAttribute('aria-hidden', 'true');
    }
    for (const name of optional) {
      const control = byLabel(name);
      expect(control, name).not.toHaveAttribute('aria-required');
      expect(within(labelOf(control)).queryByText('*'), name).toBeNull();
    }
    expect(screen.getByText(/Required fields are marked with an asterisk/)).toBeInTheDocument();
  });

  it('shows an invalid skill id under the field and clears it as soon as it is fixed', async () => {
    const user = userEvent.setup();
    await openNewForm();
    // Found anew each time, as a person would: the suggestions' combobox replaces the plain input once loaded.
    const skillId = () => byLabel('Agent Skill Id');
    await user.type(skillId(), '12ab');
    await user.tab();
    const error = await within(screen.getByTestId('field-agentSkillId')).findByRole('alert');
    expect(error).toHaveTextContent(/positive whole number/);
    expect(skillId()).toHaveAttribute('aria-invalid', 'true');
    expect(skillId().getAttribute('aria-describedby')).toContain(error.id);

    await user.clear(skillId());
    await user.type(skillId(), '{{$botContext.skillId}');
    await waitFor(() => expect(within(screen.getByTestId('field-agentSkillId')).queryByRole('alert')).toBeNull());
    expect(skillId()).toHaveAttribute('aria-invalid', 'false');
  });

  it('lets the response data variable follow the name until the user edits it', async () => {
    const user = userEvent.setup();
    await openNewForm();
    const name = byLabel('Integration Name');
    const variable = byLabel('Response Data Variable Name');
    await user.type(name, 'Transfer');
    expect(variable).toHaveValue('Transfer');
    await user.clear(variable);
    await user.type(variable, 'TransferResult');
    await user.type(name, 'Now');
    expect(name).toHaveValue('TransferNow');
    expect(variable).toHaveValue('TransferResult');
  });

  it('"Send no message" stores BLANK_MESSAGE and disables the message box', async () => {
    const user = userEvent.setup();
    await openNewForm();
    const message = byLabel('Message to User');
    await user.type(message, 'Hold on');
    await user.click(screen.getByRole('switch', { name: 'Send no message' }));
    expect(message).toBeDisabled();
    await user.click(screen.getByRole('switch', { name: 'Send no message' }));
    expect(message).toBeEnabled();
    expect(message).toHaveValue('Hold on');
  });

  it('puts a duplicate name reported by the server on the name field', async () => {
    const user = userEvent.setup();
    const { api } = await openNewForm();
    await user.type(byLabel('Integration Name'), 'Escalation');
    await user.type(byLabel('Agent Skill Id'), '42');
    await user.type(byLabel('Message to User'), 'Hi');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const error = await within(screen.getByTestId('field-name')).findByRole('alert');
    expect(error).toHaveTextContent('already used');
    expect(screen.queryByTestId('form-problem')).toBeNull();
    const post = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/integrations'));
    expect(post?.body).toMatchObject({ name: 'Escalation', responseDataVariable: 'Escalation', agentSkillId: '42' });
  });

  it('builds custom data rows with their own names, the value hint and the dialog reference', async () => {
    const user = userEvent.setup();
    await openNewForm();
    await user.type(byLabel('Integration Name'), 'Orders');
    await user.click(screen.getByRole('button', { name: 'Add the first field' }));
    await user.type(byLabel('Key 1'), 'status');
    await user.tab();
    // Leaving the key validates the row; the value the user has not reached yet stays calm.
    expect(byLabel('Value 1')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByTestId('cdf-error-1')).toBeNull();
    expect(byLabel('Value 1')).toHaveAttribute('placeholder', '{$.api_Orders.path}');
    expect(screen.getByTestId('cdf-reference-1')).toHaveTextContent('{Orders.status}');
    await user.click(screen.getByRole('button', { name: 'Add custom data field' }));
    await user.type(byLabel('Key 2'), 'status');
    await user.type(byLabel('Value 2'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('cdf-error-2')).toHaveTextContent('used by another row');
    expect(byLabel('Key 2')).toHaveAttribute('aria-invalid', 'true');
  });

  it('warns, without blocking, about a value that reads another integration or leaves its path outside braces', async () => {
    const user = userEvent.setup();
    await openNewForm();
    await user.type(byLabel('Integration Name'), 'Orders');
    await user.click(screen.getByRole('button', { name: 'Add the first field' }));
    await user.type(byLabel('Key 1'), 'status');
    await user.type(byLabel('Value 1'), '{{$.api_Billing.total}');
    expect(screen.getByTestId('cdf-warning-1')).toHaveTextContent("reads another integration's result");
    await user.clear(byLabel('Value 1'));
    await user.type(byLabel('Value 1'), '$.api_Orders.status');
    expect(screen.getByTestId('cdf-warning-1')).toHaveTextContent('is outside braces');
    await user.clear(byLabel('Value 1'));
    await user.type(byLabel('Value 1'), '{{$.api_Orders.status}');
    expect(screen.queryByTestId('cdf-warning-1')).toBeNull();
    expect(byLabel('Value 1')).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('errors the form cannot place on a field', () => {
  it("shows them at the top of the form, with the server's detail", async () => {
    const user = userEvent.setup();
    fakeApi({
      ...baseHandlers,
      [`POST ${listPath}`]: () => ({
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'The body is not valid.',
          errors: { botContext: 'Unknown field.' },
        },
      }),
    });
    renderApp(`/bots/${BOT.id}/integrations/new`);
    await user.type(await findByLabel('Integration Name'), 'Transfer');
    await user.type(byLabel('Agent Skill Id'), '42');
    await user.type(byLabel('Message to User'), 'Hi');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const problem = await screen.findByTestId('form-problem');
    expect(problem).toHaveAttribute('role', 'alert');
    expect(problem).toHaveTextContent('The body is not valid.');
    expect(problem).toHaveTextContent('botContext: Unknown field.');
    // The edits stay.
    expect(byLabel('Integration Name')).toHaveValue('Transfer');
  });
});

describe('editing a stored integration', () => {
  it('shows BLANK_MESSAGE as the switch on and keeps its rows', async () => {
    fakeApi({
      ...baseHandlers,
      [`GET ${listPath}/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
    });
    expect(ESCALATION.messageToUser).toBe(BLANK_MESSAGE);
    renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
    expect(await screen.findByRole('switch', { name: 'Send no message' })).toBeChecked();
    expect(byLabel('Message to User')).toBeDisabled();
    expect(byLabel('Key 1')).toHaveValue('queuePosition');
  });

  it('sends the edit with If-Match and shows the unsaved-changes state until it is saved', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...baseHandlers,
      [`GET ${listPath}/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
      [`PUT ${listPath}/${ESCALATION.id}`]: (call) => ({
        status: 200,
        body: { ...ESCALATION, ...(call.body as object), version: ESCALATION.version + 1 },
      }),
    });
    renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
    const skillName = await findByLabel('Agent Skill Name');
    await user.type(skillName, ' Team');
    expect(screen.getByTestId('dirty-status')).toHaveTextContent('Unsaved changes');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByTestId('dirty-status')).toHaveTextContent(''));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.headers['if-match']).toBe('"3"');
    expect(put?.body).toMatchObject({ agentSkillName: 'Customer Care Team' });
  });
});
