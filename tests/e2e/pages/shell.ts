// Page object for the app shell: the left navigation and the page title.
import { expect, type Page } from '@playwright/test';

export const sections = [
  ['home', '工作台'],
  ['plans', '预案库'],
  ['drills', '演练计划'],
  ['scripts', '演练脚本与实施'],
  ['evaluation', '评估与整改'],
  ['templates', '模板库'],
  ['settings', '设置'],
] as const;

export class Shell {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('page-title')).toBeVisible();
  }

  async go(label: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
    await expect(this.page.getByTestId('page-title')).toHaveText(label);
  }
}
