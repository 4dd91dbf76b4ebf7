// Page objects for the programme, the script editor and the live console.
import { expect, type Page } from '@playwright/test';

export class Drills {
  constructor(readonly page: Page) {}

  /** Creates a drill through 新建演练, linking the named plan; lands on the drill's page. */
  async create(name: string, planTitle: RegExp, date: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: '演练计划' }).click();
    await this.page.getByTestId('new-drill').click();
    const form = this.page.getByTestId('drill-form');
    await form.getByLabel('演练名称').fill(name);
    await form.getByLabel('重大自然灾害').check();
    const dateInput = form.getByLabel('日期', { exact: true });
    await dateInput.click();
    await dateInput.fill(date);
    await dateInput.press('Enter');
    await this.page.getByTestId('drill-plans').click();
    await this.page.locator('.ant-select-item-option', { hasText: planTitle }).first().click();
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('button', { name: '保 存' }).click();
    await expect(this.page.getByTestId('page-title')).toHaveText(name);
  }

  get log() {
    return this.page.getByTestId('run-log').getByTestId('log-entry');
  }
}
