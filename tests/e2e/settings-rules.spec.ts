// 设置 → 演练频次规则 end to end: a changed interval makes a plan overdue on the programme and home pages; errors show at
// their fields; defaults come back; unsaved edits are not lost to a click in the navigation or a reload.
import { expect, screenshot, test } from './fixtures';
import { RulesCard, SettingsPage } from './pages/settings';
import { Shell } from './pages/shell';

/** YYYY-MM-DD `months` before today (the host checks against its own clock). */
function monthsAgo(months: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

test('an edited drill interval makes a plan overdue on the programme and home pages; defaults come back', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(host.url);
  // A plan last drilled 2½ years ago: within the shipped three-year cycle, past a two-year one.
  const planTitle = await page.evaluate(async (date) => {
    const call = async (c: string, i: unknown) => {
      const r = (await window.workbench!.invoke(c, i)) as { ok: boolean; data: { id: string; title: string }; error?: unknown };
      if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
      return r.data;
    };
    const plan = await call('plan.create', { templateId: 'forest-fire', revision: '2024' });
    const drill = await call('drill.create', {
      name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date, startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
    });
    await call('drill.set-status', { id: drill.id, status: 'conducted' });
    return plan.title;
  }, monthsAgo(30));
  const planLine = (state: string) => page.getByTestId('compliance-card').getByTestId(`compliance-${state}`).filter({ hasText: planTitle });

  await shell.go('演练计划');
  await expect(planLine('met')).toContainText('专项和部门应急预案至少每3年演练1次');
  await expect(planLine('overdue')).toHaveCount(0);

  // The programme's check leads to the rules it applies.
  await page.getByTestId('compliance-rules-link').click();
  await expect(page.getByTestId('page-title')).toHaveText('设置');
  const rules = new RulesCard(page);
  await expect(rules.rows).toHaveCount(3);
  await expect(rules.input(1, 'rule-years')).toHaveValue('3');
  // The core's own messages, at the field.
  await rules.input(1, 'rule-years').fill('0');
  await rules.input(1, 'rule-label').fill('');
  await rules.save();
  await expect(rules.rows.nth(1).locator('.ant-form-item-explain-error')).toHaveText(['规则名称不能为空', '演练周期至少为 1 年']);
  await screenshot(page, 'settings-rules-errors');
  await rules.input(1, 'rule-years').fill('2');
  await rules.input(1, 'rule-label').fill('专项和部门应急预案至少每2年演练1次');
  // A rule of the bureau's own, and the annual rule switched off.
  await page.getByTestId('rule-add').click();
  await page.getByRole('menuitem', { name: '预案演练周期' }).click();
  await expect(rules.rows).toHaveCount(4);
  await rules.input(3, 'rule-label').fill('森林防灭火预案每年演练1次');
  await rules.input(3, 'rule-years').fill('1');
  await rules.input(3, 'rule-match').fill('森林');
  await rules.input(3, 'rule-match').press('Enter');
  await rules.rows.nth(0).getByTestId('rule-enabled').click();
  await rules.save();
  await expect(page.getByText('演练频次规则已保存')).toBeVisible();
  await expect(rules.rows.nth(1)).toContainText('1 项已逾期');
  await expect(rules.rows.nth(0)).toContainText('未启用');
  await screenshot(page, 'settings-rules');

  await shell.go('演练计划');
  await expect(planLine('overdue').filter({ hasText: '专项和部门应急预案至少每2年演练1次' })).toContainText('已超过2年未演练');
  await expect(planLine('overdue').filter({ hasText: '森林防灭火预案每年演练1次' })).toContainText('已超过1年未演练');
  await expect(page.getByTestId('compliance-card')).not.toContainText('重点行业领域或重大自然灾害');
  await screenshot(page, 'drill-programme-rules');
  await shell.go('工作台');
  await expect(page.getByTestId('home-compliance').getByTestId('compliance-overdue').filter({ hasText: planTitle }).first()).toContainText('已超过');
  // The plan's line links to the fix.
  await page.getByTestId('home-compliance').getByTestId('compliance-overdue').filter({ hasText: '每2年' }).getByRole('button', { name: '打开预案' }).click();
  await expect(page).toHaveURL(/#\/plans\//);

  await shell.go('设置');
  await page.getByTestId('rules-reset').click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByText('已恢复默认规则')).toBeVisible();
  await expect(rules.rows).toHaveCount(3);
  await expect(rules.input(1, 'rule-years')).toHaveValue('3');
  await shell.go('演练计划');
  await expect(planLine('met')).toBeVisible();
  await expect(planLine('overdue')).toHaveCount(0);
});

test('asks before unsaved rules or profile edits are lost, and keeps them when asked to stay', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(`${host.url}/#/settings`);
  const rules = new RulesCard(page);
  await rules.input(0, 'rule-label').fill('综合演练每年至少2次');
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
  await expect(ask).toContainText('演练频次规则的修改尚未保存');
  await screenshot(page, 'settings-unsaved-guard');
  await ask.getByRole('button', { name: '留在本页' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('设置');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(rules.input(0, 'rule-label')).toHaveValue('综合演练每年至少2次');

  // Both editors unsaved: one question names both; leaving discards them.
  const settings = new SettingsPage(page);
  await settings.field('区名').fill('小店区');
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(ask).toContainText('演练频次规则、区情信息的修改尚未保存');
  await ask.getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('工作台');
  await shell.go('设置');
  await expect(settings.field('区名')).toHaveValue('');
  await expect(rules.input(0, 'rule-label')).toHaveValue('重点行业领域或重大自然灾害每年至少组织1次综合演练');

  // An edit undone is no edit: the navigation goes through without a question.
  await settings.field('区名').fill('小店区');
  await settings.field('区名').fill('');
  await shell.go('工作台');

  // A reload asks through the browser's own beforeunload dialog.
  await shell.go('设置');
  await settings.field('区名').fill('小店区');
  const dialogs: string[] = [];
  page.once('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(settings.field('区名')).toHaveValue('');
  // Saved: nothing to ask about.
  await settings.field('区名').fill('小店区');
  await settings.save();
  await shell.go('工作台');
});

test('on a new data folder the yearly drill rule reads 待安排 (or 存在风险 in the last 90 days), never 已逾期 before the year ends; no backup yet says why', async ({ page, host }) => {
  const shell = new Shell(page);
  await shell.open(host.url);
  await shell.go('设置');
  const rules = new RulesCard(page);
  await expect(rules.rows).toHaveCount(3);
  // The host checks against its own clock; the last 90 days of the year are flagged as at risk.
  const now = new Date();
  const left = Math.round((Date.UTC(now.getFullYear(), 11, 31) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
  await expect(rules.rows.nth(0)).toContainText(left <= 90 ? '1 项存在风险' : '1 项待安排');
  await expect(rules.rows.nth(0)).not.toContainText('逾期');
  // No backup yet on a new folder reads as what happens next, not as a failed backup.
  await expect(page.getByText('尚无备份：本数据文件夹的数据库是本次启动时新建的')).toContainText('下次启动时将首次自动备份');
  await screenshot(page, 'settings-rules-new-folder');
  await shell.go('演练计划');
  const line = page.getByTestId('compliance-card').getByTestId(left <= 90 ? 'compliance-at-risk' : 'compliance-unscheduled');
  await expect(line).toContainText(`${now.getFullYear()}年尚未组织重点行业领域或重大自然灾害综合演练`);
  await expect(page.getByTestId('compliance-card').getByTestId('compliance-overdue')).toHaveCount(0);
});
