import { expect, type Locator, type Page } from '@playwright/test';

/** The Dialogs screen of a bot: the flow (React Flow), the list that reads the same, and the checks in the header. */
export class DialogsPage {
  constructor(readonly page: Page) {}

  async goto(botId: string, node?: string): Promise<void> {
    await this.page.goto(`/bots/${botId}/dialogs${node ? `?node=${node}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Dialogs', level: 1 })).toBeVisible();
  }

  get flow(): Locator {
    return this.page.getByTestId('dialog-flow');
  }

  /** One interaction's node in the flow, by its id (React Flow's data-id). */
  node(interactionId: string): Locator {
    return this.flow.locator(`.react-flow__node[data-id="${interactionId}"]`);
  }

  nodeNamed(name: string): Locator {
    return this.flow
      .locator('.react-flow__node-interaction')
      .filter({ has: this.page.locator('.flow-node__name', { hasText: new RegExp(`^${name}$`) }) });
  }

  get list(): Locator {
    return this.page.getByTestId('dialog-list');
  }

  async showAs(view: 'Flow' | 'List'): Promise<void> {
    await this.page.getByRole('group', { name: 'Show the dialogs as' }).getByRole('button', { name: view }).click();
  }

  get checksButton(): Locator {
    return this.page.getByRole('button', { name: /^Checks:/ });
  }

  async openChecks(): Promise<Locator> {
    if ((await this.checksButton.getAttribute('aria-expanded')) !== 'true') await this.checksButton.click();
    const list = this.page.getByRole('list', { name: 'Checks of the bot' });
    await expect(list).toBeVisible();
    return list;
  }

  /** The check's item in the open checks list, by its title. */
  check(title: string): Locator {
    return this.page.getByRole('list', { name: 'Checks of the bot' }).getByRole('listitem').filter({ hasText: title });
  }
}
