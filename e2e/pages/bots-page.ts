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

  /** Edit <name> → the Edit bot dialog; fills what is given and saves. */
  async edit(from: string, change: { name?: string; description?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${from}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit bot' });
    if (change.name !== undefined) await dialog.getByLabel('Bot name').fill(change.name);
    if (change.description !== undefined) await dialog.getByLabel('Description').fill(change.description);
    await dialog.getByRole('button', { name: 'Save' }).click();
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
