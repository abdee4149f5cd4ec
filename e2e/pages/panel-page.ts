import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Integrations panel of one bot: the left list, its filter and menus, and Add Integration. */
export class PanelPage {
  constructor(readonly page: Page) {}

  async goto(botId: string, integrationId?: string): Promise<void> {
    await this.page.goto(`/bots/${botId}/integrations${integrationId ? `/${integrationId}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('navigation', { name: 'Integrations' });
  }

  /** The links of the list's rows (the list also holds the filter and a skip link). */
  get rows(): Locator {
    return this.list.getByRole('list').getByRole('link');
  }

  /** The link of one integration in the left list (its accessible name is the name plus the type badge). */
  item(name: string): Locator {
    return this.list.getByRole('link', { name: new RegExp(`^${name}\\b`) });
  }

  /** `timeout`: the first open can wait on Monaco, which the panel prefetches and parses on the main thread. */
  async open(name: string, timeout?: number): Promise<void> {
    await this.item(name).click();
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible({ timeout });
  }

  async filter(text: string): Promise<void> {
    await this.list.getByLabel('Filter integrations').fill(text);
  }

  async addIntegration(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add Integration' }).click();
    await expect(this.page.getByRole('heading', { name: 'Add Integration', level: 2 })).toBeVisible();
  }

  /** Ellipsis menu → Delete Integration; returns the confirmation dialog. */
  async askToDelete(name: string): Promise<Locator> {
    const item = this.page.getByRole('menuitem', { name: 'Delete Integration' });
    // A form still settling (its editor loading, its focus placed) can close the menu as it opens: open it again then.
    await expect(async () => {
      if (!(await item.isVisible())) await this.list.getByRole('button', { name: `Actions for ${name}` }).click();
      await expect(item).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await item.click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The toast's Undo after a delete; waits for the toast that says it is back. */
  async undoDelete(name: string): Promise<void> {
    const toast = this.page.getByRole('listitem').filter({ hasText: `Deleted ${name}` });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(this.page.getByText(`Restored ${name}`)).toBeVisible();
  }

  /** Recently deleted in the bot's header: the dialog that lists the deleted integrations. */
  async openRecentlyDeleted(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Recently deleted' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Recently deleted' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The Export menu in the panel header → one of its two choices; resolves with the browser's download. */
  async export(botName: string, choice: 'Export for Conversation Builder' | 'Export (native JSON)'): Promise<Download> {
    await this.page.getByRole('button', { name: `Export ${botName}` }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: choice }).click();
    return download;
  }
}
