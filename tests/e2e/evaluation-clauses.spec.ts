// The finding and improvement forms' plan-clause pickers: they offer the plan a drill tests even when only its
// script links it, open under their field, and an improvement item that needs a plan change names its clauses,
// which raises the revision request on that plan (a tester's item without clauses used to raise nothing).
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, invoke, screenshot, test } from './fixtures';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区应急管理局', contact: '', title: '', phone: '', duty: '' }, { id: 'd2', name: '区林业局', contact: '', title: '', phone: '', duty: '' }] };

/** A run tabletop drill whose script was generated from the forest-fire plan, then the plan unlinked from the drill. */
async function drillLinkedOnlyByScript(page: Page): Promise<{ planId: string; drillId: string }> {
  await invoke(page, 'profile.save', PROFILE);
  const plan = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const input = {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
    planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: ['检验信息报告时限'], date: '2026-03-10', startTime: '09:00', endTime: null, place: '区应急指挥中心', organizer: '区应急管理局', participants: ['区林业局'], notes: '',
  };
  const drill = await invoke<{ id: string }>(page, 'drill.create', input);
  const script = await invoke<{ injects: { id: string }[] }>(page, 'script.generate', { drillId: drill.id, planId: plan.id });
  await invoke(page, 'script.save', { drillId: drill.id, script });
  await invoke(page, 'drill.update', { id: drill.id, drill: { ...input, planLinks: [] } });
  for (const e of [{ type: 'clock.start' }, { type: 'inject.delivered', injectId: script.injects[0]!.id }, { type: 'observation', text: '首报超过30分钟', tags: ['信息报告'] }, { type: 'clock.end' }]) {
    await invoke(page, 'run.log', { drillId: drill.id, ...e });
  }
  return { planId: plan.id, drillId: drill.id };
}

/** The open dropdown's list starts below its field (it does not cover the fields above) and fits in the window. */
async function expectListBelow(field: Locator, page: Page): Promise<void> {
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(list).toBeVisible();
  await expect(async () => {
    const [f, l] = [await field.boundingBox(), await list.boundingBox()];
    expect(l!.y).toBeGreaterThanOrEqual(f!.y + f!.height);
    expect(l!.y + l!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  }).toPass();
}

/** Escape closes the list; the dialog settles (the room made for the list goes) before the next click. */
async function closeList(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

test('clause pickers offer a plan linked only through the script, open under their field, and an item on a clause raises the request', async ({ page, host }) => {
  await page.goto(host.url);
  const { planId, drillId } = await drillLinkedOnlyByScript(page);
  await page.goto(`${host.url}/#/evaluation/${drillId}`);
  await page.getByRole('tab', { name: /发现/ }).click();

  // A finding without clauses, as the tester recorded it.
  await page.getByTestId('add-finding').click();
  const finding = page.getByTestId('finding-form');
  await finding.getByTestId('finding-title').fill('信息报告超时');
  await finding.getByLabel('涉及单位').fill('区林业局');
  const clauses = page.getByTestId('finding-clauses');
  await clauses.click();
  await expectListBelow(clauses, page);
  await expect(page.locator('.ant-select-tree-treenode', { hasText: '小店区森林火灾应急预案' })).toBeVisible();
  await expect(page.locator('.ant-select-tree-treenode', { hasText: '1.1 编制目的' })).toBeVisible();
  await screenshot(page, 'evaluation-finding-clauses');
  await closeList(page);
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('finding-item')).toContainText('信息报告超时');

  // 提出整改: a plan change without a clause is refused at the field; the script's plan is offered and chosen.
  await page.getByTestId('raise-item').click();
  const form = page.getByTestId('item-form');
  await form.getByTestId('item-unit').click();
  await page.locator('.ant-select-item-option', { hasText: '区林业局' }).click();
  await expect(form.getByTestId('item-sections')).toHaveCount(0);
  await form.getByTestId('item-needs-plan').check();
  await expect(form.getByTestId('item-plan')).toContainText('小店区森林火灾应急预案（本次演练检验）');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(form).toContainText('请选择需修订的条款（至少一条），才能向预案提出修订请求');
  expect(await invoke<unknown[]>(page, 'item.list', {})).toEqual([]);

  const sections = form.getByTestId('item-sections');
  await sections.click();
  await expectListBelow(sections, page);
  await screenshot(page, 'evaluation-item-clauses');
  await page.keyboard.type('报告时限');
  await page.locator('.ant-select-tree-treenode', { hasText: '报告时限与程序' }).locator('.ant-select-tree-checkbox').first().click();
  await closeList(page);
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('items-table')).toContainText('待修订预案');
  const requests = await invoke<{ planId: string; status: string }[]>(page, 'request.list', { planId });
  expect(requests).toMatchObject([{ planId, status: 'open' }]);

  // 待修订预案 opens the plan at the clause to revise, not at its start.
  await page.getByTestId('request-open').click();
  await expect(page.locator('.outline-item.current')).toContainText('报告时限与程序');
  await expect(page.getByTestId('lineage-panel')).toContainText('报告时限与程序');
  // The 工作台 names the clause waiting for revision and opens the plan there.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('home-requests')).toContainText('报告时限与程序');
  await screenshot(page, 'home-open-requests');
  await page.getByTestId('home-requests').getByRole('button', { name: '打开条款' }).click();
  await expect(page.locator('.outline-item.current')).toContainText('报告时限与程序');
});

