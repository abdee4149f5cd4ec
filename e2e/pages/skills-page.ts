import { expect, type Locator, type Page } from '@playwright/test';

/** The skill directory at /skills: search, add, rename, delete. */
export class SkillsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/skills');
    await expect(this.page.getByRole('heading', { name: 'Skills', level: 1 })).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Skills' });
  }

  /** The row of one skill, found by its name (the id is under it, as on every directory page). */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByTestId('entry-name').getByText(name, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.table.getByTestId('entry-name').allInnerTexts();
  }

  get addForm(): Locator {
    return this.page.getByRole('form', { name: 'Add skill' });
  }

  async add(id: string, name: string): Promise<void> {
    await this.addForm.getByLabel('Skill id', { exact: true }).fill(id);
    await this.addForm.getByLabel('Skill name', { exact: true }).fill(name);
    await this.addForm.getByRole('button', { name: 'Add skill' }).click();
  }

  /** The error under a field of the Add skill form (`id` or `name`). */
  errorOf(field: 'id' | 'name'): Locator {
    return this.page.getByTestId(`error-${field}`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search skills').fill(text);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename skill' });
    await dialog.getByLabel('Skill name').fill(to);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the confirmation; the caller confirms or cancels. */
  async askToDelete(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
