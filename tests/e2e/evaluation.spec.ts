// Closing the loop: evaluate a run drill, raise an improvement item on a plan clause, revise the plan, see it resolved.
import { expect, invoke, screenshot, test } from './fixtures';
import type { PlanDetail } from '../../electron/shared/schemas/plan';
import { PlanEditor } from './pages/plan-editor';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区应急管理局', contact: '', title: '', phone: '', duty: '' }, { id: 'd2', name: '区林业局', contact: '', title: '', phone: '', duty: '' }] };

test('evaluates a drill, raises an item on a clause, revises the plan and resolves the request with the version', async ({ page, host }) => {
  await page.goto(host.url);
  // A run drill, set up through the same API the app uses.
  const ids = await page.evaluate(async (profile) => {
    const call = async (c: string, i: unknown) => {
      const r = (await window.workbench!.invoke(c, i)) as { ok: boolean; data: { id?: string; injects?: { id: string }[] }; error?: unknown };
      if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
      return r.data;
    };
    await call('profile.save', profile);
    const plan = await call('plan.create', { templateId: 'forest-fire', revision: '2024' });
    const drill = await call('drill.create', {
      name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: ['检验信息报告时限'], date: '2026-03-10', startTime: '09:00', endTime: null, place: '区应急指挥中心', organizer: '区应急管理局', participants: ['区林业局'], notes: '',
    });
    const script = await call('script.generate', { drillId: drill.id, planId: plan.id });
    await call('script.save', { drillId: drill.id, script });
    for (const e of [{ type: 'clock.start' }, { type: 'inject.delivered', injectId: script.injects![0]!.id }, { type: 'action', text: '区林业局接报后电话报告', injectId: script.injects![0]!.id }, { type: 'observation', text: '首报超过30分钟', tags: ['信息报告'] }, { type: 'inject.skipped', injectId: script.injects![1]!.id }, { type: 'clock.end' }]) {
      await call('run.log', { drillId: drill.id, ...e });
    }
    await call('drill.set-status', { id: drill.id, status: 'conducted' });
    return { planId: plan.id as string, drillId: drill.id as string };
  }, PROFILE);

  await page.getByRole('menuitem', { name: '评估与整改' }).click();
  await page.getByTestId('open-evaluation').click();
  await page.getByTestId('add-evaluator').click();
  await page.getByTestId('evaluator-name').fill('李评估');
  await page.locator('[data-testid="answer-score"] input, input[data-testid="answer-score"]').first().fill('8');
  await page.getByTestId('answer-level').first().click();
  await page.locator('.ant-select-item-option', { hasText: '部分达到' }).first().click();
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('eval-total')).not.toContainText('—');
  await page.getByRole('tab', { name: '时间线分析' }).click();
  await expect(page.getByTestId('timing-table')).toContainText('未发送');
  await expect(page.getByTestId('timeline-chart').locator('svg')).toBeVisible();
  await screenshot(page, 'evaluation-timeline');

  await page.getByRole('tab', { name: /发现/ }).click();
  await page.getByTestId('add-finding').click();
  await page.getByTestId('finding-title').fill('信息报告超时');
  // The linked inject and record are found by what the list shows (第1条…, the record's words), not by their ids.
  await page.getByTestId('finding-injects').click();
  await page.keyboard.type('第1条');
  await page.locator('.ant-select-item-option', { hasText: '第1条' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('finding-injects')).toContainText('第1条');
  await page.getByTestId('finding-observations').click();
  await page.keyboard.type('首报超过');
  await page.locator('.ant-select-item-option', { hasText: '首报超过30分钟' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('finding-observations')).toContainText('首报超过30分钟');
  await page.getByTestId('finding-clauses').click();
  await page.keyboard.type('报告时限');
  await page.locator('.ant-select-tree-treenode', { hasText: '报告时限与程序' }).locator('.ant-select-tree-checkbox').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('finding-form').getByLabel('涉及单位').fill('区林业局');
  // A stray Escape (meant for a closed list) does not throw the typed finding away.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('finding-title')).toHaveValue('信息报告超时');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('finding-item')).toContainText('信息报告超时');
  await page.getByTestId('raise-item').click();
  await page.getByTestId('item-unit').click();
  await page.locator('.ant-select-item-option', { hasText: '区林业局' }).click();
  await expect(page.getByTestId('item-needs-plan')).toBeChecked();
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('items-table')).toContainText('待修订预案');
  await screenshot(page, 'evaluation-findings');

  // The plan shows the request; a new version that rewrites the clause resolves it.
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await expect(page.getByTestId('tag-requests')).toHaveText('1 项修订请求');
  await page.goto(`${host.url}/#/plans/${ids.planId}`);
  const ed = new PlanEditor(page);
  await expect(page.getByTestId('requests-panel')).toContainText('待修订');
  await expect(ed.heading('报告时限与程序')).toHaveAttribute('data-mark', 'request');
  await page.getByTestId('open-history').click();
  await page.getByTestId('save-version').click();
  await page.getByTestId('version-note').fill('修订前基线');
  // The clause is not changed yet: nothing to close with this version.
  await expect(page.getByRole('dialog', { name: '保存版本' })).toBeVisible();
  await expect(page.getByTestId('resolve-on-save')).toHaveCount(0);
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByRole('dialog', { name: '版本与状态' }).getByRole('button', { name: '关闭' }).click();
  await ed.caretAtEnd(ed.heading('报告时限与程序').locator('xpath=following-sibling::p[1]'));
  await ed.typeAndSave('各单位接报后须在15分钟内电话报告。');
  await page.getByTestId('open-history').click();
  await page.getByTestId('save-version').click();
  await page.getByTestId('version-note').fill('根据演练评估修订信息报告时限');
  // The dialog offers to close the request whose clause the draft changed, checked already.
  const closeIt = page.getByTestId('resolve-on-save').getByRole('checkbox', { name: /信息报告超时/ });
  await expect(closeIt).toBeChecked();
  await expect(page.getByTestId('resolve-on-save')).toContainText('报告时限与程序');
  await screenshot(page, 'save-version-resolves');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByRole('dialog', { name: '版本与状态' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('requests-panel')).toContainText('已由 V2 修订');
  await expect(page.getByTestId('requests-panel')).toContainText('修订请求（待办 0）');
  await screenshot(page, 'plan-request-resolved');

  await page.goto(`${host.url}/#/evaluation/${ids.drillId}`);
  await page.getByRole('tab', { name: /发现/ }).click();
  await expect(page.getByTestId('request-resolved')).toHaveText('已由 V2 修订');

  // Along the loop by clicking: item → its finding, marked; finding → the plan at its clause; 已由 V2 修订 → the plan's versions.
  await page.goto(`${host.url}/#/evaluation`);
  await page.getByRole('tab', { name: '整改台账' }).click();
  await page.getByTestId('item-finding').click();
  await expect(page.locator('[data-testid="finding-item"][data-focused="true"]')).toContainText('信息报告超时');
  await screenshot(page, 'evaluation-finding-focused');
  await page.getByTestId('finding-clause-link').filter({ hasText: '报告时限与程序' }).click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${ids.planId}/at/`));
  await expect(ed.heading('报告时限与程序')).toBeVisible();
  await page.goto(`${host.url}/#/evaluation/${ids.drillId}`);
  await page.getByRole('tab', { name: /发现/ }).click();
  await page.getByTestId('request-resolved').click();
  await expect(page.getByRole('dialog', { name: '版本与状态' })).toContainText('根据演练评估修订信息报告时限');
});

test('publishing the revision that rewrites the requested clause offers to close the request, and closes it with the published version', async ({ page, host }) => {
  await page.goto(host.url);
  const { id } = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const plan = await invoke<PlanDetail>(page, 'plan.set-status', { id, to: 'published', date: '2026-01-10', actor: '', department: '区人民政府' }); // V1
  const clause = plan.doc.sections.find((s) => s.title === '报告时限与程序')!;
  await invoke(page, 'item.save', { item: { findingId: null, drillId: null, description: '信息首报超时', measure: '', category: '', unit: '区林业局', owner: '', deadline: '2027-01-31', needsPlanChange: true, clauses: [{ planId: plan.id, sectionId: clause.id }] } });
  await invoke(page, 'plan.set-status', { id: plan.id, to: 'draft', date: '2026-03-01', actor: '', department: '' });

  await page.goto(`${host.url}/#/plans/${plan.id}`);
  const ed = new PlanEditor(page);
  await ed.caretAtEnd(ed.heading('报告时限与程序').locator('xpath=following-sibling::p[1]'));
  await ed.typeAndSave('各单位接报后须在15分钟内电话报告。');
  await page.getByTestId('open-history').click();
  await page.getByTestId('history-drawer').getByTestId('status-published').click();
  const publish = page.getByRole('dialog', { name: '发布' });
  const closeIt = publish.getByTestId('resolve-on-save').getByRole('checkbox', { name: /信息首报超时/ });
  await expect(closeIt).toBeChecked();
  await screenshot(page, 'publish-resolves');
  await publish.getByRole('button', { name: '确 定' }).click();
  await expect(page.getByText('并销号 1 项修订请求')).toBeVisible();
  await page.getByRole('dialog', { name: '版本与状态' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('requests-panel')).toContainText('已由 V2 修订');
  await expect(page.getByTestId('requests-panel')).toContainText('修订请求（待办 0）');
});
