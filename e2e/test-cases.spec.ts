import { expect, test } from './fixtures';

// Monaco, two saves and their background runs on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const ORDER_SAMPLE = JSON.stringify({ status: 'shipped', eta: '2026-05-01' });
const READS = [
  "var response = botContext.getBotVariable('api_OrderStatus');",
  'var order = JSON.parse(response.jsonData).api_OrderStatus;',
];
const KEEPS = [...READS, "botContext.printDebugMessage('order is ' + order.status);"];
const LOSES = [
  ...READS,
  "order.status = 'lost';",
  'response.jsonData = JSON.stringify({ api_OrderStatus: order });',
  "botContext.setBotVariable('api_OrderStatus', response, true, false);",
];

test('a run saved as a test case fails after an edit that changes the output, with expected vs actual, and passes once fixed', async ({
  page,
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('OrderStatus', 20_000);
  await form.typeScript(KEEPS);
  await form.save();

  const testPanel = await form.openTestPanel();
  await form.fillSample(ORDER_SAMPLE);
  await form.runTest();
  await expect(form.testValue('status')).toHaveText('shipped');

  await testPanel.getByRole('button', { name: 'Save as test case' }).click();
  const saveForm = testPanel.getByRole('form', { name: 'Save as test case' });
  await saveForm.getByLabel('Test case name').fill('Shipped order');
  // Each output is an expectation, ticked, with its value editable.
  await expect(saveForm.getByLabel('Expected customData.status')).toHaveValue('shipped');
  await expect(saveForm.getByLabel('Expected logIncludes.0')).toHaveValue('order is shipped');
  await saveForm.getByRole('checkbox', { name: 'logIncludes.0' }).uncheck();
  await expect(saveForm.getByLabel('Expected logIncludes.0')).toBeDisabled();
  await saveForm.getByRole('button', { name: 'Save test case' }).click();
  await expect(testPanel.getByText('Test case saved.')).toBeVisible();

  const section = page.getByRole('region', { name: /^Test cases/ });
  // Beside the demo's own test case of OrderStatus.
  const saved = section.getByTestId('test-case').filter({ hasText: 'Shipped order' });
  await expect(section.getByTestId('test-case')).toHaveCount(2);
  await expect(saved).toContainText('Not run');

  // An edit that changes the output: the saved test case runs in the background after Save.
  await form.typeScript(LOSES);
  await form.save();
  await expect(section.getByTestId('test-cases-failing')).toHaveText('2 failing', { timeout: 30_000 });
  const failures = section.getByRole('table', { name: 'Failed expectations of Shipped order' });
  const statusRow = failures.getByRole('row', { name: /customData\.status/ });
  await expect(statusRow.getByTestId('failure-expected')).toHaveText('"shipped"');
  await expect(statusRow.getByTestId('failure-actual')).toHaveText('"lost"');
  // The saved test case and the demo's own (which expects the status too).
  const badge = panel.list.getByTestId('integration-item').filter({ hasText: 'OrderStatus' }).getByTestId('failing-tests-badge');
  await expect(badge).toHaveText('2 failing');

  // Fixed: it passes again, and the badges go.
  await form.typeScript(KEEPS);
  await form.save();
  await expect(saved).toContainText('Passed', { timeout: 30_000 });
  await expect(section.getByTestId('test-case').filter({ hasText: 'Failing' })).toHaveCount(0);
  await expect(section.getByTestId('test-cases-failing')).toHaveCount(0);
  await expect(badge).toHaveCount(0);
});
