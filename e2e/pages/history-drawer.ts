import { expect, type Locator, type Page } from '@playwright/test';

/** The History drawer of the integration form: revisions on the left, the diff and Restore on the right. */
export class HistoryDrawer {
  constructor(readonly page: Page) {}

  async open(integrationName: string): Promise<void> {
    await this.page.locator('form.integration-form').getByRole('button', { name: 'History' }).click();
    await expect(this.root(integrationName)).toBeVisible();
    await expect(this.list.getByRole('listitem').first()).toBeVisible();
  }

  root(integrationName: string): Locator {
    return this.page.getByRole('dialog', { name: `History of ${integrationName}` });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Revisions' });
  }

  /** The revision buttons' first lines, top to bottom: "Version 3", "Version 2", … */
  async versions(): Promise<string[]> {
    const heads = this.list.locator('.revision-list__head > span:first-child');
    return heads.allInnerTexts();
  }

  revision(version: number): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^Version ${version}\\b`) });
  }

  async pick(version: number): Promise<void> {
    await this.revision(version).click();
    await expect(this.revision(version)).toHaveAttribute('aria-current', 'true');
  }

  get scriptDiff(): Locator {
    return this.page.getByTestId('script-diff');
  }

  get fieldTable(): Locator {
    return this.page.getByRole('table', { name: 'Fields' });
  }

  fieldRow(label: string): Locator {
    return this.fieldTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
  }

  restoreButton(version: number): Locator {
    return this.page.getByRole('button', { name: `Restore version ${version}` });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('history-drawer')).toBeHidden();
  }
}
