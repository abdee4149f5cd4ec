import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOT, ESCALATION } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';

// Monaco needs a real browser (Playwright covers it); here a textarea stands in with the same contract.
const SKILLS = [
  { id: '3402109730', name: 'Customer Care' },
  { id: '3402109731', name: 'Billing' },
  { id: '3402109732', name: 'Sales' },
];
const listPath = `/api/bots/${BOT.id}/integrations`;
const STORED = { ...ESCALATION, messageToUser: 'One moment.\\nAn agent will join.' };

function openEscalation(
  skills: () => { status: number; body?: unknown } = () => ({ status: 200, body: { items: SKILLS, source: 'local' } }),
) {
  const api = fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    [`GET ${listPath}/${ESCALATION.id}`]: () => ({ status: 200, body: STORED }),
    [`PUT ${listPath}/${ESCALATION.id}`]: (call) => ({
      status: 200,
      body: { ...STORED, ...(call.body as object), version: STORED.version + 1 },
    }),
    'GET /api/skills': skills,
  });
  renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
  return api;
}

// The first render loads the route's lazy modules: on a busy machine that can take more than findBy's default second.
const LOADED = { timeout: 10_000 };

const skillId = () => screen.getByLabelText('Agent Skill Id');
const skillName = () => screen.getByLabelText('Agent Skill Name');

describe('the skill comboboxes', () => {
  it('offers the directory and fills both fields with the skill picked', async () => {
    const user = userEvent.setup();
    openEscalation();
    const name = await screen.findByRole('combobox', { name: 'Agent Skill Name' }, LOADED);
    expect(name).not.toHaveAttribute('aria-required');
    expect(screen.getByRole('combobox', { name: 'Agent Skill Id' })).toHaveAttribute('aria-required', 'true');
    await user.clear(name);
    await user.type(name, 'bil');
    const listbox = await screen.findByRole('listbox', { name: 'Skills for Agent Skill Name' });
    const options = within(listbox).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Billing 3402109731']);
    await user.click(options[0]!);
    expect(name).toHaveValue('Billing');
    expect(skillId()).toHaveValue('3402109731');
    expect(screen.getByTestId('dirty-status')).toHaveTextContent('Unsaved changes');
    expect(screen.queryByTestId('warning-agentSkillId')).toBeNull();
    expect(screen.queryByTestId('warning-agentSkillName')).toBeNull();
  });

  it('picks with the keyboard from the id field', async () => {
    const user = userEvent.setup();
    openEscalation();
    const id = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    await user.clear(id);
    await user.type(id, '34021097');
    await screen.findByRole('listbox', { name: 'Skills for Agent Skill Id' });
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(id).toHaveValue('3402109732'));
    expect(skillName()).toHaveValue('Sales');
  });

  it('warns, without blocking the save, about an unknown id and a name that does not match the id', async () => {
    const user = userEvent.setup();
    const api = openEscalation();
    const id = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    await user.clear(id);
    await user.type(id, '999');
    await user.tab();
    const warning = await screen.findByTestId('warning-agentSkillId');
    expect(warning).toHaveTextContent('Skill 999 is not in the skill directory');
    expect(id).toHaveAttribute('aria-invalid', 'false');
    expect(id.getAttribute('aria-describedby')).toContain(warning.id);
    expect(screen.queryByTestId('error-agentSkillId')).toBeNull();

    await user.clear(id);
    await user.type(id, '3402109731');
    await waitFor(() => expect(screen.queryByTestId('warning-agentSkillId')).toBeNull());
    // The stored name is Customer Care, the directory calls 3402109731 Billing.
    expect(await screen.findByTestId('warning-agentSkillName')).toHaveTextContent('calls skill 3402109731 “Billing”');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({
      agentSkillId: '3402109731',
      agentSkillName: 'Customer Care',
    });
  });

  it('does not check a variable reference', async () => {
    const user = userEvent.setup();
    openEscalation();
    const id = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    await user.clear(id);
    await user.type(id, '{{$botContext.skillId}');
    await user.tab();
    expect(id).toHaveValue('{$botContext.skillId}');
    expect(screen.queryByTestId('warning-agentSkillId')).toBeNull();
    expect(screen.queryByTestId('warning-agentSkillName')).toBeNull();
  });

  it('keeps the form usable when the directory cannot be loaded, and says so', async () => {
    const user = userEvent.setup();
    openEscalation(() => ({
      status: 503,
      body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'LiveEngage is down.' },
    }));
    const id = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    expect(await screen.findByText('The skill directory could not be loaded, so skills are not checked.')).toBeInTheDocument();
    await user.clear(id);
    await user.type(id, '999');
    await user.tab();
    expect(screen.queryByTestId('warning-agentSkillId')).toBeNull();
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});

describe('the transfer preview', () => {
  it('shows the resolved id and message, the request body and the checklist with words, following the form', async () => {
    const user = userEvent.setup();
    openEscalation();
    const id = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    const preview = screen.getByTestId('transfer-preview');
    expect(within(preview).getByTestId('preview-skill-id')).toHaveTextContent('3402109730');
    expect(within(preview).getByTestId('preview-action')).toHaveTextContent('transfers the conversation');
    // The \n escape is a real line break in what the user sees.
    expect(within(preview).getByTestId('preview-message').textContent).toBe('One moment.\nAn agent will join.');
    expect(JSON.parse(within(preview).getByTestId('preview-body').textContent ?? '')).toEqual({
      message: 'One moment.\nAn agent will join.',
      agentSkillName: 'Customer Care',
      agentSkillId: '3402109730',
    });
    const checks = within(within(preview).getByTestId('preview-checks')).getAllByRole('listitem');
    expect(checks[0]).toHaveTextContent(/^✓PassAgent Skill Id 3402109730 is numeric/);
    expect(checks.at(-1)).toHaveTextContent('__agent_escalation_failed__');

    await user.clear(id);
    await user.type(id, '{{$botContext.skillId}');
    expect(within(preview).getByTestId('preview-action')).toHaveTextContent('sends the fallback message');
    expect(within(preview).getByTestId('preview-unresolved')).toHaveTextContent('{$botContext.skillId}');
    expect(
      within(preview)
        .getByText(/has no value with these variables/)
        .closest('li'),
    ).toHaveAttribute('data-status', 'fail');
    expect(
      within(preview)
        .getByText(/has no value with these variables/)
        .closest('li'),
    ).toHaveTextContent('Fail');

    await user.click(screen.getByRole('switch', { name: 'Send no message' }));
    expect(within(preview).getByTestId('preview-message')).toHaveTextContent('No message is sent');
    expect(JSON.parse(within(preview).getByTestId('preview-body').textContent ?? '')).toMatchObject({ message: 'BLANK_MESSAGE' });
  });
});
