import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/** A real Conversation Builder export, read where it lives (`<repo>/../shared/cb-exports`), never copied in. */
const SAMPLE = fileURLToPath(new URL('../../shared/cb-exports/dynamic-buttons__dynamic-button-bot.json', import.meta.url));
/** The export's file name for a bot name of letters, digits and spaces (each test's bot has a name of its own). */
const fileNameOf = (botName: string) => botName.replaceAll(' ', '-');

const sample = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as { bot: { name: string }; responder: Record<string, unknown>[] };

test('imports a real CB export through the dialog: plan, import, land on the new bot', async ({ page, demoBot: _demoBot, bots, panel }) => {
  await bots.goto();
  const dialog = await bots.openImport();
  await expectNoSeriousA11yViolations(page, 'the empty import dialog');
  await dialog.choose(SAMPLE);

  await expect(dialog.botName).toHaveText('dynamic-button-demo');
  const item = dialog.integration('Buttons');
  await expect(item).toContainText('API');
  await expect(item).toContainText('Response Data Variable');
  await expect(dialog.root).toContainText('Ready to import 1 integration');
  await expectNoSeriousA11yViolations(page, 'the import plan');

  await dialog.import();
  await expect(page.getByText('Imported dynamic-button-demo with 1 integration')).toBeVisible();
  await expect(page).toHaveURL(/\/bots\/[0-9a-f-]+\/integrations$/);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('dynamic-button-demo');
  await expect(panel.item('Buttons')).toContainText('API');

  await page.getByRole('link', { name: 'Bots', exact: true }).click();
  await expect(bots.botLink('dynamic-button-demo')).toBeVisible();
});

test('a file that is not JSON is explained in the dialog without asking the server', async ({ page, demoBot: _demoBot, bots }) => {
  const importRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/bots/import')) importRequests.push(request.url());
  });
  await bots.goto();
  const dialog = await bots.openImport();
  await dialog.choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bot: not really json') });
  await expect(dialog.error).toContainText('notes.txt is not JSON');
  await expect(dialog.importButton).toBeDisabled();
  expect(importRequests).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'the import dialog with an error');
});

test('JSON that is no bot export gets the server detail; a broken entry blocks the import', async ({ demoBot: _demoBot, bots }) => {
  await bots.goto();
  const dialog = await bots.openImport();
  await dialog.choose({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
  await expect(dialog.error).toContainText('Not a bot export');
  await expect(dialog.importButton).toBeDisabled();

  const broken = sample();
  broken.responder[0]!.webhook = 'not a url';
  await dialog.choose({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(dialog.problems).toContainText('1 problem stops the import');
  await expect(dialog.root.getByRole('list', { name: 'Problems of Buttons' })).toContainText('URL');
  await expect(dialog.importButton).toBeDisabled();
  await expect(dialog.error).toBeHidden();
});

test('exports a bot as native JSON from the panel and for Conversation Builder from the bots list', async ({ demoBot, bots, panel }) => {
  await panel.goto(demoBot.id);
  const native = await panel.export(demoBot.name, 'Export (native JSON)');
  expect(native.suggestedFilename()).toBe(`${fileNameOf(demoBot.name)}.integrations-panel.json`);
  const nativeFile = JSON.parse(readFileSync(await native.path(), 'utf8')) as {
    format: string;
    integrations: { name: string; version: number }[];
  };
  expect(nativeFile.format).toBe('integrations-panel');
  expect(nativeFile.integrations.map((integration) => integration.name).sort()).toEqual(
    ['Escalation', 'FAQ', 'LoyaltyPoints', 'OrderStatus', 'SendTranscript', 'UploadReceipt'].sort(),
  );

  await bots.goto();
  const cb = await bots.export(demoBot.name, 'Export for Conversation Builder');
  expect(cb.suggestedFilename()).toBe(`${fileNameOf(demoBot.name)}.json`);
  const cbFile = JSON.parse(readFileSync(await cb.path(), 'utf8')) as {
    bot: { name: string };
    responder: { name: string; integrationType: string }[];
  };
  expect(cbFile.bot.name).toBe(demoBot.name);
  expect(cbFile.responder).toHaveLength(6);
  expect(cbFile.responder.find((entry) => entry.name === 'OrderStatus')?.integrationType).toBe('API');
});
