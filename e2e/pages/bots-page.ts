import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { ImportDialog } from './import-dialog';

/** The bots list at /: create, open, rename, delete. */
export class BotsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Bots', level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Bots' });
  }

  botLink(name: string): Locator {
    return this.list.getByRole('link', { name, exact: true });
  }

  async create(name: string): Promise<void> {
    await this.page.getByLabel('New bot').fill(name);
    await this.page.getByRole('button', { name: 'Create bot' }).click();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename bot' });
    await dialog.getByLabel('Bot name').fill(to);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the confirmation; the caller confirms or cancels. */
  async askToDelete(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openImport(): Promise<ImportDialog> {
    await this.page.getByRole('button', { name: 'Import bot' }).click();
    const dialog = new ImportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Export menu of a bot's row → one of its two choices; resolves with the browser's download. */
  async export(name: string, choice: 'Export for Conversation Builder' | 'Export (native JSON)'): Promise<Download> {
    await this.list.getByRole('button', { name: `Export ${name}` }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: choice }).click();
    return download;
  }
}
