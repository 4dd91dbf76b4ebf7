// Page object for 设置: the district profile form and its department rows.
import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  /** The department table's rows (the page has other tables). */
  get departmentRows() {
    return this.page.getByTestId('profile-form').locator('.ant-table-tbody tr.ant-table-row');
  }

  field(label: string) {
    return this.page.getByTestId('profile-form').getByLabel(label, { exact: true });
  }

  async addDepartment(d: { name: string; contact: string; title: string; phone: string; duty: string }): Promise<void> {
    await this.page.getByTestId('department-add').click();
    const row = this.departmentRows.last();
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

/** 设置 → 演练频次规则: one table row per rule. */
export class RulesCard {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('rules-table').locator('tr.ant-table-row');
  }

  /** An input inside the row; antd puts the test id on the input or on its wrapper. */
  input(row: number, testId: string) {
    return this.rows.nth(row).locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"], textarea[data-testid="${testId}"]`).first();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('rules-save').click();
  }
}
