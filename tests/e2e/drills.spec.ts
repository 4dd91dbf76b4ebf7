// Drill coordinators: plan a drill, link a plan, generate and edit the script, run it, and survive a kill -9.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, freshDataDir, invoke, screenshot, startHostProcess, test, type HostProcess } from './fixtures';
import { Drills } from './pages/drills';
import { PlanEditor } from './pages/plan-editor';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区应急管理局', contact: '', title: '', phone: '', duty: '' }] };

test('plans a drill, generates and edits its script, runs it, and loses nothing when the host is killed', async ({ page }) => {
  const dataDir = freshDataDir();
  let host: HostProcess = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await page.evaluate((p) => window.workbench!.invoke('profile.save', p), PROFILE);
    await new PlanEditor(page).create(/森林火灾.*2024/);
    const drills = new Drills(page);
    const year = new Date().getFullYear();
    await drills.create('2026年森林火灾综合应急演练', /森林火灾应急预案/, `${year}-12-20`);
    await expect(page.getByTestId('drill-plan-links')).toContainText('森林火灾应急预案');
    // 检验的章节: the plan's many clauses are found by typing a number or words of a title.
    await page.getByTestId('drill-plan-links').getByRole('combobox').click();
    await page.keyboard.type('4.2');
    const nodes = page.locator('.ant-select-tree-treenode .ant-select-tree-title');
    await expect(nodes.first()).toHaveText('4.2 报告时限与程序');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('报告内容');
    await expect(nodes).toHaveText(['4.3 报告内容']);
    await screenshot(page, 'drill-sections-search');
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '演练计划' }).click();
    await expect(page.getByTestId('compliance-card')).toBeVisible();
    await screenshot(page, 'drill-programme');
    await page.getByTestId('drill-view').getByText('月历').click();
    await screenshot(page, 'drill-calendar');
    await page.getByTestId('drill-view').getByText('列表').click();
    await page.getByTestId('drill-table').getByText('2026年森林火灾综合应急演练').click();

    // Script: generate from the plan, then edit one inject.
    await page.getByTestId('open-script').click();
    await page.getByTestId('generate-script').click();
    await page.getByTestId('generate-from-plan').click();
    await expect(page.getByTestId('inject-row').first()).toBeVisible();
    // The table renders only the rows on screen; the header counts them all.
    const rows = Number(/(\d+) 条注入/.exec((await page.getByText(/条注入/).first().textContent())!)![1]);
    expect(rows).toBeGreaterThanOrEqual(4);
    const receiver = page.getByTestId('inject-row').first().getByTestId('inject-receiver');
    await receiver.fill('区森林草原防灭火指挥部办公室');
    await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
    await screenshot(page, 'drill-script');
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect(page.getByTestId('script-timeline').locator('circle')).toHaveCount(rows);
    await screenshot(page, 'drill-script-timeline');

    // Run it.
    await page.getByRole('button', { name: '进入实施' }).click();
    await page.getByTestId('clock-start').click();
    await expect(page.getByTestId('clock-status')).toHaveText('进行中');
    await expect(page.getByTestId('current-inject')).toContainText('第 1 条');
    await page.keyboard.press('d');
    await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(1);
    await expect(page.getByTestId('current-inject')).toContainText('第 2 条');
    await page.keyboard.press('o');
    await page.getByTestId('observation-input').fill('指挥部办公室接报后5分钟内完成首报');
    await page.getByTestId('observation-input').press('Enter');
    await expect(drills.log.filter({ hasText: '指挥部办公室接报后5分钟内完成首报' })).toHaveCount(1);
    await page.getByTestId('action-input').fill('区应急管理局启动Ⅳ级响应');
    await page.getByTestId('action-input').press('Enter');
    await page.getByTestId('clock-pause').click();
    await expect(page.getByTestId('clock-status')).toHaveText('已暂停');
    await page.getByTestId('clock-resume').click();
    await expect(page.getByTestId('clock-status')).toHaveText('进行中');
    await page.keyboard.press('s');
    await expect(drills.log).toHaveCount(7);
    await screenshot(page, 'drill-console');

    // kill -9 mid-drill: every logged event and the running clock come back.
    const before = await drills.log.allTextContents();
    const clockBefore = await page.getByTestId('drill-clock').textContent();
    await host.stop('SIGKILL');
    host = await startHostProcess(dataDir);
    await page.goto(`${host.url}/${new URL(page.url()).hash}`);
    await expect(drills.log).toHaveCount(7);
    expect(await drills.log.allTextContents()).toEqual(before);
    await expect(page.getByTestId('clock-status')).toHaveText('进行中');
    expect((await page.getByTestId('drill-clock').textContent())! >= clockBefore!).toBe(true);

    // The presenter reads the run once, then follows the console's entries as they are pushed, without a reload.
    const presenter = await page.context().newPage();
    const reads: { afterSeq?: number }[] = [];
    presenter.on('request', (r) => r.url().includes('/rpc/run.state') && reads.push(r.postDataJSON() as { afterSeq?: number }));
    await presenter.goto(`${host.url}/${new URL(page.url()).hash.replace('/run', '/present')}`);
    await expect(presenter.getByTestId('presenter-scene')).not.toBeEmpty();
    const scene = (await page.getByTestId('current-inject').locator('strong').first().textContent())!;
    await expect(presenter.getByTestId('presenter-scene')).not.toHaveText(scene);
    const pushed = () => presenter.evaluate(() => (window as unknown as { pushed: string[] }).pushed);
    await presenter.evaluate(() => {
      const w = window as unknown as { pushed: string[] };
      w.pushed = [];
      window.workbench!.on('run.logged', (u) => w.pushed.push((u as { event: { type: string } }).event.type));
    });
    await page.getByTestId('deliver').click();
    await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(2);
    await expect(presenter.getByTestId('presenter-scene')).toHaveText(scene);
    await expect.poll(pushed).toEqual(['inject.delivered']);
    // Its clock counts on by itself, and the whole log is read only the once: any later read asks for what came after.
    const shown = await presenter.getByTestId('presenter-clock').textContent();
    await expect(presenter.getByTestId('presenter-clock')).not.toHaveText(shown!);
    await expect(presenter.getByTestId('presenter-clock')).toHaveAttribute('data-status', 'running');
    expect(reads[0]).not.toHaveProperty('afterSeq');
    expect(reads.slice(1).every((r) => typeof r.afterSeq === 'number' && r.afterSeq >= 7)).toBe(true);
    await screenshot(presenter, 'drill-presenter');
    await presenter.close();

    await page.getByTestId('clock-end').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '结束演练' }).click();
    await expect(page.getByTestId('clock-status')).toHaveText('已结束');
    await expect(drills.log.first()).toContainText('结束演练');
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('generates a script within the drill’s hours and flags at the inject a time past its end', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const plan = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const entry = {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
    planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2026-10-20', startTime: '09:00', endTime: '10:00', place: '', organizer: '', participants: [], notes: '',
  };
  const drill = await invoke<{ id: string }>(page, 'drill.create', entry);
  await page.goto(`${host.url}/#/scripts/${drill.id}`);
  await expect(page.getByText('2026-10-20 09:00—10:00')).toBeVisible();
  await page.getByTestId('generate-script').click();
  await page.getByTestId('generate-from-plan').click();
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await expect(page.getByText(/条注入 · 检查通过/)).toBeVisible();
  // An hour for 18 injects: two minutes apart.
  await expect(page.getByTestId('inject-row').nth(1).getByTestId('inject-time')).toHaveValue('T+02:00');

  const first = page.getByTestId('inject-row').first();
  await first.getByTestId('inject-time').fill('1:30:00');
  await first.getByTestId('inject-time').press('Enter');
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await expect(first.getByTestId('inject-time-issue')).toHaveText('计划时间 T+1:30:00（10:30）晚于演练结束时间 10:00');
  await expect(page.getByText(/条注入 · 2 处待完善/)).toBeVisible();
  await screenshot(page, 'drill-script-past-end');

  // The timeline draws the drill's start and end; the inject past the end sits beyond the end line, in red.
  await page.getByRole('tab', { name: '时间线' }).click();
  const timeline = page.getByTestId('script-timeline');
  await expect(timeline.getByTestId('timeline-start')).toHaveText('演练开始 9:00');
  await expect(timeline.getByTestId('timeline-end')).toHaveText('演练结束 10:00');
  await expect(timeline.locator('[data-outside]')).toHaveCount(1);
  await expect(timeline.locator('[data-outside]')).toHaveText('1');
  await expect(timeline.getByTestId('timeline-outside')).toHaveText('1 条注入在演练时间（9:00—10:00）之外');
  const endX = Number(await timeline.getByTestId('timeline-end').locator('line').getAttribute('x1'));
  expect(Number(await timeline.locator('[data-outside] circle').getAttribute('cx'))).toBeGreaterThan(endX);
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, 'drill-script-timeline-past-end');
  await page.getByRole('tab', { name: '注入' }).click();

  // Twenty minutes cannot hold them: generation says so, and leaves the script as it was.
  await invoke(page, 'drill.update', { id: drill.id, drill: { ...entry, endTime: '09:20' } });
  await page.reload();
  await expect(page.getByTestId('inject-row').first()).toBeVisible();
  await page.getByTestId('generate-script').click();
  // On a loaded machine the first click can land while the dialog is still opening: press the plan again until the confirmation asks.
  const replace = page.locator('.ant-modal-confirm').getByRole('button', { name: '替 换' });
  await expect(async () => {
    if (!(await replace.isVisible())) await page.getByTestId('generate-from-plan').click({ timeout: 2000 });
    await expect(replace).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await replace.click();
  await expect(page.locator('.ant-message')).toContainText('演练时间 9:00—9:20 只有 20 分钟，排不下从预案生成的 18 条注入');
  await expect(page.locator('.ant-message')).toContainText('请在演练信息中把结束时间改到 9:44 或更晚');
  await expect(first.getByTestId('inject-time')).toHaveValue('T+1:30:00');
});

