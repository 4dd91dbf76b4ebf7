// An improvement item cannot be due before the drill it came from was held: the form says so at 完成时限.
import { expect, invoke, screenshot, test } from './fixtures';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区林业局', contact: '', title: '', phone: '', duty: '' }] };

test('refuses an item deadline before the drill was held, at the field, naming both dates', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  // Planned for 2026-01-05, its clock started today: it counts as held today (the 最近演练 rule).
  const drill = await invoke<{ id: string }>(page, 'drill.create', {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
    planLinks: [], objectives: [], date: '2026-01-05', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
  });
  await invoke(page, 'run.log', { drillId: drill.id, type: 'clock.start' });
  await invoke(page, 'finding.save', { drillId: drill.id, finding: { kind: 'problem', title: '信息报告超时', detail: '', criterionId: null, injectIds: [], observationIds: [], clauses: [], unit: '区林业局' } });
  const { today, yesterday } = await page.evaluate(() => {
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const d = new Date();
    const y = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1);
    return { today: iso(d), yesterday: iso(y) };
  });

  await page.goto(`${host.url}/#/evaluation/${drill.id}`);
  await page.getByRole('tab', { name: /发现/ }).click();
  await page.getByTestId('raise-item').click();
  await page.getByTestId('item-unit').click();
  await page.locator('.ant-select-item-option', { hasText: '区林业局' }).click();
  const deadline = page.getByTestId('item-form').locator('input[data-testid="item-deadline"], [data-testid="item-deadline"] input').first();
  await deadline.click();
  await deadline.fill(yesterday);
  await deadline.press('Enter');
  await page.getByRole('button', { name: '保 存' }).click();
  const explain = page.getByTestId('item-form').locator('.ant-form-item-explain-error');
  await expect(explain).toContainText(`完成时限 ${yesterday} 早于该整改事项来源演练的举行日期 ${today}`);
  await screenshot(page, 'evaluation-item-deadline-before-drill');
  expect(await invoke<unknown[]>(page, 'item.list', {})).toEqual([]);

  // The day it was held is allowed.
  await deadline.click();
  await deadline.fill(today);
  await deadline.press('Enter');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('item-form')).toBeHidden();
  expect(await invoke<{ deadline: string }[]>(page, 'item.list', {})).toMatchObject([{ deadline: today }]);
});

test('整改台账 shows each item’s 责任人 as the exported 整改清单 does, — when none was given', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const base = { findingId: null, drillId: null, measure: '', category: '', unit: '区林业局', deadline: '2027-01-31', needsPlanChange: false, clauses: [] };
  await invoke(page, 'item.save', { item: { ...base, description: '信息首报超时', owner: '王林' } });
  await invoke(page, 'item.save', { item: { ...base, description: '物资台账未更新', owner: '' } });
  await page.goto(`${host.url}/#/evaluation`);
  await page.getByRole('tab', { name: '整改台账' }).click();
  const table = page.getByTestId('items-table');
  await expect(table.locator('thead')).toContainText('责任人');
  await expect(table.locator('tr', { hasText: '信息首报超时' }).getByTestId('item-owner')).toHaveText('王林');
  await expect(table.locator('tr', { hasText: '物资台账未更新' }).getByTestId('item-owner')).toHaveText('—');
  await screenshot(page, 'evaluation-ledger-owner');
});
