// Following a municipal revision end to end; versions, compare, publish; importing a revision; full-text search.
import fs from 'node:fs';
import path from 'node:path';
import { expect, invoke, REPO, screenshot, test } from './fixtures';
import type { PlanSummary } from '../../electron/shared/schemas/plan';
import { PlanEditor } from './pages/plan-editor';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区应急管理局', contact: '', title: '', phone: '', duty: '' }] };

test('merges the newer municipal revision into an edited plan, then compares with the previous version', async ({ page, host }) => {
  await page.goto(host.url);
  await page.evaluate((p) => window.workbench!.invoke('profile.save', p), PROFILE);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await expect(page.getByTestId('upstream-alert')).toContainText('2024');

  // District edits: one clause the city also rewrote (a conflict), one the city left alone.
  await ed.caretAtEnd(ed.paragraph('森林火灾发生后，事发地街道'));
  await ed.typeAndSave('本区要求15分钟内报告。');
  await ed.caretAtEnd(ed.paragraph('报告内容主要包括：起火时间'));
  await ed.typeAndSave('本区补充。');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('home-upstream')).toContainText('2024');
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await expect(page.getByTestId('tag-upstream')).toBeVisible();
  await page.getByTestId('plan-table').locator('a').first().click();

  await page.getByTestId('open-merge').click();
  await expect(page.getByTestId('merge-conflict').first()).toBeVisible();
  // 2024 renamed the command (taken); its new lead unit is already a member unit in the plan (not taken by default).
  const names = page.getByTestId('merge-names');
  await expect(names).toContainText('将“区森林防火指挥部”改为“区森林草原防灭火指挥部”');
  await expect(names.getByTestId('adopt-name-指挥部名称')).toBeChecked();
  await expect(names.getByTestId('adopt-name-牵头单位')).not.toBeChecked();
  await expect(names).toContainText('全文替换会造成重复');
  await names.getByTestId('adopt-name-指挥部名称').click();
  await expect(names.getByTestId('adopt-name-指挥部名称')).not.toBeChecked();
  await names.getByTestId('adopt-name-指挥部名称').click();
  await expect(names.getByTestId('adopt-name-指挥部名称')).toBeChecked();
  await expect(page.getByTestId('merge-conflict').first()).toBeVisible();
  await screenshot(page, 'merge-conflicts');
  const conflicts = page.getByTestId('merge-conflict');
  const n = await conflicts.count();
  expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('merge-apply')).toBeDisabled();
  for (let i = 0; i < n; i++) {
    const card = conflicts.nth(i);
    const mine = (await card.textContent())!.includes('本区要求15分钟内报告');
    await card.getByLabel(mine ? '保留本区文本' : '采用上位文本').check();
  }
  await page.getByRole('tab', { name: /上位变化/ }).click();
  await expect(page.getByTestId('upstream-changes')).toContainText('新增');
  // The city's text reads with the plan's names (the agency as the plan holds it), never as {{指挥部名称}}.
  await expect(page.getByTestId('upstream-changes')).toContainText('区森林草原防灭火指挥部');
  await expect(page.getByTestId('upstream-changes')).not.toContainText('{{');
  await screenshot(page, 'merge-upstream-changes');
  await page.getByRole('tab', { name: /逐条处理/ }).click();
  await page.getByTestId('merge-apply').click();

  await expect(ed.docPage).toBeVisible();
  await expect(page.getByTestId('upstream-alert')).toHaveCount(0);
  await expect(ed.paragraph('本区要求15分钟内报告。')).toBeVisible();
  await expect(ed.paragraph('本区补充。')).toBeVisible();
  await expect(ed.outlineItem('风险分析')).toBeVisible();
  await expect(ed.docPage).toContainText('区森林草原防灭火指挥部');
  await expect(ed.docPage).not.toContainText('区森林防火指挥部');

  await page.getByTestId('open-history').click();
  const drawer = page.getByTestId('history-drawer');
  await expect(drawer.getByTestId('version-item').first()).toContainText('依据《市森林火灾应急预案》（2024年修订，替代2019年修订）修订');
  await drawer.getByRole('button', { name: '对比上一版' }).first().click();
  await expect(page.getByTestId('compare-stats')).toContainText(/新增 [1-9]/);
  await expect(page.getByTestId('compare-change').first()).toBeVisible();
  await screenshot(page, 'compare-versions');
});

