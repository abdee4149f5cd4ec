import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The integration form. Fields are found by their labels (the accessible names);
 * the script editor is Monaco, whose text box is named "Transform Result Script".
 */
export class IntegrationFormPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('form.integration-form');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** The browser's own selects, picked by the option's text as a person reads it. */
  async select(label: string, option: string): Promise<void> {
    await this.root.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }

  /** The option a select shows. */
  selected(label: string): Locator {
    return this.root.getByRole('combobox', { name: label, exact: true }).locator('option:checked');
  }

  async selectType(label: string): Promise<void> {
    await this.select('Integration Type', label);
  }

  switch(name: string): Locator {
    return this.root.getByRole('switch', { name, exact: true });
  }

  /** The error shown under a field (scoped: Monaco has role="alert" regions of its own). */
  errorOf(field: string): Locator {
    return this.page.getByTestId(`error-${field}`);
  }

  /** Labels that carry the required-field asterisk, without it. */
  async requiredLabels(): Promise<string[]> {
    const labels = await this.root.locator('.field__label-row:has(.field__asterisk) .field__label').allInnerTexts();
    return labels.map((label) => label.trim()).sort();
  }

  get scriptEditor(): Locator {
    return this.root.getByRole('textbox', { name: 'Transform Result Script' });
  }

  /** Types into Monaco like a person: one key at a time. */
  async typeScript(lines: string[]): Promise<void> {
    await expect(this.root.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    await this.scriptEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(lines.join('\n'));
  }

  async scriptText(): Promise<string> {
    await expect(this.root.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    const text = await this.root.locator('.monaco-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  key(row: number): Locator {
    return this.root.getByLabel(`Key ${row}`, { exact: true });
  }

  value(row: number): Locator {
    return this.root.getByLabel(`Value ${row}`, { exact: true });
  }

  async addCustomDataField(key: string, value: string): Promise<void> {
    const rows = await this.root.locator('.cdf__row').count();
    const button =
      rows === 0
        ? this.root.getByRole('button', { name: 'Add the first field' })
        : this.root.getByRole('button', { name: 'Add custom data field' });
    await button.click();
    await this.key(rows + 1).fill(key);
    await this.value(rows + 1).fill(value);
  }

  async customDataKeys(): Promise<string[]> {
    // The form renders once its record has loaded.
    await expect(this.root.getByTestId('field-customDataFields')).toBeVisible();
    const keys = this.root.locator('.cdf__key');
    const count = await keys.count();
    const values: string[] = [];
    for (let index = 0; index < count; index += 1) values.push(await keys.nth(index).inputValue());
    return values;
  }

  async moveUp(row: number): Promise<void> {
    await this.root.getByRole('button', { name: `Move row ${row} up` }).click();
  }

  async removeRow(row: number): Promise<void> {
    await this.root.getByRole('button', { name: `Remove row ${row}` }).click();
  }

  get saveButton(): Locator {
    return this.root.getByRole('button', { name: 'Save' });
  }

  get unsavedIndicator(): Locator {
    return this.page.getByTestId('dirty-status');
  }

  /** Saves and waits for the "Saved" toast. */
  async save(): Promise<void> {
    await this.saveButton.click();
    // .last(): the toast of an earlier save may still be showing.
    await expect(this.page.getByText('Saved', { exact: true }).last()).toBeVisible();
    await expect(this.unsavedIndicator).toHaveText('');
  }

  // The Test panel and the script helpers (issue 4).

  /**
   * Waits for the form of one integration. Generous: the first open also parses Monaco's chunk
   * (prefetched by the panel), which can hold the main thread for seconds on a busy machine.
   */
  get insertExampleButton(): Locator {
    return this.root.getByRole('button', { name: 'Insert example' });
  }

  /** Monaco draws a warning as a squiggle under the range of its marker. */
  get scriptWarnings(): Locator {
    return this.root.locator('.monaco-editor .squiggly-warning');
  }

  get scriptErrors(): Locator {
    return this.root.locator('.monaco-editor .squiggly-error');
  }

  get testToggle(): Locator {
    return this.root.getByRole('button', { name: 'Test', exact: true });
  }

  get testPanel(): Locator {
    return this.page.getByRole('region', { name: 'Test integration' });
  }

  async openTestPanel(): Promise<Locator> {
    await this.testToggle.click();
    await expect(this.testPanel).toBeVisible();
    return this.testPanel;
  }

  async fillSample(json: string, status?: number): Promise<void> {
    await this.testPanel.getByLabel('Sample result (JSON)').fill(json);
    if (status !== undefined) await this.testPanel.getByLabel('HTTP status').fill(String(status));
  }

  async addSampleVariable(kind: 'Bot variable' | 'Environment variable', key: string, value: string): Promise<void> {
    const rows = await this.testPanel.getByLabel(new RegExp(`^${kind} key \\d+$`)).count();
    await this.testPanel.getByRole('button', { name: `Add ${kind.toLowerCase()}` }).click();
    await this.testPanel.getByLabel(`${kind} key ${rows + 1}`, { exact: true }).fill(key);
    await this.testPanel.getByLabel(`${kind} value ${rows + 1}`, { exact: true }).fill(value);
  }

  /** Runs the test and waits until it has finished (results or an error). */
  async runTest(): Promise<void> {
    const run = this.testPanel.getByRole('button', { name: 'Run test' });
    await run.click();
    await expect(this.testPanel.getByRole('button', { name: 'Run test' })).toBeEnabled({ timeout: 20_000 });
  }

  /** The value cell of one custom data field in the results table. */
  testValue(key: string): Locator {
    return this.page
      .getByTestId('test-custom-data')
      .getByRole('row', { name: new RegExp(`^${key}\\b`) })
      .getByRole('cell');
  }

  testVariable(key: string): Locator {
    return this.page
      .getByTestId('test-bot-variables')
      .getByRole('row', { name: new RegExp(`^${key}\\b`) })
      .getByRole('cell');
  }

  get testDebugLog(): Locator {
    return this.page.getByTestId('test-debug-log').getByRole('listitem');
  }

  get testError(): Locator {
    return this.page.getByTestId('test-error');
  }
}
