// Clause links on injects, seen from the plan; and the console's rough edges: pause, L, 结束.
import type { Drill, DrillDetail, Script } from '../../electron/shared/schemas/drill';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import { expect, invoke, screenshot, test } from './fixtures';
import type { Page } from '@playwright/test';
import { Drills } from './pages/drills';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [{ id: 'd1', name: '区应急管理局', contact: '', title: '', phone: '', duty: '' }] };
const DRILL = {
  name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
  objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '区应急指挥中心', organizer: '区应急管理局', participants: [], notes: '',
};

/** A plan and a drill that tests it; the script is generated from the plan, or two bare injects. */
async function scene(page: Page, generated: boolean) {
  await invoke(page, 'profile.save', PROFILE);
  const plan = await invoke<PlanSummary>(page, 'plan.create', { templateId: 'forest-fire', revision: '2024' });
  const drill = await invoke<Drill>(page, 'drill.create', { ...DRILL, planLinks: [{ planId: plan.id, sectionIds: [] }] });
  const bare = (id: string, offsetSec: number, scene: string) => ({ id, phaseId: 'p1', time: { mode: 'relative', offsetSec }, scene, info: '', sender: '导演组', receiver: '区林业局', method: '电话', expectedAction: '核实火情并报告', clauseLinks: [], controller: '', narration: '' });
  const script = generated
    ? await invoke<Script>(page, 'script.generate', { drillId: drill.id, planId: plan.id })
    : { phases: [{ id: 'p1', name: '信息报告' }], injects: [bare('i-a', 0, '林场报告火情'), bare('i-b', 600, '火势蔓延')], roster: [] };
  await invoke(page, 'script.save', { drillId: drill.id, script });
  return { plan, drill, script };
}

/** A copy of the drill whose clock started `min` minutes ago (through a package): injects overdue without waiting. */
async function startedAgo(page: Page, drillId: string, min: number): Promise<Drill> {
  await invoke(page, 'run.log', { drillId, type: 'clock.start' });
  const file = await invoke<{ dataBase64: string }>(page, 'drill.export-package', { id: drillId });
  const pkg = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8')) as { events: { at: string }[] };
  pkg.events[0]!.at = new Date(Date.parse(pkg.events[0]!.at) - min * 60_000).toISOString();
  return (await invoke<{ drill: Drill }>(page, 'drill.import-package', { content: JSON.stringify(pkg) })).drill;
}

test('links an inject to plan clauses by their numbered headings, keeps them, and the plan shows the clause tested', async ({ page, host }) => {
  await page.goto(host.url);
  const { plan, drill } = await scene(page, false);
  await page.goto(`${host.url}/#/scripts/${drill.id}`);
  const first = page.getByTestId('inject-row').filter({ has: page.locator('input[value="林场报告火情"]') });
  await first.getByTestId('pick-clauses').click();
  const picker = page.getByTestId('clause-picker');
  await picker.getByTestId('clause-filter').fill('报告');
  await picker.locator('.ant-tree-treenode', { hasText: '报告时限与程序' }).locator('.ant-tree-checkbox').click();
  await picker.locator('.ant-tree-treenode', { hasText: '报告内容' }).locator('.ant-tree-checkbox').click();
  await screenshot(page, 'script-clause-picker');
  await page.getByRole('button', { name: '确 定' }).click();

  const tags = first.getByTestId('clause-tag');
  await expect(tags).toHaveText([/^4\.2 报告时限与程序/, /^4\.3 报告内容/]);
  // Never the raw section id.
  expect((await tags.allTextContents()).join('')).not.toMatch(/s-[0-9a-z]{6,}/);
  await tags.nth(1).getByRole('button', { name: /移除/ }).click();
  await expect(tags).toHaveCount(1);
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await first.getByTestId('inject-clauses').scrollIntoViewIfNeeded();
  await screenshot(page, 'script-clause-tags');

  await page.reload();
  await expect(page.getByTestId('inject-row').first().getByTestId('clause-tag')).toHaveText([/^4\.2 报告时限与程序/]);

  // Saved in the shape plan.clause-exercise reads: {planId, sectionId} of the plan's own section.
  const detail = await invoke<DrillDetail>(page, 'drill.get', { id: drill.id });
  const doc = (await invoke<PlanDetail>(page, 'plan.get', { id: plan.id })).doc;
  const reporting = doc.sections.find((s) => s.title === '报告时限与程序')!;
  expect(detail.script.injects[0]!.clauseLinks).toEqual([{ planId: plan.id, sectionId: reporting.id }]);
  expect(detail.script.injects[1]!.clauseLinks).toEqual([]);

  // Once the drill is conducted, the plan's clause names it and the inject that tested it.
  await invoke(page, 'drill.set-status', { id: drill.id, status: 'conducted' });
  await page.goto(`${host.url}/#/plans/${plan.id}/at/${reporting.id}`);
  const exercise = page.getByTestId('lineage-panel').getByTestId('clause-exercise');
  await expect(exercise).toContainText(`最近演练：2026-03-10 ${DRILL.name}`);
  await expect(exercise).toContainText(`检验该条款的注入：${DRILL.name}·林场报告火情`);
  await screenshot(page, 'plan-clause-exercise');
});