test('saves a version, publishes it read-only with a review date, and starts a new draft', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/气象灾害/);
  await page.getByTestId('open-history').click();
  const drawer = page.getByTestId('history-drawer');
  await drawer.getByTestId('save-version').click();
  await page.getByTestId('version-note').fill('初稿完成');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(drawer.getByTestId('version-item')).toHaveCount(1);
  await drawer.getByTestId('status-published').click();
  // The publishing department need not be one of the departments in 设置.
  const publish = page.getByRole('dialog', { name: '发布' });
  await publish.getByTestId('status-department').locator('input').fill('区人民政府办公室');
  await publish.getByRole('button', { name: '确 定' }).click();
  await expect(drawer).toContainText('下次评估日期');
  await expect(drawer).toContainText('草稿 → 已发布 · 区人民政府办公室');
  // Published straight from 草稿: 征求意见 and 送审 never happened, the step bar says so rather than ticking them.
  await expect(drawer.locator('.plan-status-steps .status-step-skipped')).toHaveText([/征求意见.*未经过/, /送审.*未经过/]);
  await expect(drawer.locator('.plan-status-steps .ant-steps-item-finish')).toHaveText([/草稿/]);
  await expect(page.locator('.ant-modal-wrap')).toBeHidden(); // its closing animation over, for the screenshot
  await expect(drawer.getByTestId('version-item')).toHaveCount(2);
  await screenshot(page, 'history-published');
  await page.getByRole('dialog', { name: '版本与状态' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('已发布的预案不可修改')).toBeVisible();
  expect(await ed.docPage.locator('.chapter-editable').first().getAttribute('contenteditable')).toBe('false');
  await page.getByTestId('open-history').click();
  await drawer.getByTestId('status-draft').click();
  await page.getByRole('dialog', { name: '创建修订稿' }).getByRole('button', { name: '确 定' }).click();
  await page.getByRole('dialog', { name: '版本与状态' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('已发布的预案不可修改')).toHaveCount(0);
  expect(await ed.docPage.locator('.chapter-editable').first().getAttribute('contenteditable')).toBe('true');
});

test('the drawer shows every version by its own number and the 修订记录 numbered 1, 2, 3 without the backup and the restore', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const plan = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  await invoke(page, 'plan.save-version', { id: plan.id, note: '初稿' }); // V1
  await invoke(page, 'plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions: [] }); // V2 backup, V3 merge
  const { versions } = await invoke<{ versions: { id: string; seq: number }[] }>(page, 'plan.history', { id: plan.id });
  await invoke(page, 'plan.restore-version', { id: plan.id, versionId: versions.find((v) => v.seq === 3)!.id }); // V4
  await invoke(page, 'plan.save-version', { id: plan.id, note: '根据演练评估修改' }); // V5

  await page.goto(`${host.url}/#/plans/${plan.id}`);
  await page.getByTestId('open-history').click();
  const drawer = page.getByTestId('history-drawer');
  const items = drawer.getByTestId('version-item');
  await expect(items).toHaveCount(5);
  await expect(items.locator('.ant-tag').filter({ hasText: /^V\d$/ })).toHaveText(['V5', 'V4', 'V3', 'V2', 'V1']);
  await expect(items.nth(1)).toContainText('恢复');
  await expect(items.nth(3)).toContainText('自动备份');
  // Each version says where it stands in the 修订记录, or that it is not in it.
  await expect(items.getByTestId('version-record-no')).toHaveText(['修订记录第3条', '修订记录第2条', '修订记录第1条']);
  await expect(items.nth(1).getByTestId('version-not-in-record')).toBeVisible();
  await expect(items.nth(3).getByTestId('version-not-in-record')).toBeVisible();
  await screenshot(page, 'history-versions-internal');
  const rows = drawer.getByTestId('revision-record').locator('tbody tr');
  await expect(rows.locator('td:nth-child(1)')).toHaveText(['1', '2', '3']);
  await expect(rows.locator('td:nth-child(2)')).toHaveText(['V1', 'V3', 'V5']);
  await drawer.getByTestId('revision-record').scrollIntoViewIfNeeded();
  await screenshot(page, 'history-revision-record');
});

test('imports a municipal revision from a file; a malformed file is refused with line numbers', async ({ page, host }) => {
  const src = fs.readFileSync(path.join(REPO, 'templates', 'plans', 'earthquake', '2022.md'), 'utf8');
  const next = src.replace(/supersedes:.*\n/, '').replace('revision: "2022"', 'revision: "2026"').replace('revisionYear: 2022', 'revisionYear: 2026').replace('---\n', '---\nsupersedes: "2022"\n');
  const bad = next.replace('{#general.purpose}', '');
  await page.goto(`${host.url}/#/templates`);
  for (const [name, content] of [['地震-坏文件.md', bad], ['地震-2026.md', next]] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('template-import').click();
    await (await chooser).setFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(content) });
    if (name.includes('坏')) await expect(page.getByText(/第 \d+ 行/).first()).toBeVisible();
  }
  await expect(page.getByTestId('template-earthquake-2026')).toBeVisible();
  await expect(page.getByTestId('template-earthquake-2026')).toContainText('替代 2022');
  await screenshot(page, 'template-imported');
});

