import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

test.slow();

const SECRET = 'e2e-bearer-s3cret-4f9c2d71';

async function integrationId(request: APIRequestContext, botId: string, name: string): Promise<string> {
  const list = await (await request.get(`/api/bots/${botId}/integrations?q=${name}`)).json();
  return list.items.find((item: { name: string }) => item.name === name).id;
}

/** Every response body the page received, as text, for checking that a secret never came back. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    void response.text().then(
      (text) => bodies.push(`${response.url()}\n${text}`),
      () => undefined,
    );
  });
  return bodies;
}

test('picks a credential, a function and a knowledge base; they are kept, and the secret is never shown or sent back', async ({
  page,
  request,
  demoBot,
  panel,
  form,
  unique,
}) => {
  // The credential directory is shared with the tests running beside this one: a name of this test's own.
  const bearer = `Payments Bearer ${unique}`;
  const responses = recordResponses(page);

  // A credential with a secret, added on its page.
  await page.goto('/credentials');
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Credentials' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('credentials-row').filter({ hasText: 'Orders API key' })).toContainText(`${demoBot.name} › OrderStatus`);
  await page.getByLabel('Name', { exact: true }).fill(bearer);
  await page.getByLabel('Type', { exact: true }).selectOption('BEARER');
  await page.getByLabel('Token', { exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'Add credential' }).click();
  const added = page.getByTestId('credentials-row').filter({ hasText: bearer });
  await expect(added).toContainText('Token: set');
  await expect(page.getByLabel('Token', { exact: true })).toHaveValue('');
  await expectNoSeriousA11yViolations(page, 'the Credentials page');

  // API: the credential picked by typing part of its name.
  await panel.goto(demoBot.id, await integrationId(request, demoBot.id, 'OrderStatus'));
  await expect(page.getByRole('heading', { name: 'OrderStatus', level: 2 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('picked-credentialId')).toContainText('Orders API key');
  const credential = form.root.getByRole('combobox', { name: 'Credential', exact: true });
  await credential.fill('');
  await credential.pressSequentially(unique);
  const credentials = page.getByRole('listbox', { name: 'Credential directory' });
  await expect(credentials.getByRole('option')).toHaveCount(1);
  await credential.press('ArrowDown');
  await credential.press('Enter');
  await expect(page.getByTestId('picked-credentialId')).toContainText(bearer);
  await form.save();

  // FaaS: a draft function is picked with a warning that does not block the save.
  await panel.goto(demoBot.id, await integrationId(request, demoBot.id, 'LoyaltyPoints'));
  await expect(page.getByRole('heading', { name: 'LoyaltyPoints', level: 2 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('picked-functionId')).toContainText('Productive');
  const fn = form.root.getByRole('combobox', { name: 'Function', exact: true });
  await fn.fill('');
  await fn.pressSequentially('refund');
  await page
    .getByRole('listbox', { name: 'Function directory' })
    .getByRole('option', { name: /Order refund check/ })
    .click();
  await expect(page.getByTestId('picked-functionId')).toContainText('Draft');
  await expect(page.getByTestId('warning-functionId')).toContainText('not deployed');
  await form.save();

  // KnowledgeAI: a knowledge base, and the Method field.
  await panel.goto(demoBot.id, await integrationId(request, demoBot.id, 'FAQ'));
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible({ timeout: 20_000 });
  await expect(form.selected('Method')).toHaveText('Phrase Search');
  const kb = form.root.getByRole('combobox', { name: 'Knowledge Base', exact: true });
  await kb.fill('');
  await kb.pressSequentially('manual');
  await page
    .getByRole('listbox', { name: 'Knowledge Base directory' })
    .getByRole('option', { name: /Product manuals/ })
    .click();
  await expect(page.getByTestId('picked-knowledgeBaseId')).toContainText('Product manuals');
  // An id not in the directory warns without blocking.
  await kb.fill('kb-not-there');
  await expect(page.getByTestId('warning-knowledgeBaseId')).toContainText('not in the knowledge base directory');
  await kb.fill('product-manuals');
  await form.save();

  // Reloaded, all three are kept.
  await page.reload();
  await expect(page.getByTestId('picked-knowledgeBaseId')).toContainText('Product manuals', { timeout: 20_000 });
  await panel.goto(demoBot.id, await integrationId(request, demoBot.id, 'OrderStatus'));
  await expect(page.getByTestId('picked-credentialId')).toContainText(bearer, { timeout: 20_000 });
  await panel.goto(demoBot.id, await integrationId(request, demoBot.id, 'LoyaltyPoints'));
  await expect(page.getByTestId('picked-functionId')).toContainText('Order refund check', { timeout: 20_000 });

  // The directory pages say who uses what.
  await page.goto('/functions');
  await expect(page.getByTestId('functions-row').filter({ hasText: 'Order refund check' })).toContainText(
    `${demoBot.name} › LoyaltyPoints`,
  );
  await page.goto('/credentials');
  await expect(page.getByTestId('credentials-row').filter({ hasText: bearer })).toContainText(`${demoBot.name} › OrderStatus`);

  // The secret: not in the page, not in any response the browser got, not in either export.
  expect(await page.content()).not.toContain(SECRET);
  for (const format of ['cb', 'native']) {
    const exported = await request.get(`/api/bots/${demoBot.id}/export?format=${format}`);
    expect(exported.ok()).toBe(true);
    const text = await exported.text();
    expect(text).toContain(format === 'cb' ? `"credentialName": "${bearer}"` : '"credentialId"');
    expect(text).not.toContain(SECRET);
  }
  await expect.poll(() => responses.length).toBeGreaterThan(10);
  expect(responses.filter((body) => body.includes(SECRET))).toEqual([]);
});
