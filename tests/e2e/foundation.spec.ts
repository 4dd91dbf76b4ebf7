// The shell end to end: every section opens, the district profile saves and survives a reload.
import { expect, screenshot, test } from './fixtures';
import { SettingsPage } from './pages/settings';
import { sections, Shell } from './pages/shell';

test('navigates every section of the workbench', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(host.url);
  await expect(page.getByTestId('profile-incomplete')).toBeVisible();
  await screenshot(page, 'home-empty');
  for (const [key, label] of sections) {
    await shell.go(label);
    await screenshot(page, `section-${key}`);
  }
});

test('edits and saves the district profile, and sees it after a reload', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(host.url);
  await shell.go('设置');
  const settings = new SettingsPage(page);
  await settings.field('区名').fill('小店区');
  await settings.field('人民政府名称').fill('太原市小店区人民政府');
  await settings.field('应急管理部门').fill('太原市小店区应急管理局');
  await settings.addDepartment({ name: '区应急管理局', contact: '王明', title: '局长', phone: '0351-7654321', duty: '承担区应急委办公室日常工作' });
  await settings.addDepartment({ name: '区水务局', contact: '李华', title: '副局长', phone: '13800001234', duty: '防汛抗旱指挥部办公室' });
  await settings.save();
  await screenshot(page, 'settings-saved');

  await page.reload();
  await expect(settings.field('区名')).toHaveValue('小店区');
  await expect(settings.field('人民政府名称')).toHaveValue('太原市小店区人民政府');
  const rows = settings.departmentRows;
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('input').first()).toHaveValue('区水务局');

  await shell.go('工作台');
  await expect(page.getByTestId('profile-incomplete')).toHaveCount(0);
});

test('shows field errors in Chinese and saves nothing when the profile is invalid', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(`${host.url}/#/settings`);
  const settings = new SettingsPage(page);
  await settings.field('区名').fill('小店区');
  await settings.addDepartment({ name: '区应急管理局', contact: '', title: '', phone: 'abc', duty: '' });
  await page.getByTestId('profile-save').click();
  await expect(page.getByText('电话号码格式不正确')).toBeVisible();
  await page.reload();
  await expect(settings.field('区名')).toHaveValue('');
});
