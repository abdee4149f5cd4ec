import { expect, type Locator, type Page } from '@playwright/test';

/** The Import bot dialog on the bots page: pick a file, read the plan, import. */
export class ImportDialog {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('dialog', { name: 'Import bot' });
  }

  /** The file input behind the "Choose a file" button (keyboard users reach it by Tab). */
  get fileInput(): Locator {
    return this.root.getByLabel(/^Choose (a|another) file$/);
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  get plan(): Locator {
    return this.root.getByTestId('import-plan');
  }

  get botName(): Locator {
    return this.root.getByTestId('import-bot-name');
  }

  get integrations(): Locator {
    return this.root.getByRole('list', { name: 'Integrations to import' });
  }

  integration(name: string): Locator {
    return this.integrations.getByRole('listitem').filter({ hasText: name });
  }

  /** The file could not be read, or the server said it is no bot export. */
  get error(): Locator {
    return this.root.getByTestId('import-error');
  }

  get problems(): Locator {
    return this.root.getByTestId('import-problems');
  }

  get importButton(): Locator {
    return this.root.getByRole('button', { name: 'Import', exact: true });
  }

  async import(): Promise<void> {
    await expect(this.importButton).toBeEnabled();
    await this.importButton.click();
    await expect(this.root).toBeHidden();
  }
}
