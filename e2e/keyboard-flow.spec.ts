import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Where the focus is: never the page itself, and always something the user can see. */
async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { ok: false, what: 'body' };
    // Monaco's input is a tiny textarea inside the editor: the editor is what the user sees.
    const shown = active.closest<HTMLElement>('.monaco-editor') ?? active;
    const box = shown.getBoundingClientRect();
    const style = getComputedStyle(shown);
    const ok = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    return { ok, what: `${active.tagName} ${active.getAttribute('aria-label') ?? active.textContent?.slice(0, 40) ?? ''}` };
  });
  expect(focus.ok, `focus after "${step}" is on ${focus.what}`).toBe(true);
}

/** Tab (checking the focus at every stop) until `target` has it. */
async function tabTo(page: Page, target: Locator, step: string, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, `${step}, Tab ${press + 1}`);
  }
  throw new Error(`${step}: not reached in ${limit} Tab presses`);
}

async function type(page: Page, text: string, step: string): Promise<void> {
  await page.keyboard.type(text);
  await expectVisibleFocus(page, step);
}

const SCRIPT = "botContext.setBotVariable('queue', 'gold', true, false);";

test('adds an Agent Escalation integration with a script and two custom data fields, keyboard only', async ({
  page,
  request,
  demoBot,
  panel,
  form,
}) => {
  await panel.goto(demoBot.id);
  await tabTo(page, page.getByRole('link', { name: 'Add Integration' }), 'to Add Integration');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Add Integration', level: 2 })).toBeVisible();
  // Add Integration puts the focus in the name.
  await expect(form.field('Integration Name')).toBeFocused();
  await type(page, 'KeyboardEscalation', 'name');
  await expect(form.selected('Integration Type')).toHaveText('LivePerson Agent Escalation');

  await tabTo(page, form.field('Agent Skill Id'), 'to Agent Skill Id');
  await type(page, '42', 'skill id');
  await page.keyboard.press('Escape');
  await tabTo(page, form.field('Message to User'), 'to Message to User');
  await type(page, 'One moment, please.', 'message');

  await tabTo(page, form.scriptEditor, 'to the script editor');
  await expect(page.getByTestId('script-editor-hint')).toContainText('Esc');
  await type(page, SCRIPT, 'script');
  // Tab inside the editor indents; Escape then Tab moves on.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page, 'leaving the editor');
  await expect(form.scriptEditor).not.toBeFocused();

  await tabTo(page, form.root.getByRole('button', { name: 'Add the first field' }), 'to Add the first field');
  await page.keyboard.press('Enter');
  await expect(form.key(1)).toBeFocused();
  await type(page, 'queue', 'key 1');
  await page.keyboard.press('Tab');
  await type(page, '{$.api_KeyboardEscalation.queue}', 'value 1');
  await tabTo(page, form.root.getByRole('button', { name: 'Add custom data field' }), 'to Add custom data field');
  await page.keyboard.press('Enter');
  await expect(form.key(2)).toBeFocused();
  await type(page, 'wait', 'key 2');
  await page.keyboard.press('Tab');
  await type(page, '{$.api_KeyboardEscalation.wait}', 'value 2');

  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByText('Saved', { exact: true }).last()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations/[0-9a-f-]{36}$`));
  await expect(form.unsavedIndicator).toHaveText('');
  await expectVisibleFocus(page, 'after Save');

  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=Keyboard`)).json();
  const stored = await (await request.get(`/api/bots/${demoBot.id}/integrations/${list.items[0].id}`)).json();
  expect(stored).toMatchObject({
    type: 'LIVEPERSON_AGENT_ESCALATION',
    name: 'KeyboardEscalation',
    agentSkillId: '42',
    messageToUser: 'One moment, please.',
    transformScript: SCRIPT,
    customDataFields: [
      { key: 'queue', value: '{$.api_KeyboardEscalation.queue}' },
      { key: 'wait', value: '{$.api_KeyboardEscalation.wait}' },
    ],
  });
});

test('focus goes back where it came from: Save, the Test panel, History, a moved or removed row; the skip link reaches the form', async ({
  page,
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('OrderStatus');

  // The skip link, first in the list, leads to the form's first field.
  await panel.list.getByLabel('Filter integrations').focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to the form' });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page, 'skip link');
  await page.keyboard.press('Enter');
  await expect(form.field('Integration Name')).toBeFocused();

  // After Save the focus stays in the field being edited.
  await form.field('URL').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?v=2');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByText('Saved', { exact: true }).last()).toBeVisible();
  await expect(form.unsavedIndicator).toHaveText('');
  await expect(form.field('URL')).toBeFocused();

  // The Test panel, closed with Escape or its close button, gives the focus back to Test.
  await form.testToggle.focus();
  await page.keyboard.press('Enter');
  await expect(form.testPanel).toBeVisible();
  await form.testToggle.focus();
  await page.keyboard.press('Enter');
  await expect(form.testPanel).toBeHidden();
  await expect(form.testToggle).toBeFocused();

  // History: Escape closes the drawer and the focus is on History again.
  const history = form.root.getByRole('button', { name: 'History' });
  await history.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(history).toBeFocused();

  // A moved row keeps the focus on its arrows at its new place (the other arrow once it is at an end).
  await form.root.getByRole('button', { name: 'Move row 1 down' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.key(2)).toHaveValue('status');
  await expect(form.root.getByRole('button', { name: 'Move row 2 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.key(1)).toHaveValue('status');
  await expect(form.root.getByRole('button', { name: 'Move row 1 down' })).toBeFocused();

  // A removed row hands the focus to the row that took its place, then to the Add button.
  await form.root.getByRole('button', { name: 'Remove row 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.key(1)).toBeFocused();
  await expect(form.key(1)).toHaveValue('eta');
  await form.root.getByRole('button', { name: 'Remove row 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.root.getByRole('button', { name: 'Add the first field' })).toBeFocused();
});
