import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { draftStore } from '../../../../lib/draft-store';
import { BOT, ESCALATION } from '../../../../testing/demo-records';
import { fakeApi, type FakeCall } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';
import { valuesFromIntegration } from '../form/form-values';

const listPath = `/api/bots/${BOT.id}/integrations`;
const itemPath = `${listPath}/${ESCALATION.id}`;

function api(put: (call: FakeCall) => { status: number; body?: unknown }) {
  return fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    [`GET ${itemPath}`]: () => ({ status: 200, body: ESCALATION }),
    [`PUT ${itemPath}`]: put,
  });
}

const stored = (call: FakeCall) => ({ status: 200, body: { ...ESCALATION, ...(call.body as object), version: ESCALATION.version + 1 } });

async function openEscalation() {
  const view = renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
  await screen.findByLabelText('Agent Skill Name', {}, { timeout: 10_000 });
  return view;
}

describe('drafts of unsaved edits', () => {
  it('keeps edits as they are typed, offers them when the form opens again, and a save removes them', async () => {
    const user = userEvent.setup();
    const calls = api(stored);
    const first = await openEscalation();
    await user.type(screen.getByLabelText('Agent Skill Name'), ' Team');
    // The editor comes once the form is usable (it waits for the screen to settle): wait for it as a person would.
    await user.type(await screen.findByRole('textbox', { name: 'Transform Result Script' }, { timeout: 10_000 }), 'var total = 1;');
    expect(await screen.findByTestId('draft-status')).toHaveTextContent('Kept in this browser');
    const kept = await draftStore().latest(BOT.id, ESCALATION.id);
    expect(kept?.key.baseVersion).toBe(ESCALATION.version);
    // The tab goes away without a word (a crash, a closed window): nothing but the draft remains.
    first.unmount();

    await openEscalation();
    const offer = await screen.findByTestId('draft-offer');
    expect(offer).toHaveTextContent('2 fields differ from the stored version: Agent Skill Name, Transform Result Script.');
    expect(screen.getByLabelText('Agent Skill Name')).toHaveValue('Customer Care');
    await user.click(screen.getByRole('button', { name: /^Restore unsaved changes from / }));
    expect(screen.getByLabelText('Agent Skill Name')).toHaveValue('Customer Care Team');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Transform Result Script' })).toHaveValue('var total = 1;'), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('dirty-status')).toHaveTextContent('Unsaved changes');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('dirty-status')).toHaveTextContent(''));
    const put = calls.calls.find((call) => call.method === 'PUT');
    expect(put?.headers['if-match']).toBe('"3"');
    expect(put?.body).toMatchObject({ agentSkillName: 'Customer Care Team', transformScript: 'var total = 1;' });
    await waitFor(async () => expect(await draftStore().latest(BOT.id, ESCALATION.id)).toBeNull());
    // Two renders of the whole app and typing key by key: slow on a busy machine.
  }, 45_000);

  it('Discard forgets the draft and leaves the stored values', async () => {
    const user = userEvent.setup();
    api(stored);
    await draftStore().put({
      key: { botId: BOT.id, integrationId: ESCALATION.id, baseVersion: ESCALATION.version },
      values: { ...valuesFromIntegration(ESCALATION), agentSkillName: 'Elsewhere' },
      savedAt: Date.now(),
    });
    await openEscalation();
    await screen.findByTestId('draft-offer');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByTestId('draft-offer')).toBeNull();
    expect(screen.getByLabelText('Agent Skill Name')).toHaveValue('Customer Care');
    await waitFor(async () => expect(await draftStore().latest(BOT.id, ESCALATION.id)).toBeNull());
  });

  /** The revision a version-2 draft started from: the stored integration as it was before version 3. */
  const revision2 = (changes: object) => ({
    status: 200,
    body: {
      version: 2,
      action: 'update',
      createdAt: ESCALATION.createdAt,
      changedFields: [],
      summary: '',
      integration: { ...ESCALATION, ...changes, version: 2 },
    },
  });
  const staleThenStored = (call: FakeCall) =>
    call.headers['if-match'] === '"2"'
      ? { status: 412, body: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'Changed since version 2.' } }
      : stored(call);

  async function saveDraftOfVersion2(agentSkillName: string, base: object) {
    const user = userEvent.setup();
    const calls = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET ${listPath}`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
      [`GET ${itemPath}`]: () => ({ status: 200, body: ESCALATION }),
      [`GET ${itemPath}/revisions/2`]: () => revision2(base),
      [`PUT ${itemPath}`]: staleThenStored,
    });
    await draftStore().put({
      key: { botId: BOT.id, integrationId: ESCALATION.id, baseVersion: 2 },
      values: { ...valuesFromIntegration(ESCALATION), ...base, agentSkillName },
      savedAt: Date.now(),
    });
    await openEscalation();
    expect(await screen.findByTestId('draft-offer')).toHaveTextContent('someone has saved this integration since');
    await user.click(screen.getByRole('button', { name: /^Restore unsaved changes from / }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    return { user, calls };
  }

  it('a draft of an older version merges with the latest on save, from the version it started from', async () => {
    // Version 3 changed the message; the draft (from version 2) changed the skill name: both are kept, nobody is asked.
    const { calls } = await saveDraftOfVersion2('From version 2', { messageToUser: 'Before version 3' });
    await waitFor(() => expect(screen.getByTestId('dirty-status')).toHaveTextContent(''));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const puts = calls.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.headers['if-match'])).toEqual(['"2"', `"${ESCALATION.version}"`]);
    expect(puts.at(-1)?.body).toMatchObject({ agentSkillName: 'From version 2', messageToUser: ESCALATION.messageToUser });
  });

  it('asks only about a field both sides changed, and saves the side picked', async () => {
    const { user, calls } = await saveDraftOfVersion2('From version 2', {
      agentSkillName: 'Before version 3',
      messageToUser: 'Before version 3',
    });
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else saved this integration' });
    const conflicts = await within(dialog).findAllByTestId('merge-conflict');
    expect(conflicts.map((conflict) => conflict.querySelector('legend')?.textContent)).toEqual(['Agent Skill Name']);
    await user.click(within(dialog).getByRole('radio', { name: /Take theirs/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save merged' }));
    await waitFor(() => expect(screen.getByTestId('dirty-status')).toHaveTextContent(''));
    expect(calls.calls.filter((call) => call.method === 'PUT').at(-1)?.body).toMatchObject({
      agentSkillName: ESCALATION.agentSkillName,
      messageToUser: ESCALATION.messageToUser,
    });
  });
});
