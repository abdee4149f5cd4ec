import { expect, type Locator, type Page } from '@playwright/test';

/** The dialog that asks for ADMIN_TOKEN when the API answers 401. */
export class AdminTokenDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Admin token required' });
  }

  async submit(token: string): Promise<void> {
    await this.dialog.getByLabel('Admin token').fill(token);
    await this.dialog.getByRole('button', { name: 'Continue' }).click();
  }

  async expectRejected(message: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId('error-admin-token')).toHaveText(message);
  }
}