/** 演练计划 → 新建演练 named `name`, the district profile saved first; `creates` collects every drill.create sent. */
async function newDrillForm(page: Page, url: string, name: string): Promise<{ form: Locator; creates: unknown[] }> {
  await page.goto(url);
  await invoke(page, 'profile.save', PROFILE);
  const creates: unknown[] = [];
  page.on('request', (r) => r.url().includes('/rpc/drill.create') && creates.push(r.postDataJSON()));
  await page.getByRole('menuitem', { name: '演练计划' }).click();
  await page.getByTestId('new-drill').click();
  const form = page.getByTestId('drill-form');
  await form.getByLabel('演练名称').fill(name);
  return { form, creates };
}

test('says at the field that a drill must end after it starts, and sends nothing until it does', async ({ page, host }) => {
  const { form, creates } = await newDrillForm(page, host.url, '小店区森林火灾综合应急演练');
  const setTime = async (label: string, value: string) => {
    const input = form.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await input.press('Tab'); // closes the picker's panel
  };
  const endError = form.locator('.ant-form-item').filter({ has: page.getByLabel('结束时间', { exact: true }) }).locator('.ant-form-item-explain-error');

  // The start is 9:00 by default: an end at 8:30 is refused where it was typed, and 保存 sends nothing.
  await setTime('结束时间', '08:30');
  await expect(endError).toHaveText('结束时间 8:30 早于开始时间 9:00，演练须在当天结束');
  await screenshot(page, 'drill-form-end-before-start');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(endError).toBeVisible();
  await expect(form).toBeVisible();
  expect(creates).toEqual([]);

  // Moving the start earlier clears it: the end is checked again whenever the start changes.
  await setTime('开始时间', '08:00');
  await expect(endError).toHaveCount(0);
  await setTime('结束时间', '11:30');
  await setTime('开始时间', '09:00');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('小店区森林火灾综合应急演练');
  expect(creates).toHaveLength(1);
  expect(creates[0]).toMatchObject({ startTime: '09:00', endTime: '11:30' });

  // Editing: a start after the end is refused at the end field too, and the saved drill keeps its hours.
  await page.getByRole('button', { name: '编 辑' }).click();
  await setTime('开始时间', '12:00');
  await expect(endError).toHaveText('结束时间 11:30 早于开始时间 12:00，演练须在当天结束');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(form).toBeVisible();
  await page.getByRole('button', { name: '取 消' }).click();
  // What was changed is thrown away only when the user says so.
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /放\s*弃/ }).click();
  await expect(form).toBeHidden();
  const drills = await invoke<{ startTime: string; endTime: string }[]>(page, 'drill.list', {});
  expect(drills).toMatchObject([{ startTime: '09:00', endTime: '11:30' }]);
});

