import { expect, test } from './fixtures';

// What the router must keep doing: unknown addresses, screens whose code fails to load, and history after a guarded leave.

test('a direct address that matches no route shows the not-found screen inside the app', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Not found · Integrations Panel');
  await page.getByRole('link', { name: 'Go to the bots' }).click();
  await expect(page.getByRole('heading', { name: 'Bots', level: 1 })).toBeVisible();
});

test('a screen whose code fails to load (a redeploy renamed it) shows the error screen, and the app stays usable', async ({
  page,
  demoBot,
}) => {
  // The Skills screen's own chunk; not the skills API module (get-skills-*.js), which the name must not catch.
  await page.route(/\/assets\/skills-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bots', level: 1 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skills' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
  await expect(error).toBeVisible();
  await expect(error.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await expect(page).toHaveURL(/\/skills$/);

  // Another address gives the next screen its chance.
  await error.getByRole('link', { name: 'Go to the bots' }).click();
  await expect(page.getByRole('heading', { name: 'Bots', level: 1 })).toBeVisible();
  await expect(error).toBeHidden();
  await page.getByRole('link', { name: demoBot.name }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
});

test('a screen whose code failed to load loads when the user comes back to it once the network is back', async ({ page }) => {
  const skillsChunk = /\/assets\/skills-[^/]+\.js$/;
  await page.route(skillsChunk, (route) => route.abort());
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Skills' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
  await expect(error).toBeVisible();

  await page.unroute(skillsChunk);
  await error.getByRole('link', { name: 'Go to the bots' }).click();
  await expect(page.getByRole('heading', { name: 'Bots', level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: 'Skills' }).click();
  await expect(page.getByRole('heading', { name: 'Skills', level: 1 })).toBeVisible();
  await expect(error).toBeHidden();
});

test('a direct address to a screen whose code fails to load shows the error screen, not a blank page', async ({ page }) => {
  await page.route(/\/assets\/skills-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/skills');
  await expect(page.getByRole('alert').filter({ hasText: 'This page could not be shown' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Integrations Panel' })).toBeVisible();
});

test('back and forward work after Leave without saving, and ask nothing once the edits are gone', async ({
  page,
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation');
  await panel.open('FAQ');
  await form.fill('Phrase', 'dropped');

  // The back button asks; leaving goes back to Escalation.
  await page.goBack();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Escalation', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/integrations\/[^/]+$/);
  const escalationUrl = page.url();

  // Forward returns to FAQ with its saved value; back and forward again go without asking.
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible();
  await expect(form.field('Phrase')).toHaveValue('{$query}');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Escalation', level: 2 })).toBeVisible();
  expect(page.url()).toBe(escalationUrl);
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible();
  await expect(ask).toBeHidden();

  // A link after Leave without saving: the next screen, and back returns to the one left.
  await form.fill('Phrase', 'dropped again');
  await panel.item('OrderStatus').click();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'OrderStatus', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible();
  await expect(form.field('Phrase')).toHaveValue('{$query}');
  await expect(ask).toBeHidden();

  // No unsaved edits: closing the tab asks nothing.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected ${dialog.type()} dialog`);
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
});

test('a form opened by a link announces every script it needs in its HTML: none waits for another to run first', async ({
  page,
  request,
  demoBot,
  form,
}) => {
  const list = (await (await request.get(`/api/bots/${demoBot.id}/integrations`)).json()) as { items: { id: string; name: string }[] };
  const integration = list.items[0]!;
  const address = `/bots/${demoBot.id}/integrations/${integration.id}`;
  const html = await (await request.get(address)).text();
  const announced = [...html.matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]);
  expect(announced.some((file) => /^\/assets\/integration-edit-/.test(file ?? ''))).toBe(true);

  // Watched by the page itself from its first script on: polled from the test, the check could come late on a
  // busy machine, when the parts that wait for the screen to settle had been fetched too. A mutation
  // (the commit that draws the record) or a frame, whichever sees the record first, takes the snapshot.
  await page.addInitScript((name) => {
    const state = window as unknown as { scriptsWhenShown?: string[] };
    const snapshot = () => {
      if (state.scriptsWhenShown) return true;
      const input = document.querySelector<HTMLInputElement>('form.integration-form input[name="name"]');
      if (input?.value !== name) return false;
      state.scriptsWhenShown = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'));
      return true;
    };
    new MutationObserver((_, observer) => {
      if (snapshot()) observer.disconnect();
    }).observe(document, { childList: true, subtree: true, attributes: true });
    const frame = () => {
      if (!snapshot()) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, integration.name);
  await page.goto(address);
  // What the page had fetched when the form showed its record (the parts that wait for the screen to settle come later).
  const fetched = await (
    await page.waitForFunction(() => (window as unknown as { scriptsWhenShown?: string[] }).scriptsWhenShown)
  ).jsonValue();
  await expect(form.field('Integration Name')).toHaveValue(integration.name);
  expect((fetched ?? []).filter((file) => !announced.includes(file))).toEqual([]);

  // The data too: the page names the reads its screens start with, and the app's own requests take
  // those answers (a read asked twice would show the preload went unused).
  const reads = [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)"/g)].map((match) =>
    match[1]!.replaceAll('&amp;', '&'),
  );
  expect(reads).toEqual([
    `/api/bots/${demoBot.id}`,
    `/api/bots/${demoBot.id}/integrations?limit=500`,
    `/api/bots/${demoBot.id}/integrations/${integration.id}`,
  ]);
  // Not networkidle: the bot's live event stream stays open as long as the page. Every read is in, then a
  // moment for a second request of one to show.
  const requestedNow = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.replace(location.origin, '')));
  await expect
    .poll(async () => {
      const names = await requestedNow();
      return reads.every((read) => names.includes(read));
    })
    .toBe(true);
  await page.waitForTimeout(1_000);
  const requested = await requestedNow();
  for (const read of reads)
    expect(
      requested.filter((name) => name === read),
      read,
    ).toHaveLength(1);
});