test('an item saved needing a plan change but naming no clause says it raised nothing, and naming one raises the request', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const { id: planId } = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const plan = await invoke<{ id: string; doc: { sections: { id: string; title: string }[] } }>(page, 'plan.get', { id: planId });
  const drill = await invoke<{ id: string }>(page, 'drill.create', {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
    planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '', organizer: '区应急管理局', participants: [], notes: '',
  });
  const clause = { planId: plan.id, sectionId: plan.doc.sections.find((s) => s.title === '报告时限与程序')!.id };
  const item = await invoke<{ id: string }>(page, 'item.save', { item: { findingId: null, drillId: drill.id, description: '信息报告超时', measure: '', category: '预案', unit: '区林业局', owner: '', deadline: '2026-06-30', needsPlanChange: true, clauses: [clause] } });
  // What the tester's run left: 需要修订预案 ticked, no clause, so no request (the core now refuses to save that).
  const db = new Database(path.join(host.dataDir, 'workbench.db'));
  db.prepare("UPDATE improvement_items SET data_json = json_set(data_json, '$.clauses', json('[]')) WHERE id = ?").run(item.id);
  db.prepare('DELETE FROM revision_requests WHERE item_id = ?').run(item.id);
  db.close();

  await page.goto(`${host.url}/#/evaluation`);
  await page.getByRole('tab', { name: '整改台账' }).click();
  await page.getByTestId('request-missing').click();
  const form = page.getByTestId('item-form');
  await expect(form.getByTestId('item-needs-plan')).toBeChecked();
  await expect(form.getByTestId('item-plan')).toContainText('小店区森林火灾应急预案');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(form).toContainText('请选择需修订的条款（至少一条）');
  await form.getByTestId('item-sections').click();
  await page.keyboard.type('报告时限');
  await page.locator('.ant-select-tree-treenode', { hasText: '报告时限与程序' }).locator('.ant-select-tree-checkbox').first().click();
  await closeList(page);
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('items-table')).toContainText('待修订预案');
  expect(await invoke<unknown[]>(page, 'request.list', { planId: plan.id })).toMatchObject([{ itemId: item.id, sectionIds: [clause.sectionId], status: 'open' }]);
});

test('提出整改 on a finding that names clauses of two plans takes the first plan’s clauses and names the other plan', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const plans: { id: string; title: string; doc: { sections: { id: string; title: string }[] } }[] = [];
  for (const [templateId, revision] of [['forest-fire', '2024'], ['flood-drought', '2025']]) {
    const { id } = await invoke<{ id: string }>(page, 'plan.create', { templateId, revision });
    plans.push(await invoke(page, 'plan.get', { id }));
  }
  const [fire, flood] = plans as [(typeof plans)[number], (typeof plans)[number]];
  const drill = await invoke<{ id: string }>(page, 'drill.create', {
    name: '森林火灾与防汛联合桌面推演', form: 'tabletop', scope: 'comprehensive', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
    planLinks: [{ planId: fire.id, sectionIds: [] }, { planId: flood.id, sectionIds: [] }], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '', organizer: '区应急管理局', participants: [], notes: '',
  });
  const inFire = { planId: fire.id, sectionId: fire.doc.sections.find((s) => s.title === '报告时限与程序')!.id };
  const inFlood = { planId: flood.id, sectionId: flood.doc.sections[3]!.id };
  await invoke(page, 'finding.save', { drillId: drill.id, finding: { kind: 'problem', title: '信息报告超时', detail: '', criterionId: null, injectIds: [], observationIds: [], clauses: [inFire, inFlood], unit: '区林业局' } });

  await page.goto(`${host.url}/#/evaluation/${drill.id}`);
  await page.getByRole('tab', { name: /发现/ }).click();
  await page.getByTestId('raise-item').click();
  const form = page.getByTestId('item-form');
  await expect(form.getByTestId('item-needs-plan')).toBeChecked();
  await expect(form.getByTestId('item-plan')).toContainText(fire.title);
  await expect(form.getByTestId('item-clauses-elsewhere')).toContainText(`该发现还涉及《${flood.title}》的 1 个条款`);
  await expect(form.getByTestId('item-sections')).toContainText('报告时限与程序');
  await screenshot(page, 'evaluation-item-two-plans');
  await form.getByTestId('item-unit').click();
  await page.locator('.ant-select-item-option', { hasText: '区林业局' }).click();
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('items-table')).toContainText('待修订预案');
  expect(await invoke<unknown[]>(page, 'request.list', {})).toMatchObject([{ planId: fire.id, sectionIds: [inFire.sectionId] }]);
});
