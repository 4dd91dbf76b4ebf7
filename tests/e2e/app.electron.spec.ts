// The same journeys against the real Electron app. Runs only where an Electron binary exists:
// WORKBENCH_ELECTRON=1 npx playwright test app.electron
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, freshDataDir, REPO, screenshot, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';
import { SettingsPage } from './pages/settings';
import { sections, Shell } from './pages/shell';

test('Electron app: every section opens, the profile persists across a restart, a plan can be created and edited', async () => {
  const dataDir = freshDataDir();
  const launch = () => electron.launch({ args: [path.join(REPO, 'dist', 'main', 'main.cjs')], env: { ...process.env, WORKBENCH_DATA_DIR: dataDir } });
  let app = await launch();
  try {
    let page = await app.firstWindow();
    await expect(page).toHaveTitle('应急预案与演练工作台');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const shell = new Shell(page);
    for (const [, label] of sections) await shell.go(label);
    await shell.go('设置');
    const settings = new SettingsPage(page);
    await settings.field('区名').fill('小店区');
    await settings.save();
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await new Shell(page).go('设置');
    await expect(new SettingsPage(page).field('区名')).toHaveValue('小店区');
    const ed = new PlanEditor(page);
    await ed.create(/森林火灾.*2024/);
    await ed.caretAtEnd(ed.docPage.locator('p').first());
    await ed.typeAndSave('桌面版编辑。');
    await screenshot(page, 'electron-plan-editor');
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
