import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

const SKILLS = [
  { id: '3402109731', name: 'Billing' },
  { id: '3402109730', name: 'Customer Care' },
];

describe('the skills page', () => {
  it('shows a failed load with Retry, and Retry loads the directory', async () => {
    let failing = true;
    fakeApi({
      'GET /api/skills': () =>
        failing
          ? { status: 502, body: { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'LiveEngage did not answer.' } }
          : { status: 200, body: { items: SKILLS, source: 'local' } },
    });
    const user = userEvent.setup();
    renderApp('/skills');
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('Could not load the skill directory');
    expect(error).toHaveTextContent('LiveEngage did not answer.');
    failing = false;
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Skills' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['3402109731BillingRenameDelete', '3402109730Customer CareRenameDelete']);
  });

  it('checks the new skill with the domain schema, then puts a duplicate name from the server on the name field', async () => {
    const api = fakeApi({
      'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'local' } }),
      'POST /api/skills': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A skill named "Billing" is already in the directory.',
          errors: { name: 'Skill name "Billing" is already used (names are unique, ignoring case).' },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    await user.click(screen.getByRole('button', { name: 'Add skill' }));
    expect(await screen.findByTestId('error-id')).toHaveTextContent('Skill id must be a positive whole number');
    expect(screen.getByTestId('error-name')).toHaveTextContent('Skill name is required.');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText('Skill id'), '3402109740');
    await user.type(screen.getByLabelText('Skill name'), 'Billing');
    await user.click(screen.getByRole('button', { name: 'Add skill' }));
    expect(await screen.findByTestId('error-name')).toHaveTextContent('already used');
    expect(screen.getByLabelText('Skill name')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ id: '3402109740', name: 'Billing' });
  });

  it('is read-only when the directory comes from the Conversational Cloud account', async () => {
    fakeApi({ 'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'liveengage' } }) });
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    expect(screen.getByTestId('skills-source')).toHaveTextContent('read from your Conversational Cloud account');
    expect(screen.queryByRole('button', { name: 'Add skill' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Billing' })).toBeNull();
  });
});