test('a second window on the same script does not overwrite what the first saved: it stops, says why, and reopens', async ({ page, host }) => {
  await page.goto(host.url);
  const { drill } = await scene(page, false);
  const url = `${host.url}/#/scripts/${drill.id}`;
  const other = await page.context().newPage();
  await Promise.all([page.goto(url), other.goto(url)]);
  const sceneOf = (p: Page) => p.getByTestId('inject-row').first().getByTestId('inject-scene');
  await sceneOf(page).fill('甲窗口：林场瞭望塔报告火情');
  await sceneOf(page).press('Tab');
  await expect(page.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  await sceneOf(other).fill('乙窗口：林场报告火情');
  await sceneOf(other).press('Tab');
  await expect(other.getByTestId('script-stale')).toContainText('已在另一个窗口');
  await expect(other.getByTestId('script-save-state')).toHaveAttribute('data-state', 'stale');
  await screenshot(other, 'script-stale-window');
  expect((await invoke<{ script: Script }>(page, 'drill.get', { id: drill.id })).script.injects[0]!.scene).toBe('甲窗口：林场瞭望塔报告火情');

  await other.getByTestId('script-stale').getByRole('button', { name: '重新打开脚本' }).click();
  await expect(other.getByTestId('script-stale')).toHaveCount(0);
  await expect(sceneOf(other)).toHaveValue('甲窗口：林场瞭望塔报告火情');
  await sceneOf(other).fill('乙窗口接着改');
  await sceneOf(other).press('Tab');
  await expect(other.getByTestId('script-save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  expect((await invoke<{ script: Script }>(page, 'drill.get', { id: drill.id })).script.injects[0]!.scene).toBe('乙窗口接着改');
});

test('the console holds deliveries while paused, asks how late on L, and names what is undelivered before ending', async ({ page, host }) => {
  await page.goto(host.url);
  const { drill, script } = await scene(page, true);
  const drills = new Drills(page);
  // The 演示屏 before the start: the drill's name and 演练即将开始, none of the scenario yet.
  const presenter = await page.context().newPage();
  await presenter.goto(`${host.url}/#/scripts/${drill.id}/present`);
  await expect(presenter.getByTestId('presenter-scene')).toHaveText(DRILL.name);
  await expect(presenter.getByTestId('presenter-narration')).toHaveText('演练即将开始');
  await expect(presenter.getByTestId('presenter')).not.toContainText(script.injects[0]!.scene);
  await expect(presenter.getByTestId('presenter-standing')).toHaveCount(0);
  await page.goto(`${host.url}/#/scripts/${drill.id}/run`);
  await page.getByTestId('clock-start').click();
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await expect(presenter.getByTestId('presenter-narration')).toHaveText('');

  // Paused: D says why and logs nothing; the button is off; S still skips. The 演示屏 says 演练暂停.
  await page.getByTestId('clock-pause').click();
  await expect(page.getByTestId('clock-status')).toHaveText('已暂停');
  await expect(presenter.getByTestId('presenter-standing')).toHaveText('演练暂停');
  await screenshot(presenter, 'presenter-paused');
  await expect(page.getByTestId('paused-hint')).toContainText('继续');
  await expect(page.getByTestId('deliver')).toBeDisabled();
  await page.keyboard.press('d');
  await expect(page.locator('.ant-message')).toContainText('演练已暂停');
  await screenshot(page, 'console-paused');
  await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(drills.log.filter({ hasText: '跳过' })).toHaveCount(1);
  await expect(page.getByTestId('current-inject')).toContainText('第 2 条');

  // L on an inject not yet due: it is not late, the console says so and asks nothing.
  await page.getByTestId('clock-resume').click();
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await expect(presenter.getByTestId('presenter-standing')).toHaveCount(0);
  await presenter.close();
  await page.keyboard.press('l');
  await expect(page.locator('.ant-message')).toContainText('还没到计划时间');
  await expect(page.getByTestId('late-delay')).toHaveCount(0);
  await expect(drills.log.filter({ hasText: '延迟下达' })).toHaveCount(0);

  // 结束 asks first and names what is still pending; 继续演练 keeps the drill running.
  const total = (await invoke<DrillDetail>(page, 'drill.get', { id: drill.id })).script.injects.length;
  await page.getByTestId('clock-end').click();
  await expect(page.getByTestId('end-summary')).toContainText(`还有 ${total - 1} 条注入未下达也未跳过`);
  await expect(page.getByTestId('end-summary')).toContainText('第 2 条');
  await screenshot(page, 'console-end-confirm');
  await page.getByRole('button', { name: '继续演练' }).click();
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await page.getByTestId('clock-end').click();
  await page.getByRole('button', { name: '结束演练' }).click();
  await expect(page.getByTestId('clock-status')).toHaveText('已结束');
  // Keys typed into a dialog are the dialog's: wait until the confirmation has gone.
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
  await page.keyboard.press('d');
  await expect(page.locator('.ant-message')).toContainText('演练已结束');
  await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(0);
});

test('L on an overdue inject proposes the delay from the clock and refuses one the clock contradicts', async ({ page, host }) => {
  await page.goto(host.url);
  const { drill } = await scene(page, false);
  const copy = await startedAgo(page, drill.id, 20);
  const drills = new Drills(page);
  await page.goto(`${host.url}/#/scripts/${copy.id}/run`);
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await expect(page.getByTestId('current-inject')).toContainText('林场报告火情');

  // Planned T+00:00, the clock at T+20:0x: twenty minutes late is proposed; 5 is refused with the clock's figure.
  await page.keyboard.press('l');
  await expect(page.getByTestId('late-delay')).toHaveValue(/^20:0\d$/);
  await page.keyboard.type('5');
  await page.getByTestId('late-reason').fill('接收方未到位');
  await page.getByTestId('late-reason').press('Enter');
  await expect(page.locator('.ant-message')).toContainText('与演练时钟不符');
  await expect(page.getByTestId('late-delay')).toBeVisible();
  await page.getByTestId('late-delay').fill('20');
  await screenshot(page, 'console-late');
  await page.getByTestId('late-reason').press('Enter');
  const late = drills.log.filter({ hasText: '延迟下达' });
  await expect(late).toHaveCount(1);
  await expect(late.getByTestId('log-delay')).toHaveText('晚 20分钟');
  await expect(late).toContainText('接收方未到位');

  // The next, planned T+10:00: Enter takes the clock's figure.
  await expect(page.getByTestId('current-inject')).toContainText('火势蔓延');
  await page.keyboard.press('l');
  await expect(page.getByTestId('late-delay')).toHaveValue(/^10:\d\d$/);
  // While the dialog is open the proposal follows the clock (it records what it shows, not a figure from when L was pressed).
  const first = await page.getByTestId('late-delay').inputValue();
  await expect(page.getByTestId('late-delay')).not.toHaveValue(first);
  await page.getByTestId('late-delay').press('Enter');
  await expect(late).toHaveCount(2);
  // The log lists the newest entry first.
  await expect(late.first().getByTestId('log-delay')).toHaveText(/^晚 10分/);
});

test('after the last inject the console still offers 临时注入, and refuses to deliver an inject twice', async ({ page, host }) => {
  await page.goto(host.url);
  const { drill, script } = await scene(page, false);
  const drills = new Drills(page);
  await page.goto(`${host.url}/#/scripts/${drill.id}/run`);
  await page.getByTestId('clock-start').click();
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await page.getByTestId('deliver').click();
  await expect(page.getByTestId('current-inject')).toContainText('第 2 条');
  // Another console delivered the first inject already: this one is told, and nothing is logged twice.
  const again = await page.evaluate(
    ([drillId, injectId]) => window.workbench!.invoke('run.log', { drillId, type: 'inject.delivered', injectId }),
    [drill.id, script.injects[0]!.id] as const,
  );
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能重复下达') } });
  await page.getByTestId('skip').click();
  await expect(page.getByTestId('current-inject')).toContainText('全部注入已处理');
  await page.getByTestId('adhoc-after-script').click();
  await page.getByTestId('adhoc-input').fill('临时：上级工作组到场');
  await page.getByRole('button', { name: '记 录' }).click();
  await expect(drills.log.filter({ hasText: '上级工作组到场' })).toHaveCount(1);
  await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(1);
  await screenshot(page, 'console-after-last-inject');
});

test('D pressed right after 开始演练, while the start is on its way, delivers the first inject once the clock has started', async ({ page, host }) => {
  await page.goto(host.url);
  const { drill, script } = await scene(page, false);
  const drills = new Drills(page);
  await page.goto(`${host.url}/#/scripts/${drill.id}/run`);
  await expect(page.getByTestId('current-inject')).toContainText('第 1 条');
  // The start's answer takes a moment (a busy machine): the key is pressed before it comes back.
  let started!: () => void;
  const held = new Promise<void>((resolve) => (started = resolve));
  await page.route('**/rpc/run.log', async (route) => {
    if (route.request().postData()?.includes('"clock.start"')) await held;
    await route.continue();
  });
  await page.getByTestId('clock-start').click();
  await page.keyboard.press('d');
  started();
  await expect(page.getByTestId('clock-status')).toHaveText('进行中');
  await expect(drills.log.filter({ hasText: '已下达' })).toHaveCount(1);
  await expect(page.getByTestId('current-inject')).toContainText('第 2 条');
  await expect(page.getByText('演练尚未开始')).toHaveCount(0);
  const events = (await invoke<{ events: { type: string; injectId: string | null }[] }>(page, 'run.state', { drillId: drill.id })).events;
  expect(events.map((e) => [e.type, e.injectId])).toEqual([['clock.start', null], ['inject.delivered', script.injects[0]!.id]]);
});
