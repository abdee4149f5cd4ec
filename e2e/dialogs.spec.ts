import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/*
 * Issue 14 in the app: the bot's dialogs drawn, usages that lead to their node, a rename that shows
 * what it rewrites before it saves, the failure dialog that makes the escalation check pass.
 * The bot is the project's own support-desk export: OrderLookup is invoked by api_integration_orders,
 * read in its post-process code and shown as {OrderLookup.status} by text_order_status.
 */
const INVOKING = 'b0000000000000000000000000000000000000002';
const STATUS_TEXT = 'b0000000000000000000000000000000000000003';

async function importSupportDesk(request: APIRequestContext) {
  const response = await request.post('/api/bots/import', { data: JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { bot: { id: string; name: string }; integrations: { id: string; name: string }[] };
  return {
    botId: body.bot.id,
    botName: body.bot.name,
    integration: (name: string) => body.integrations.find((item) => item.name === name)!,
  };
}

test('draws the dialogs, follows a usage to its node, renames with a preview, adds the failure dialog, exports', async ({
  page,
  request,
  demoBot: _demoBot,
  dialogs,
  form,
  panel,
}) => {
  const bot = await importSupportDesk(request);
  await dialogs.goto(bot.botId);

  // Four dialogs, eight interactions; starters with patterns, the integration linked, the transfer marked.
  await expect(dialogs.flow.locator('.react-flow__node-dialog')).toHaveCount(4);
  await expect(dialogs.flow.locator('.react-flow__node-interaction')).toHaveCount(8);
  await expect(dialogs.nodeNamed('dialog_starter_orders')).toContainText('*order*');
  await expect(dialogs.node(INVOKING).getByRole('link', { name: 'OrderLookup' })).toBeVisible();
  await expect(dialogs.nodeNamed('escalation_billing')).toContainText('Agent Transfer');
  await expectNoSeriousA11yViolations(page, 'the dialogs flow');

  // The same content as a list, for the keyboard and screen readers.
  await dialogs.showAs('List');
  await expect(dialogs.list.getByRole('heading', { name: /Order status/ })).toBeVisible();
  await expect(dialogs.list).toContainText('Patterns: where is my order, order status, *order*');
  await expect(dialogs.list.getByRole('link', { name: 'OrderLookup' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dialogs list');
  await dialogs.showAs('Flow');

  // The header's checks: the bot escalates and nothing catches a failed transfer.
  await expect(dialogs.checksButton).toContainText('1 failed');
  await dialogs.openChecks();
  await expect(dialogs.check('catches __agent_escalation_failed__')).toContainText('Fails');
  await expectNoSeriousA11yViolations(page, 'the dialogs screen with the checks open');
  await dialogs.checksButton.click();

  // The node's link opens the integration; its usages lead back to the node.
  await dialogs.node(INVOKING).getByRole('link', { name: 'OrderLookup' }).click();
  await expect(page.getByRole('heading', { name: 'OrderLookup', level: 2 })).toBeVisible({ timeout: 30_000 });
  const usages = page.getByRole('list', { name: /Used in \d+ places/ });
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible();
  await expect(usages).toContainText('{OrderLookup.status}');
  await usages.getByRole('link', { name: 'Order status › api_integration_orders, integration interaction' }).click();
  await expect(page).toHaveURL(new RegExp(`/bots/${bot.botId}/dialogs\\?node=${INVOKING}$`));
  await expect(dialogs.node(INVOKING)).toHaveClass(/selected/);
  await expect(dialogs.node(INVOKING)).toBeInViewport();

  // Renaming a used integration shows what changes, then saves the rename and the references together.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'OrderLookup', level: 2 })).toBeVisible({ timeout: 30_000 });
  await form.fill('Integration Name', 'OrderFinder');
  await form.fill('Response Data Variable Name', 'OrderFinder');
  await form.saveButton.click();
  const preview = page.getByRole('alertdialog', { name: 'Rename OrderLookup to OrderFinder?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Changes to the references' })).toContainText('{OrderFinder.status}');
  await expect(preview).toContainText('api_OrderFinder');
  await expectNoSeriousA11yViolations(page, 'the rename preview');
  await preview.getByRole('button', { name: 'Rename and save' }).click();
  await expect(page.getByText('Saved', { exact: true }).last()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OrderFinder', level: 2 })).toBeVisible();
  await expect(form.unsavedIndicator).toHaveText('');

  await dialogs.goto(bot.botId);
  await expect(dialogs.node(INVOKING).getByRole('link', { name: 'OrderFinder' })).toBeVisible();
  await expect(dialogs.node(STATUS_TEXT)).toContainText('{OrderFinder.status}');

  // Add a failure dialog from the check: the check passes and the new dialog is drawn.
  await dialogs.openChecks();
  await dialogs.check('catches __agent_escalation_failed__').getByRole('button', { name: 'Add a failure dialog' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add a failure dialog' });
  await addDialog.getByLabel('Message').fill('No agent is free right now. Please try again later.');
  await expectNoSeriousA11yViolations(page, 'the add failure dialog form');
  await addDialog.getByRole('button', { name: 'Add dialog' }).click();
  await expect(page.getByText('Added dialog Agent escalation failed')).toBeVisible();
  await expect(dialogs.checksButton).not.toContainText('failed');
  await expect(dialogs.check('catches __agent_escalation_failed__')).toContainText('Passes');
  await expect(dialogs.flow.locator('.react-flow__node-dialog')).toHaveCount(5);
  await expect(dialogs.flow).toContainText('No agent is free right now. Please try again later.');

  // The export carries the added dialog and the rewritten references, in CB's shape.
  const download = await panel.export(bot.botName, 'Export for Conversation Builder');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    groups: { id: string; name: string }[];
    conversationMessage: {
      id: string;
      group: string;
      pattern?: string[];
      content: { responderName?: string };
      postProcessMessage?: string;
    }[];
  };
  const added = file.groups.find((group) => group.name === 'Agent escalation failed');
  expect(added).toBeDefined();
  expect(
    file.conversationMessage.some((message) => message.group === added!.id && message.pattern?.includes('__agent_escalation_failed__')),
  ).toBe(true);
  const invoking = file.conversationMessage.find((message) => message.id === INVOKING)!;
  expect(invoking.content.responderName).toBe('OrderFinder');
  expect(invoking.postProcessMessage).toContain('api_OrderFinder');
  expect(JSON.stringify(file.conversationMessage.find((message) => message.id === STATUS_TEXT))).toContain('{OrderFinder.status}');
});

test('a used custom data field key warns where it is shown; delete lists the usages and the broken node is marked', async ({
  page,
  request,
  demoBot: _demoBot,
  panel,
  form,
  dialogs,
}) => {
  const bot = await importSupportDesk(request);
  await panel.goto(bot.botId, bot.integration('OrderLookup').id);
  await expect(page.getByRole('heading', { name: 'OrderLookup', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible();
  await form.key(1).fill('state');
  const warnings = page.getByTestId('field-key-warnings');
  await expect(warnings).toContainText('{OrderLookup.status}');
  await expect(warnings).toContainText('Order status › text_order_status, text');
  await form.key(1).fill('status');
  await expect(warnings).toHaveText('');

  const confirm = await panel.askToDelete('OrderLookup');
  await expect(confirm).toContainText('Used in 5 places');
  await expect(confirm.getByRole('list', { name: 'Where it is used' })).toContainText(
    'Order status › api_integration_orders, integration interaction',
  );
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted OrderLookup')).toBeVisible();

  await dialogs.goto(bot.botId);
  await expect(dialogs.node(INVOKING)).toContainText('Fails: Integration interactions invoke integrations the bot has');
  await expect(dialogs.node(INVOKING)).toContainText('which this bot does not have');
  await expect(dialogs.checksButton).toContainText('failed');
});

test('React Flow loads with the Dialogs screen only: not on the first page, not with the integration form', async ({
  page,
  request,
  demoBot: _demoBot,
  bots,
  panel,
  dialogs,
}) => {
  const bot = await importSupportDesk(request);
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
  });
  const loadedReactFlow = async () => (await Promise.all(scripts)).some((body) => body.includes('react-flow__renderer'));

  await bots.goto();
  await panel.goto(bot.botId, bot.integration('OrderLookup').id);
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible({ timeout: 30_000 });
  // Every script the page fetched, modulepreloads included (the domain's small `dialogs` schemas chunk may come
  // with the header's checks): none holds React Flow.
  expect(await loadedReactFlow()).toBe(false);

  await page.getByRole('navigation', { name: 'Bot sections' }).getByRole('link', { name: 'Dialogs' }).click();
  await expect(dialogs.flow.locator('.react-flow__node-interaction')).toHaveCount(8);
  expect(await loadedReactFlow()).toBe(true);
});
