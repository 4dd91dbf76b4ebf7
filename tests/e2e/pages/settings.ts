// Page object for 设置: the district profile form and its department rows.
import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByTestId('profile-form').getByLabel(label, { exact: true });
  }

  async addDepartment(d: { name: string; contact: string; title: string; phone: string; duty: string }): Promise<void> {
    await this.page.getByTestId('department-add').click();
    const row = this.page.locator('.ant-table-tbody tr.ant-table-row').last();
    const inputs = row.locator('input');
    await inputs.nth(0).fill(d.name);
    await inputs.nth(1).fill(d.contact);
    await inputs.nth(2).fill(d.title);
    await inputs.nth(3).fill(d.phone);
    await inputs.nth(4).fill(d.duty);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('profile-save').click();
    await this.page.getByText('区情信息已保存').waitFor();
  }
}