test('refuses a drill dated 1900 at the date field, and keeps a 组织单位 and a 参演单位 typed without choosing from the list', async ({ page, host }) => {
  const { form, creates } = await newDrillForm(page, host.url, '小店区地震综合应急演练');
  const setDate = async (value: string) => {
    const input = form.getByLabel('日期', { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  };
  const dateError = form.locator('.ant-form-item').filter({ has: page.getByLabel('日期', { exact: true }) }).locator('.ant-form-item-explain-error');
  await setDate('1900-01-01');
  await expect(dateError).toHaveText('日期 1900-01-01 早于 2000 年，请核对年份');
  // Typed, not chosen: 区人民政府办公室 is not among the departments in 设置.
  await form.getByTestId('drill-organizer').locator('input').fill('区人民政府办公室');
  // A 参演单位 typed and left without Enter is kept too.
  await form.getByTestId('drill-participants').locator('input').fill('区消防救援大队');
  await screenshot(page, 'drill-form-date-out-of-range');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(dateError).toBeVisible();
  expect(creates).toEqual([]);

  const year = new Date().getFullYear();
  await setDate(`${year}-11-20`);
  await expect(dateError).toHaveCount(0);
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('小店区地震综合应急演练');
  expect(creates).toMatchObject([{ date: `${year}-11-20`, organizer: '区人民政府办公室', participants: ['区消防救援大队'] }]);
  await expect(page.locator('.ant-descriptions-item', { hasText: '组织单位' })).toContainText('区人民政府办公室');
});

test('exports the drill’s 工作方案 from the drill page as a Word file', async ({ page, host }) => {
  const JSZip = (await import('jszip')).default;
  await page.goto(host.url);
  const drillId = await page.evaluate(async (profile) => {
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const r = (await window.workbench!.invoke(channel, input)) as { ok: boolean; data: T; error?: unknown };
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data;
    };
    await call('profile.save', profile);
    const plan = await call<{ id: string }>('plan.create', { templateId: 'forest-fire', revision: '2024' });
    const drill = await call<{ id: string }>('drill.create', {
      name: '小店区森林火灾综合应急演练', form: 'combined', scope: 'comprehensive', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: ['检验森林火灾信息报告流程'], date: '2026-10-20', startTime: '09:00', endTime: '11:30',
      place: '孙家寨村东山林场', organizer: '太原市小店区应急管理局', participants: ['区应急管理局', '区消防救援大队'], notes: '',
    });
    const script = await call<object>('script.generate', { drillId: drill.id, planId: plan.id });
    await call('script.save', { drillId: drill.id, script });
    return drill.id;
  }, PROFILE);
  await page.goto(`${host.url}/#/drills/${drillId}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workplan').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('小店区森林火灾综合应急演练工作方案_20261020.docx');
  await expect(page.locator('.ant-message')).toContainText('已导出');
  await screenshot(page, 'drill-page-export-workplan');
  const zip = await JSZip.loadAsync(fs.readFileSync(await file.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  for (const heading of ['一、演练目的', '三、组织机构及职责', '六、演练科目及内容', '九、评估与总结']) expect(xml).toContain(heading);

  // 文件 → 导出为 Word is Ctrl+E (a page key in the browser host): the drill page's document is its 工作方案.
  const again = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  expect((await again).suggestedFilename()).toBe('小店区森林火灾综合应急演练工作方案_20261020.docx');
  // A page without a document says so.
  await page.getByRole('menuitem', { name: '模板库' }).click();
  await page.keyboard.press('Control+e');
  await expect(page.locator('.ant-message')).toContainText('当前页面没有可导出的文档');
});

test('新增注入 adds the inject at the end in the last phase, shows it and puts the caret in its 场景', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  const plan = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const drill = await invoke<{ id: string }>(page, 'drill.create', {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
    planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2026-10-20', startTime: '09:00', endTime: '11:30', place: '', organizer: '', participants: [], notes: '',
  });
  await page.goto(`${host.url}/#/scripts/${drill.id}`);
  await page.getByTestId('generate-script').click();
  await page.getByTestId('generate-from-plan').click();
  await expect(page.getByTestId('inject-row').first()).toBeVisible();
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  const last = await invoke<{ script: { injects: { phaseId: string; time: { offsetSec: number } }[] } }>(page, 'drill.get', { id: drill.id });
  const lastInject = last.script.injects.at(-1)!;
  await page.getByTestId('add-inject').click();
  const scene = page.locator('[data-testid="inject-scene"]:focus');
  await expect(scene).toBeFocused();
  await expect(scene).toBeInViewport();
  await page.keyboard.type('上级工作组到达现场');
  await expect(page.getByText(/19 条注入 ·/)).toBeVisible();
  // The save state can read 已保存 from a save made while the last characters were still being typed: read until the store has them.
  const savedLast = async () => (await invoke<{ script: { injects: { scene: string; phaseId: string; time: { offsetSec: number } }[] } }>(page, 'drill.get', { id: drill.id })).script.injects.at(-1)!;
  await expect.poll(async () => (await savedLast()).scene, { timeout: 10_000 }).toBe('上级工作组到达现场');
  expect(await savedLast()).toMatchObject({ scene: '上级工作组到达现场', phaseId: lastInject.phaseId, time: { offsetSec: lastInject.time.offsetSec + 300 } });
  await screenshot(page, 'drill-script-new-inject');
});

test('asks before the 新建演练 dialog closed by Esc or the × throws away what was typed; an untouched one closes at once', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  await page.getByRole('menuitem', { name: '演练计划' }).click();
  const form = page.getByTestId('drill-form');
  const confirm = page.locator('.ant-modal-confirm');

  // Nothing touched: Esc closes, no question.
  await page.getByTestId('new-drill').click();
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(confirm).toHaveCount(0);

  // Typed: Esc asks; 继续填写 keeps the dialog and the text.
  await page.getByTestId('new-drill').click();
  await form.getByLabel('演练名称').fill('小店区防汛综合应急演练');
  await page.keyboard.press('Escape');
  await expect(confirm).toContainText('放弃未保存的内容？');
  await screenshot(page, 'drill-form-discard-confirm');
  await confirm.getByRole('button', { name: '继续填写' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(form.getByLabel('演练名称')).toHaveValue('小店区防汛综合应急演练');

  // The × asks too; 放弃 closes it and nothing is saved.
  await page.locator('.ant-modal-close').click();
  await expect(confirm).toContainText('放弃未保存的内容？');
  await confirm.getByRole('button', { name: /放\s*弃/ }).click();
  await expect(form).toBeHidden();
  expect(await invoke<unknown[]>(page, 'drill.list', {})).toEqual([]);
});
