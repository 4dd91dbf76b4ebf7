// Two consoles on one run stay in step (the deputy's window beside the coordinator's), and the presenter
// shows ad-hoc injects among the scripted ones as they go out, and nothing of the evaluators' notes.
import type { Page, Request } from '@playwright/test';
import type { Drill } from '../../electron/shared/schemas/drill';
import { expect, invoke, screenshot, test } from './fixtures';
import { Drills } from './pages/drills';

const DRILL = {
  name: '东山林场森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
  planLinks: [], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '区应急指挥中心', organizer: '区应急管理局', participants: [], notes: '',
};
const inject = (id: string, offsetSec: number, scene: string, narration: string) => ({
  id, phaseId: 'p1', time: { mode: 'relative', offsetSec }, scene, info: '', sender: '导演组', receiver: '区林业局', method: '电话', expectedAction: '核实火情并报告', clauseLinks: [], controller: '', narration,
});
const SCRIPT = {
  phases: [{ id: 'p1', name: '信息报告' }],
  injects: [
    inject('i-a', 0, '林场报告火情', '上午9时，东山林场护林员巡查时发现林区东侧冒起浓烟，立即向镇政府报告。'),
    inject('i-b', 300, '火势蔓延', '受西北风影响，火势向孙家寨村方向蔓延。'),
    inject('i-c', 600, '转移群众', '镇政府组织孙家寨村群众向安置点转移。'),
  ],
  roster: [],
};

/** The run.state reads a page makes: the first is the whole run, every later one should ask only for what came after. */
function runReads(page: Page): { afterSeq?: number }[] {
  const reads: { afterSeq?: number }[] = [];
  page.on('request', (r: Request) => r.url().includes('/rpc/run.state') && reads.push(r.postDataJSON() as { afterSeq?: number }));
  return reads;
}

const logTexts = (drills: Drills) => drills.log.allTextContents();

test('two consoles on one run see each other’s entries without a reload, each entry once, and the presenter shows 临时注入 live', async ({ page, host }) => {
  await page.goto(host.url);
  const drill = await invoke<Drill>(page, 'drill.create', DRILL);
  await invoke(page, 'script.save', { drillId: drill.id, script: SCRIPT });
  const run = `${host.url}/#/scripts/${drill.id}/run`;

  // The coordinator's console (a) and the deputy's (b), two pages of one browser.
  const a = new Drills(page);
  await page.goto(run);
  const deputy = await page.context().newPage();
  const reads = runReads(deputy);
  const b = new Drills(deputy);
  await deputy.goto(run);
  await expect(deputy.getByTestId('clock-status')).toHaveText('未开始');

  // The clock started in one moves the other's.
  await page.getByTestId('clock-start').click();
  await expect(deputy.getByTestId('clock-status')).toHaveText('进行中');
  await expect(deputy.getByTestId('drill-clock')).toHaveAttribute('data-status', 'running');

  // The deputy records an observation: it reaches the coordinator.
  await deputy.getByTestId('observation-input').fill('镇政府接报后3分钟内完成首报');
  await deputy.getByTestId('observation-input').press('Enter');
  await expect(a.log.filter({ hasText: '镇政府接报后3分钟内完成首报' })).toHaveCount(1);

  // The coordinator puts an ad-hoc inject and delivers the first scripted one: both reach the deputy.
  await page.keyboard.press('n');
  await page.getByTestId('adhoc-input').fill('护林员报告东侧山脊发现第二火点');
  await page.getByRole('button', { name: '记 录' }).click();
  await expect(b.log.filter({ hasText: '护林员报告东侧山脊发现第二火点' })).toHaveCount(1);
  await expect(b.log.filter({ hasText: '护林员报告东侧山脊发现第二火点' })).toContainText('临时注入');
  await page.getByTestId('deliver').click();
  await expect(deputy.getByTestId('current-inject')).toContainText('第 2 条');
  await expect(b.log.filter({ hasText: '已下达' })).toHaveCount(1);

  // Each console shows every entry once, its own included (its answer and its push are one entry).
  for (const p of [page, deputy]) await expect(p.getByTestId('run-log-title')).toHaveText('演练记录（4）');
  expect(await logTexts(b)).toEqual(await logTexts(a));
  // The deputy read the run once and then only what came after: never the whole log again.
  expect(reads[0]).not.toHaveProperty('afterSeq');
  expect(reads.slice(1).every((r) => typeof r.afterSeq === 'number')).toBe(true);

  // The presenter: the scene delivered last, and the injects as they went out, the ad-hoc one marked 临时.
  const presenter = await page.context().newPage();
  await presenter.goto(run.replace('/run', '/present'));
  await expect(presenter.getByTestId('presenter-scene')).toHaveText('林场报告火情');
  const flow = presenter.getByTestId('presenter-flow-item');
  await expect(flow).toHaveText([/^T\+00:\d\d临时护林员报告东侧山脊发现第二火点$/, /^T\+00:\d\d林场报告火情$/]);
  await expect(flow.first().locator('.presenter-adhoc')).toHaveText('临时');

  // A second ad-hoc inject, logged from the deputy's console, goes up live: the scene, its words, the flow.
  // (Its focus is still in the observation box, where N is a letter: the button.)
  await deputy.getByRole('button', { name: '临时注入（N）' }).click();
  await deputy.getByTestId('adhoc-input').fill('孙家寨村一名村民报告家人进山未归');
  await deputy.getByRole('button', { name: '记 录' }).click();
  await expect(presenter.getByTestId('presenter-scene')).toHaveText('临时注入');
  await expect(presenter.getByTestId('presenter-narration')).toHaveText('孙家寨村一名村民报告家人进山未归');
  await expect(flow).toHaveCount(3);
  await expect(flow.last()).toHaveAttribute('data-kind', 'adhoc');
  await expect(flow.last()).toContainText('孙家寨村一名村民报告家人进山未归');
  await expect(a.log.filter({ hasText: '孙家寨村一名村民报告家人进山未归' })).toHaveCount(1);
  // The evaluators' notes stay off the wall.
  await expect(presenter.getByTestId('presenter')).not.toContainText('镇政府接报后3分钟内完成首报');

  await page.getByTestId('action-input').fill('区林业局派出扑火队前往东侧山脊');
  await page.getByTestId('action-input').press('Enter');
  await expect(b.log.filter({ hasText: '区林业局派出扑火队前往东侧山脊' })).toHaveCount(1);
  await screenshot(page, 'run-sync-console-coordinator');
  await screenshot(deputy, 'run-sync-console-deputy');
  await screenshot(presenter, 'run-sync-presenter-adhoc');
  await presenter.close();

  // Pushes lost while a window's event stream is down are read when it comes back.
  const late = await page.context().newPage();
  await late.route('**/events?*', (r) => r.abort());
  const c = new Drills(late);
  await late.goto(run);
  await expect(late.getByTestId('run-log-title')).toHaveText('演练记录（6）');
  await page.getByTestId('observation-input').fill('扑火队未携带风力灭火机');
  await page.getByTestId('observation-input').press('Enter');
  await expect(a.log.filter({ hasText: '扑火队未携带风力灭火机' })).toHaveCount(1);
  const reconnected = late.evaluate(() => new Promise<void>((resolve) => window.addEventListener('workbench:events-connected', () => resolve(), { once: true })));
  await late.unroute('**/events?*');
  await reconnected;
  await expect(c.log.filter({ hasText: '扑火队未携带风力灭火机' })).toHaveCount(1);
  expect(await logTexts(c)).toEqual(await logTexts(a));
});