test('full-text search finds Chinese text in every plan and opens the plan at the hit', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/地质灾害/);
  await ed.create(/防汛抗旱.*2025/);
  await ed.caretAtEnd(ed.paragraph('汛情、险情、灾情信息实行分级报告'));
  await ed.typeAndSave('重点关注地下空间积水。');
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await page.getByTestId('plan-search').locator('input').fill('地下空间积水');
  await page.getByTestId('plan-search').locator('input').press('Enter');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText('地下空间积水');
  await screenshot(page, 'search-results');
  await page.getByTestId('search-hit').click();
  await expect(page.getByTestId('outline').locator('.outline-item.current')).toContainText('报告时限');
});

test('full-text search reaches archived plans when they are shown, and tells same-titled plans apart by 编号', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const live = await invoke<PlanSummary>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  const old = await invoke<PlanSummary>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  await invoke(page, 'plan.archive', { id: old.id, archived: true });
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await page.getByTestId('plan-search').locator('input').fill('高效组织开展森林火灾扑救工作');
  await page.getByTestId('plan-search').locator('input').press('Enter');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.getByTestId('search-hit-code')).toHaveText(live.code);
  await page.getByTestId('show-archived').click();
  await expect(hits).toHaveCount(2);
  await expect(hits.getByTestId('search-hit-code')).toHaveText([live.code, old.code]);
  await expect(hits.nth(1)).toContainText('已归档');
  await expect(hits.nth(0)).not.toContainText('已归档');
  await screenshot(page, 'search-results-archived');
  await hits.nth(1).click();
  await expect(page.getByTestId('plan-code')).toHaveText(old.code);
});

test('模板库 compares two municipal revisions of a plan clause by clause; a template with one revision offers no comparison', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '模板库' }).click();
  await page.getByTestId('template-forest-fire-2024').click();
  await page.getByTestId('template-compare-open').click();
  const drawer = page.getByTestId('template-compare');
  // Opens on the revision it replaces: 2019 → 2024.
  await expect(drawer.getByTestId('template-compare-from')).toContainText('2019 修订');
  await expect(drawer.getByTestId('template-compare-to')).toContainText('2024 修订');
  await expect(drawer.getByTestId('template-compare-stats')).toContainText('新增');
  const changes = drawer.getByTestId('template-compare-changes').getByTestId('clause-change');
  await expect(changes.first()).toBeVisible();
  await expect(drawer.getByTestId('template-compare-changes')).toContainText('森林草原防灭火指挥部');
  await expect(drawer.locator('.diff-text ins').first()).toBeVisible();
  await screenshot(page, 'templates-compare');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // 地震 has one revision: nothing to compare it with.
  await page.getByTestId('template-earthquake-2022').click();
  await expect(page.getByTestId('template-create-plan')).toBeVisible();
  await expect(page.getByTestId('template-compare-open')).toHaveCount(0);
});

test('预案库 shows a published plan under revision as 修订中, not as a plain 草稿, and names the version still in force', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const draft = await invoke<PlanSummary>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const revised = await invoke<PlanSummary>(page, 'plan.create', { templateId: 'earthquake', revision: '2022' });
  await invoke(page, 'plan.set-status', { id: revised.id, to: 'published', date: '2026-01-10', actor: '', department: '区人民政府' });
  await invoke(page, 'plan.set-status', { id: revised.id, to: 'draft', date: '2026-03-01', actor: '', department: '' });
  await page.getByRole('menuitem', { name: '预案库' }).click();
  const row = (code: string) => page.getByTestId('plan-table').locator('tr', { hasText: code });
  await expect(row(revised.code).getByTestId('tag-revising')).toHaveText('修订中');
  await expect(row(revised.code).getByTestId('tag-revising')).toHaveAttribute('title', /2026-01-10 发布的版本仍然有效/);
  await expect(row(draft.code).getByTestId('tag-revising')).toHaveCount(0);
  await expect(row(draft.code)).toContainText('草稿');
  await screenshot(page, 'library-revising');
});
