import { expect, test } from './fixtures';

test('the bots list searches by part of the name, in natural order, and keeps its search in the address for Back', async ({
  page,
  request,
  bots,
  unique,
}) => {
  const names = [`${unique} Load bot 59`, `${unique} Load bot 6`, `${unique} Load bot 10`];
  const ids: string[] = [];
  for (const name of names) {
    const created = await request.post('/api/bots', { data: { name } });
    expect(created.status()).toBe(201);
    ids.push(((await created.json()) as { id: string }).id);
  }
  try {
    await bots.goto();
    await page.getByLabel('Search bots').fill(unique.toUpperCase());
    await expect(page).toHaveURL(new RegExp(`\\?q=${unique.toUpperCase()}$`));
    await expect(bots.list.getByRole('link')).toHaveText([`${unique} Load bot 6`, `${unique} Load bot 10`, `${unique} Load bot 59`]);

    // Open one, come Back: the same search, the same list.
    await bots.botLink(`${unique} Load bot 10`).click();
    await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel('Search bots')).toHaveValue(unique.toUpperCase());
    await expect(bots.list.getByRole('link')).toHaveCount(3);

    await page.getByLabel('Search bots').fill(`${unique} nothing`);
    await expect(page.getByText(`No bot matches “${unique} nothing”.`)).toBeVisible();
  } finally {
    for (const id of ids) await request.delete(`/api/testing/fixtures/${id}`);
  }
});
