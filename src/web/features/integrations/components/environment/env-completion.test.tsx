import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOT, ESCALATION } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';

// Monaco needs a real browser (Playwright covers it); here a textarea stands in with the same contract.
const PRODUCTION = {
  id: '7d3f0c2a-7d43-4b8e-9a61-3c2d4b5a6f71',
  name: 'Production',
  description: '',
  variables: [
    { name: 'SKILL_ID', value: '3402109731', secret: false },
    { name: 'QUEUE', value: 'billing', secret: false },
    { name: 'API_KEY', secret: true, set: true },
  ],
  usedBy: [{ id: BOT.id, name: BOT.name }],
  createdAt: BOT.createdAt,
  updatedAt: BOT.updatedAt,
  version: 1,
};
const listPath = `/api/bots/${BOT.id}/integrations`;
const STORED = { ...ESCALATION, messageToUser: '' };

function openEscalation() {
  fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: { ...BOT, environmentId: PRODUCTION.id } }),
    [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    [`GET ${listPath}/${ESCALATION.id}`]: () => ({ status: 200, body: STORED }),
    'GET /api/environments': () => ({ status: 200, body: { items: [PRODUCTION] } }),
    'GET /api/skills': () => ({ status: 200, body: { items: [{ id: '3402109731', name: 'Billing' }], source: 'local' } }),
  });
  renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
}

const LOADED = { timeout: 10_000 };
const variables = () => screen.findByRole('listbox', { name: 'Variables of Production' });

describe('{$env. completion in the integration form', () => {
  it('completes a one-line field with the keyboard: arrows, Enter, and shows the value beside it', async () => {
    const user = userEvent.setup();
    openEscalation();
    const agentId = await screen.findByRole('combobox', { name: 'Agent Id' }, LOADED);
    await user.click(agentId);
    await user.type(agentId, 'x{{$env.');
    const list = await variables();
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['{$env.SKILL_ID} 3402109731', '{$env.QUEUE} billing', '{$env.API_KEY} ••••••']);
    expect(agentId).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}');
    const second = within(list).getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(agentId).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{Enter}');
    expect(agentId).toHaveValue('x{$env.QUEUE}');
    expect(screen.queryByRole('listbox', { name: 'Variables of Production' })).toBeNull();
    expect(await screen.findByTestId('env-resolved-agentId-value')).toHaveTextContent('xbilling');
    expect(agentId.getAttribute('aria-describedby')).toContain('-env');
    expect(screen.getByTestId('dirty-status')).toHaveTextContent('Unsaved changes');
  });

  it('Escape closes the list and keeps the text; a name the environment lacks warns', async () => {
    const user = userEvent.setup();
    openEscalation();
    const agentId = await screen.findByRole('combobox', { name: 'Agent Id' }, LOADED);
    await user.click(agentId);
    await user.type(agentId, '{{$env.Q');
    expect(within(await variables()).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Variables of Production' })).toBeNull();
    expect(agentId).toHaveValue('{$env.Q');
    await user.type(agentId, 'UEUES}');
    expect(await screen.findByTestId('env-resolved-agentId')).toHaveTextContent('{$env.QUEUES} is not in Production');
  });

  it('completes a multi-line field, masking a secret in what it resolves to', async () => {
    const user = userEvent.setup();
    openEscalation();
    const message = await screen.findByLabelText('Message to User', undefined, LOADED);
    await user.click(message);
    await user.type(message, 'Key {{$env.api');
    const list = await variables();
    expect(message).toHaveAttribute('aria-controls', list.id);
    await user.keyboard('{Enter}');
    expect(message).toHaveValue('Key {$env.API_KEY}');
    expect(await screen.findByTestId('env-resolved-messageToUser-value')).toHaveTextContent('Key ••••••');
  });

  it('completes inside the skill picker and checks the directory for the resolved id', async () => {
    const user = userEvent.setup();
    openEscalation();
    const skillId = await screen.findByRole('combobox', { name: 'Agent Skill Id' }, LOADED);
    await user.clear(skillId);
    await user.type(skillId, '{{$env.SK');
    await variables();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(skillId).toHaveValue('{$env.SKILL_ID}'));
    expect(await screen.findByTestId('env-resolved-agentSkillId-value')).toHaveTextContent('3402109731');
    expect(screen.queryByTestId('warning-agentSkillId')).toBeNull();
  });

  it('completes a custom data value', async () => {
    const user = userEvent.setup();
    openEscalation();
    const value = await screen.findByRole('combobox', { name: 'Value 1' }, LOADED);
    await user.clear(value);
    await user.type(value, '{{$env.');
    await variables();
    await user.click(screen.getByRole('option', { name: /QUEUE/ }));
    expect(value).toHaveValue('{$env.QUEUE}');
    expect(await screen.findByTestId('env-resolved-customDataFields.0.value-value')).toHaveTextContent('billing');
  });
});
