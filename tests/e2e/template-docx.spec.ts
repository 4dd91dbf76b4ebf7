// The city's revised plan arrives as Word: imported into 模板库 as a revision, reviewed and re-matched, saved, then merged into a plan.
import { forestFire2026Docx, REVISION_2026 } from '../fixtures/municipal-docx';
import { expect, screenshot, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('imports a municipal .docx as a new forest-fire revision, re-matches a clause, and offers the merge to a plan from 2024', async ({ page, host }) => {
  const r = REVISION_2026;
  await page.goto(host.url);
  await page.evaluate((p) => window.workbench!.invoke('profile.save', p), PROFILE);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2024/);
  await expect(page.getByTestId('upstream-alert')).toHaveCount(0);

  await page.getByRole('menuitem', { name: '模板库' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('template-import-docx').click();
  await (await chooser).setFiles({ name: '市森林火灾应急预案（2026年修订）.docx', mimeType: DOCX, buffer: await forestFire2026Docx() });

  // The core guessed the template and the year from the title.
  const review = page.getByTestId('review-table');
  await expect(review).toBeVisible();
  await expect(page.getByTestId('import-template')).toContainText('市森林火灾应急预案');
  await expect(page.getByTestId('import-form')).toContainText('替代 2024 修订版（按文件标题推测）');
  await expect(page.getByTestId('import-revision')).toHaveValue('2026');
  await expect(page.getByTestId('import-summary')).toContainText('新增 2 条');
  await expect(review.locator('tr', { hasText: r.reworded.title })).toContainText('文字相近');
  await screenshot(page, 'template-docx-review');

  // The rewritten clause was proposed as new; the planner says it continues 特殊情况报告.
  const filter = page.getByTestId('review-filter');
  await filter.getByText(/^新增/).click();
  const rewritten = review.locator('tr', { hasText: r.rewritten.title });
  await expect(rewritten).toContainText('新增条款');
  await rewritten.getByTestId('review-match').click();
  await page.keyboard.type('特殊情况报告');
  await page.locator('.ant-select-item-option', { hasText: '特殊情况报告' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('新增 1 条');
  await filter.getByText(/^有改动/).click();
  await expect(review.locator('tr', { hasText: r.rewritten.title })).toContainText('人工指定');
  await filter.getByText(/^原条款已删除/).click();
  await expect(page.getByTestId('review-removed')).toContainText('备案与公开');
  await expect(page.getByTestId('review-removed')).not.toContainText('特殊情况报告');
  await screenshot(page, 'template-docx-removed');
  await filter.getByText(/^有改动/).click();
  await screenshot(page, 'template-docx-rematched');

  await page.getByTestId('import-save').click();
  await expect(page.getByTestId('template-forest-fire-2026')).toContainText('替代 2024');
  await expect(page.getByTestId('template-official')).toBeVisible();
  await expect(page.locator('.doc-h', { hasText: r.rewritten.title })).toBeVisible();
  await screenshot(page, 'template-docx-saved');

  // The plan made from 2024 is now behind 2026 and the merge takes the rewritten clause as a change of 特殊情况报告.
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await expect(page.getByTestId('tag-upstream')).toBeVisible();
  await page.getByTestId('plan-table').locator('a').first().click();
  await expect(page.getByTestId('upstream-alert')).toContainText('2026');
  await page.getByTestId('open-merge').click();
  await page.getByRole('tab', { name: /上位变化/ }).click();
  const changes = page.getByTestId('upstream-changes');
  await expect(changes).toContainText(r.rewritten.title);
  await expect(changes).toContainText(r.added.title);
  await screenshot(page, 'template-docx-merge');
  await page.getByRole('tab', { name: /逐条处理/ }).click();
  await page.getByTestId('merge-apply').click();
  await expect(ed.docPage).toBeVisible();
  await expect(page.getByTestId('upstream-alert')).toHaveCount(0);
  await expect(ed.heading(r.rewritten.title)).toBeVisible();
  await expect(ed.paragraph(r.rewritten.text.slice(0, 20))).toBeVisible();
});

test('a file that is not a Word document is refused in Chinese and the library is unchanged', async ({ page, host }) => {
  await page.goto(`${host.url}/#/templates`);
  await expect(page.getByTestId('template-forest-fire-2024')).toBeVisible();
  const before = await page.getByTestId('template-list').locator('.ant-list-item').count();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('template-import-docx').click();
  await (await chooser).setFiles({ name: '预案.docx', mimeType: DOCX, buffer: Buffer.from('这不是 Word 文档') });
  await expect(page.getByTestId('import-error')).toContainText('文件不是 Word（.docx）文档');
  await expect(page.getByTestId('import-save')).toBeDisabled();
  await page.getByRole('button', { name: '取 消' }).click();
  await expect(page.getByTestId('template-list').locator('.ant-list-item')).toHaveCount(before);
});
