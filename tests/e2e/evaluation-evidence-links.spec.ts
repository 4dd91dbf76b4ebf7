// A finding's 相关注入 and 相关记录 are links: each opens the script at that inject, or the run log at that entry,
// scrolled to and marked; the inject's 评估发现 N badge leads back. A link to something since deleted opens the page with a notice.
import { expect, invoke, screenshot, test } from './fixtures';
import type { Page } from '@playwright/test';

interface Ids { drillId: string; injectId: string; observationId: string; findingId: string }

/** A run drill whose script is long enough (40 injects) and log busy enough (30 records) that the cited ones are off screen. */
async function runDrillWithFinding(page: Page): Promise<Ids> {
  const drill = await invoke<{ id: string }>(page, 'drill.create', {
    name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
    planLinks: [], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
  });
  const injects = Array.from({ length: 40 }, (_, k) => ({
    id: `i-${k + 1}`, phaseId: 'p-1', time: { mode: 'relative', offsetSec: k * 300 }, scene: k === 29 ? '火场蔓延至林场宿舍' : `场景${k + 1}`, info: '情景信息', sender: '导演组', receiver: '区林业局', method: '电话', expectedAction: '报告', clauseLinks: [], controller: '', narration: '',
  }));
  await invoke(page, 'script.save', { drillId: drill.id, script: { phases: [{ id: 'p-1', name: '处置' }], injects, roster: [] } });
  await invoke(page, 'run.log', { drillId: drill.id, type: 'clock.start' });
  await invoke(page, 'run.log', { drillId: drill.id, type: 'inject.delivered', injectId: 'i-30' });
  const cited = await invoke<{ event: { id: string } }>(page, 'run.log', { drillId: drill.id, type: 'observation', text: '区林业局首报超过30分钟', tags: ['信息报告'] });
  for (let k = 1; k <= 30; k++) await invoke(page, 'run.log', { drillId: drill.id, type: 'observation', text: `其他记录${k}` });
  await invoke(page, 'run.log', { drillId: drill.id, type: 'clock.end' });
  const finding = await invoke<{ id: string }>(page, 'finding.save', {
    drillId: drill.id,
    finding: { kind: 'problem', title: '信息报告超时', detail: '', criterionId: null, injectIds: ['i-30'], observationIds: [cited.event.id], clauses: [], unit: '区林业局' },
  });
  return { drillId: drill.id, injectId: 'i-30', observationId: cited.event.id, findingId: finding.id };
}

test('a finding links to its inject in the script and to its record in the run log, each opened scrolled to and marked', async ({ page, host }) => {
  await page.goto(host.url);
  const ids = await runDrillWithFinding(page);

  await page.goto(`${host.url}/#/evaluation/${ids.drillId}`);
  await page.getByRole('tab', { name: /发现/ }).click();
  const finding = page.getByTestId('finding-item');
  // Named as the coordinator sees them elsewhere: 第N条 and the scene; the record's time and words.
  await expect(finding.getByTestId('finding-inject-link')).toHaveText('第30条 火场蔓延至林场宿舍');
  await expect(finding.getByTestId('finding-observation-link')).toContainText('区林业局首报超过30分钟');
  await screenshot(page, 'evaluation-finding-evidence-links');

  await finding.getByTestId('finding-inject-link').click();
  await expect(page).toHaveURL(new RegExp(`#/scripts/${ids.drillId}/inject/${ids.injectId}$`));
  const row = page.locator('[data-testid="inject-row"][data-focused="true"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-row-key', ids.injectId);
  await expect(row).toHaveClass(/inject-focused/);
  await expect(row).toBeInViewport();
  await expect(page.getByTestId('focus-missing')).toHaveCount(0);
  await screenshot(page, 'script-opened-at-inject');
  // …and the inject says which findings cite it, each one click back.
  await expect(page.getByTestId('inject-findings')).toHaveCount(1);
  await expect(row.getByTestId('inject-findings')).toHaveText('评估发现 1');
  await row.getByTestId('inject-findings').click();
  await expect(page).toHaveURL(new RegExp(`#/evaluation/${ids.drillId}/finding/${ids.findingId}$`));
  await expect(page.locator('[data-testid="finding-item"][data-focused="true"]')).toContainText('信息报告超时');

  await page.getByTestId('finding-observation-link').click();
  await expect(page).toHaveURL(new RegExp(`#/scripts/${ids.drillId}/run/entry/${ids.observationId}$`));
  const entry = page.locator('[data-testid="log-entry"][data-focused="true"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('区林业局首报超过30分钟');
  await expect(entry).toHaveClass(/log-entry-focused/);
  await expect(entry).toBeInViewport();
  await screenshot(page, 'run-log-opened-at-entry');
});

test('a link to an inject or a record that is no longer there opens the page as usual, with a notice', async ({ page, host }) => {
  await page.goto(host.url);
  const ids = await runDrillWithFinding(page);

  await page.goto(`${host.url}/#/scripts/${ids.drillId}/inject/i-gone`);
  await expect(page.getByTestId('focus-missing')).toHaveText('找不到该注入，可能已删除');
  await expect(page.getByTestId('inject-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="inject-row"][data-focused="true"]')).toHaveCount(0);

  await page.goto(`${host.url}/#/scripts/${ids.drillId}/run/entry/e-gone`);
  await expect(page.getByTestId('focus-missing')).toHaveText('找不到该演练记录，可能已删除');
  await expect(page.getByTestId('log-entry').first()).toBeVisible();
  await expect(page.locator('[data-testid="log-entry"][data-focused="true"]')).toHaveCount(0);

  // An inject deleted from the script after the finding cited it: said so in the finding, not linked.
  const detail = await invoke<{ script: { phases: unknown[]; injects: { id: string }[]; roster: unknown[] } }>(page, 'drill.get', { id: ids.drillId });
  await invoke(page, 'script.save', { drillId: ids.drillId, script: { ...detail.script, injects: detail.script.injects.filter((i) => i.id !== ids.injectId) } });
  await page.goto(`${host.url}/#/evaluation/${ids.drillId}/finding/x`);
  await expect(page.getByTestId('finding-inject-links')).toContainText('已删除的注入');
  await expect(page.getByTestId('finding-inject-link')).toHaveCount(0);
});
