// kill -9 in the middle of editing: everything saved is there after a restart, and the cursor's section comes back.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, freshDataDir, screenshot, startHostProcess, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

/** A host on a fresh data folder with a new 防汛抗旱 plan open in `page`. */
async function planOnOwnHost(page: Page) {
  const dataDir = freshDataDir();
  let host = await startHostProcess(dataDir);
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/防汛抗旱.*2025/);
  const planUrl = new URL(page.url()).hash;
  return {
    ed,
    /** kill -9, a new host on the same folder, the plan opened again. */
    async killAndReopen() {
      await host.stop('SIGKILL');
      host = await startHostProcess(dataDir);
      await page.goto(`${host.url}/${planUrl}`);
    },
    async close() {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('a killed host loses nothing saved and reopens at the section the cursor was in', async ({ page }) => {
  const run = await planOnOwnHost(page);
  try {
    const { ed } = run;
    await ed.caretAtEnd(ed.paragraph('为坚持人民至上'));
    await ed.typeAndSave('第一段修改已保存。');
    await ed.caretAtEnd(ed.paragraph('报告内容主要包括'));
    await ed.typeAndSave('第二处修改。');
    const cursorTitle = await page.getByTestId('outline').locator('.outline-item.current').innerText();

    await run.killAndReopen();
    await expect(ed.paragraph('第一段修改已保存。')).toBeVisible();
    await expect(ed.paragraph('第二处修改。')).toBeVisible();
    await expect(page.getByTestId('outline').locator('.outline-item.current')).toHaveText(cursorTitle);
    await expect(page.getByTestId('lineage-panel')).toBeVisible();
    await screenshot(page, 'plan-after-crash');
  } finally {
    await run.close();
  }
});

test('typing without a pause is saved as it goes: a host killed mid-sentence keeps all but the last second or so', async ({ page }) => {
  const run = await planOnOwnHost(page);
  try {
    const { ed } = run;
    await ed.caretAtEnd(ed.paragraph('为坚持人民至上'));
    await ed.waitSaved();
    // 80 keys, one every 40 ms: a typist who never pauses for the autosave's idle second.
    const typed = '各单位应当加强值班值守及时报送突发事件信息确保应急处置工作有序高效开展做好人员转移安置和物资保障工作切实维护人民群众生命安全和身体健康坚持防抗救相结合全面提升防汛抗旱能力'.slice(0, 80);
    for (const ch of typed) {
      await page.keyboard.insertText(ch);
      await page.waitForTimeout(40);
    }
    await run.killAndReopen();
    const text = (await ed.paragraph('为坚持人民至上').innerText()).trim();
    const kept = [...typed].findIndex((_, i) => !text.includes(typed.slice(0, i + 1)));
    // ≈ 3.2 s of typing (more with the page's own time per key): what the last second or so holds may be lost, no more.
    expect(kept === -1 ? typed.length : kept).toBeGreaterThanOrEqual(40);
  } finally {
    await run.close();
  }
});
