import { expect, type Locator, type Page } from '@playwright/test';

/** The credentials prompt of a server with people (AUTH=accounts): email and password. */
export class SignInDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Sign in' });
  }

  async signIn(email: string, password: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Email').fill(email);
    await this.dialog.getByLabel('Password').fill(password);
    await this.dialog.getByRole('button', { name: 'Sign in' }).click();
    // Checking a password (scrypt) is slow on purpose, and slower on a busy machine.
    await expect(this.dialog).toBeHidden({ timeout: 60_000 });
  }
}
