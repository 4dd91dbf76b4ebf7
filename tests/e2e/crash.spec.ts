// kill -9 in the middle of editing: everything saved is there after a restart, and the cursor's section comes back.
import fs from 'node:fs';
import { expect, freshDataDir, screenshot, startHostProcess, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

test('a killed host loses nothing saved and reopens at the section the cursor was in', async ({ page }) => {
  const dataDir = freshDataDir();
  let host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    const ed = new PlanEditor(page);
    await ed.create(/防汛抗旱.*2025/);
    const planUrl = new URL(page.url()).hash;
    await ed.caretAtEnd(ed.paragraph('为坚持人民至上'));
    await ed.typeAndSave('第一段修改已保存。');
    await ed.caretAtEnd(ed.paragraph('报告内容主要包括'));
    await ed.typeAndSave('第二处修改。');
    const cursorTitle = await page.getByTestId('outline').locator('.outline-item.current').innerText();

    await host.stop('SIGKILL');
    host = await startHostProcess(dataDir);
    await page.goto(`${host.url}/${planUrl}`);
    await expect(ed.paragraph('第一段修改已保存。')).toBeVisible();
    await expect(ed.paragraph('第二处修改。')).toBeVisible();
    await expect(page.getByTestId('outline').locator('.outline-item.current')).toHaveText(cursorTitle);
    await expect(page.getByTestId('lineage-panel')).toBeVisible();
    await screenshot(page, 'plan-after-crash');
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
