import { expect, test } from './fixtures';

// Each payload sets window.__xss or opens a dialog if it ever runs; rendered as text it does nothing.
const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';
const JS_URL = 'javascript:window.__xss=3;alert(3)';
const SVG = '<svg onload="window.__xss=4">';

test('names, descriptions, messages, custom data, URLs, headers and scripts are shown as text and never run', async ({
  page,
  request,
  demoBot,
  panel,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const bot = await request.post('/api/bots', { data: { name: `${IMG} Bot`, description: `${SCRIPT} ${SVG}` } });
  expect(bot.status()).toBe(201);
  const botId = ((await bot.json()) as { id: string }).id;

  // Integration names must be identifiers: markup is refused there, before it is ever stored.
  const refused = await request.post(`/api/bots/${botId}/integrations`, {
    data: { type: 'API', name: IMG, method: 'GET', url: 'https://example.com' },
  });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { errors: Record<string, string> }).errors).toHaveProperty('name');

  const escalation = await request.post(`/api/bots/${botId}/integrations`, {
    data: {
      type: 'LIVEPERSON_AGENT_ESCALATION',
      name: 'Escalation',
      agentSkillName: SVG,
      agentSkillId: '12345',
      messageToUser: `${IMG} ${SCRIPT}`,
      transformScript: `// ${SCRIPT}\nvar html = ${JSON.stringify(IMG)};`,
      customDataFields: [
        { key: 'img', value: IMG },
        { key: 'link', value: JS_URL },
      ],
    },
  });
  expect(escalation.status(), await escalation.text()).toBe(201);
  const api = await request.post(`/api/bots/${botId}/integrations`, {
    data: {
      type: 'API',
      name: 'Lookup',
      method: 'POST',
      url: `https://api.example.com/${encodeURIComponent(SCRIPT)}`,
      headers: [{ key: SVG, value: JS_URL }],
      postBody: IMG,
    },
  });
  expect(api.status(), await api.text()).toBe(201);

  await page.goto('/');
  await expect(page.getByText(`${IMG} Bot`, { exact: true }).first()).toBeVisible();

  await panel.goto(botId);
  await panel.open('Escalation');
  await expect(page.getByLabel('Agent Skill Name', { exact: true })).toHaveValue(SVG);
  await expect(page.getByLabel('Value 1')).toHaveValue(IMG);
  await expect(page.getByLabel('Value 2')).toHaveValue(JS_URL);
  await expect(page.getByLabel('Message to User', { exact: true })).toHaveValue(`${IMG} ${SCRIPT}`);
  // The transfer preview renders the message with its line breaks: still as text.
  await page.getByTestId('transfer-preview-section').getByText('Transfer preview').click();
  await expect(page.getByTestId('transfer-preview-section').getByTestId('preview-message')).toHaveText(`${IMG} ${SCRIPT}`);
  await expect(page.getByRole('textbox', { name: 'Transform Result Script' })).toBeAttached();
  await expect(page.locator('.monaco-editor').getByText('window.__xss=1', { exact: false }).first()).toBeVisible();

  await panel.open('Lookup');
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`https://api.example.com/${encodeURIComponent(SCRIPT)}`);
  await expect(page.getByLabel('Post Body', { exact: true })).toHaveValue(IMG);
  await expect(page.getByLabel('Header key 1', { exact: true })).toHaveValue(SVG);
  await expect(page.getByLabel('Header value 1', { exact: true })).toHaveValue(JS_URL);

  // No element built from the payloads, no script ran, no dialog opened.
  await expect(page.locator('img[src="x"], svg[onload], script:not([src])')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  void demoBot; // requested for its reset: a known, clean database
});
