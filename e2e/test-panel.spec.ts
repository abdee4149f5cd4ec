import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

// Each test loads Monaco and its TypeScript worker, types into it and runs the sandbox: on a shared
// 2-core machine that alone can take most of the default 45 s.
test.describe.configure({ timeout: 120_000 });

const ORDER_SAMPLE = JSON.stringify({ status: 'shipped', eta: '2026-05-01', items: [{ sku: 'A-1' }, { sku: 'B-2' }] });

const ORDER_SCRIPT = [
  "var response = botContext.getBotVariable('api_OrderStatus');",
  'var order = JSON.parse(response.jsonData).api_OrderStatus;',
  "botContext.setBotVariable('orderState', order.status, true, false);",
  "botContext.printDebugMessage('order ' + botContext.getBotVariable('orderNumber') + ' is ' + order.status);",
];

test('runs the unsaved form on a sample: custom data values, the variable the script set and its debug log', async ({
  page,
  form,
  openIntegration,
}) => {
  await openIntegration('OrderStatus', 20_000);
  await form.typeScript(ORDER_SCRIPT);
  await form.addCustomDataField('skus', '{$.api_OrderStatus.items[i].sku}');
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');

  const testPanel = await form.openTestPanel();
  await expect(testPanel.getByLabel('Sample result (JSON)')).toBeFocused();
  await expect(testPanel.getByLabel('HTTP status')).toHaveValue('200');
  await form.fillSample(ORDER_SAMPLE);
  await form.addSampleVariable('Bot variable', 'orderNumber', 'A-1001');
  await form.runTest();

  await expect(form.testValue('status')).toHaveText('shipped');
  await expect(form.testValue('eta')).toHaveText('2026-05-01');
  // [i] iterates: one value per element, as a list.
  await expect(form.testValue('skus').getByRole('listitem')).toHaveText(['A-1', 'B-2']);
  await expect(form.testVariable('orderState')).toHaveText('shipped');
  await expect(form.testDebugLog).toHaveText(['order A-1001 is shipped']);
  await expect(form.testError).toBeHidden();
  // Testing changes nothing: the edits are still unsaved.
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');

  await expectNoSeriousA11yViolations(page, 'the form with the Test panel open and results');
});

test('a script that throws shows the error with its line, marked in the editor until the next edit', async ({ form, openIntegration }) => {
  await openIntegration('OrderStatus', 20_000);
  await form.typeScript(['var response = null;', "botContext.printDebugMessage('before');", 'var status = response.status;']);
  await form.openTestPanel();
  await form.fillSample('{"status": "late"}');
  await form.runTest();

  await expect(form.testError).toContainText('The script threw an error');
  await expect(form.testError.getByTestId('test-error-position')).toHaveText(/^Line 3\b/);
  await expect(form.testError).toContainText(/null/);
  // What ran before the error is still shown.
  await expect(form.testDebugLog).toHaveText(['before']);
  await expect(form.scriptErrors).toHaveCount(1);

  await form.testError.getByRole('button', { name: 'Show line 3 in the editor' }).click();
  await expect(form.scriptEditor).toBeFocused();
  await form.page.keyboard.press('End');
  await form.page.keyboard.type(' // fixed');
  await expect(form.scriptErrors).toHaveCount(0);
});

test('a sample that is not JSON is refused before sending, with the place it fails', async ({ page, form, openIntegration }) => {
  await openIntegration('Escalation', 20_000);
  await form.openTestPanel();
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/simulate')) requests += 1;
  });
  await form.fillSample('{\n  "queuePosition": 3,\n  estimatedWaitSeconds: 60\n}');
  await form.testPanel.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId('test-sample-error')).toHaveText(/^Not valid JSON at line 3, column 3: /);
  await expect(form.testPanel.getByLabel('Sample result (JSON)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.testPanel.getByLabel('Sample result (JSON)')).toBeFocused();
  expect(requests).toBe(0);

  await form.fillSample('{"queuePosition": 3, "estimatedWaitSeconds": 60}');
  await expect(page.getByTestId('test-sample-error')).toBeHidden();
  await form.runTest();
  expect(requests).toBe(1);
  await expect(form.testValue('queuePosition')).toHaveText('3');
  await expect(form.testValue('estimatedWait')).toHaveText('60');
  await expect(form.testVariable('queuePosition')).toHaveText('3');
  await expect(form.testDebugLog).toHaveText(['Transfer queued at position 3']);
  await expect(page.getByTestId('transfer-preview-slot')).toBeAttached();
});

