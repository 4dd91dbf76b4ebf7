// A broken database file: the app says so in Chinese, keeps the file, and restores the latest backup.
import fs from 'node:fs';
import path from 'node:path';
import { expect, freshDataDir, screenshot, startHostProcess, test } from './fixtures';
import { Shell } from './pages/shell';

test('a corrupt database is refused, kept aside and replaced by the latest backup', async ({ page }) => {
  const dataDir = freshDataDir();
  // First run creates the database; the second makes a start backup of it.
  for (let i = 0; i < 2; i++) await (await startHostProcess(dataDir)).stop();
  fs.writeFileSync(path.join(dataDir, 'workbench.db'), '损坏的文件'.repeat(1000));
  for (const s of ['-wal', '-shm']) fs.rmSync(path.join(dataDir, `workbench.db${s}`), { force: true });

  const host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('db-problem')).toContainText('不是 SQLite 数据库');
    await screenshot(page, 'database-problem');
    await page.getByTestId('restore-latest').click();
    await new Shell(page).go('设置');
    const broken = fs.readdirSync(path.join(dataDir, 'broken'));
    expect(fs.readFileSync(path.join(dataDir, 'broken', broken[0]!, 'workbench.db'), 'utf8')).toContain('损坏的文件');
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