test('the panel is keyboard-reachable and closes with Escape or its close button', async ({ page, form, openIntegration }) => {
  await openIntegration('Escalation', 20_000);
  await expect(form.testToggle).toHaveAttribute('aria-expanded', 'false');
  await form.testToggle.focus();
  await page.keyboard.press('Enter');
  await expect(form.testPanel).toBeVisible();
  await expect(form.testToggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(form.testPanel.getByLabel('HTTP status')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form.testPanel).toBeHidden();
  await expect(form.testToggle).toBeFocused();

  // What was entered survives closing the panel.
  await form.openTestPanel();
  await form.fillSample('{"queuePosition": 1}');
  await form.testPanel.getByRole('button', { name: 'Close test panel' }).click();
  await expect(form.testPanel).toBeHidden();
  await form.openTestPanel();
  await expect(form.testPanel.getByLabel('Sample result (JSON)')).toHaveValue('{"queuePosition": 1}');
});

test('Insert example fills an empty editor like typing, and is unavailable once there is a script', async ({
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation', 20_000);
  await expect(form.root.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await expect(form.insertExampleButton).toBeDisabled();
  await expect(form.insertExampleButton).toHaveAccessibleDescription(/when the editor is empty/);

  await panel.open('OrderStatus', 20_000);
  await expect(form.root.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await expect(form.insertExampleButton).toBeEnabled();
  await expect(form.insertExampleButton).toHaveAccessibleDescription('A commented example that reads api_OrderStatus.');
  await form.insertExampleButton.click();
  await expect.poll(() => form.scriptText(), { timeout: 15_000 }).toContain("var response = botContext.getBotVariable('api_OrderStatus');");
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');
  await expect(form.insertExampleButton).toBeDisabled();
  await expect(form.scriptWarnings).toHaveCount(0);

  // It went into the form: saved and reloaded, the script is there.
  await form.save();
  await form.page.reload();
  await expect.poll(() => form.scriptText(), { timeout: 20_000 }).toContain("botContext.getBotVariable('api_OrderStatus')");
});

test('a call of a botContext function that does not exist gets a warning; real ones get completion with their docs', async ({
  page,
  demoBot,
  panel,
  form,
}) => {
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.typeScript(["botContext.printDebugMessage('ok');", 'botContext.getBotVar']);
  // Close the suggestions first: "(" would accept the proposed getBotVariable.
  await page.keyboard.press('Escape');
  await page.keyboard.type("('x');");
  await expect(form.scriptWarnings).toHaveCount(1);
  await expect(form.scriptErrors).toHaveCount(0);
  // The squiggle is drawn under the text, which takes the pointer: hover at its place.
  await form.scriptWarnings.hover({ force: true });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'botContext has no function getBotVar' })).toContainText(
    'Did you mean getBotVariable?',
  );

  // Completion knows every function of the API, with its documentation.
  await form.scriptEditor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nbotContext.getLPEng');
  const suggestions = page.locator('.monaco-editor .suggest-widget');
  await expect(suggestions).toContainText('getLPEngagementAttribute', { timeout: 10_000 });

  // Fixing the name removes the warning.
  await page.keyboard.press('Escape');
  await form.typeScript(["botContext.getBotVariable('x');"]);
  await expect(form.scriptWarnings).toHaveCount(0);
});

test('the transfer preview in the Test panel resolves the skill id and the message with the sample variables', async ({
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation', 20_000);
  await form.fill('Agent Skill Id', '{$botContext.skillId}');
  await form.fill('Message to User', 'Connecting you, {$botContext.firstName}.');

  const testPanel = await form.openTestPanel();
  const preview = testPanel.getByTestId('transfer-preview-slot');
  // Without the variable the platform cannot transfer: it would send the fallback message.
  await expect(preview.getByTestId('preview-action')).toContainText(/fallback/i);

  await form.addSampleVariable('Bot variable', 'skillId', '3402109730');
  await form.addSampleVariable('Bot variable', 'firstName', 'Ada');
  await expect(preview.getByTestId('preview-skill-id')).toContainText('3402109730');
  await expect(preview.getByTestId('preview-action')).not.toContainText(/fallback/i);
  await expect(preview.getByTestId('preview-message')).toHaveText('Connecting you, Ada.');
  await expect(preview.getByTestId('preview-body')).toContainText('"agentSkillId": "3402109730"');
});

test('every seeded demo integration runs at once: Test → Run test shows results without typing', async ({ demoBot, panel, form }) => {
  await panel.goto(demoBot.id);
  for (const [name, key, value] of [
    ['OrderStatus', 'status', 'shipped'],
    ['Escalation', 'queuePosition', '3'],
    ['FAQ', 'answer', 'Orders ship within 2 business days.'],
  ] as const) {
    await panel.open(name, 30_000);
    await form.openTestPanel();
    await form.runTest();
    await expect(form.testValue(key)).toContainText(value);
  }
});
