// Planners: a plan from every template, real editing (text, table, outline move), IME, placeholders, find/replace.
import { expect, invoke, screenshot, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

const PROFILE = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };

test('creates a plan from every shipped template and lists them in the library', async ({ page, host }) => {
  await page.goto(`${host.url}/#/templates`);
  const items = page.getByTestId('template-list').locator('[data-testid^="template-"]');
  await expect(items.first()).toBeVisible();
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  expect(ids.length).toBeGreaterThanOrEqual(8);
  for (const id of ids) {
    await page.goto(`${host.url}/#/templates`);
    await page.getByTestId(id).click();
    await page.getByTestId('template-create-plan').click();
    await expect(page.getByTestId('doc-page').locator('.doc-h').first()).toBeVisible();
    await expect(page.getByTestId('outline').locator('.outline-item').first()).toContainText('总则');
  }
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await expect(page.getByTestId('plan-table').locator('tbody tr.ant-table-row')).toHaveCount(ids.length);
  await screenshot(page, 'plan-library');
  await page.getByRole('menuitem', { name: '模板库' }).click();
  await page.getByTestId(ids[0]!).click();
  await expect(page.getByTestId('template-derived').getByRole('button')).toHaveCount(1);
});

test('edits text, adds a table, moves a section; after a reload everything is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await page.evaluate((p) => window.workbench!.invoke('profile.save', p), PROFILE);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await expect(page.getByTestId('page-title')).toHaveText('小店区森林火灾应急预案');

  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await ed.typeAndSave('本预案每三年评估一次。');

  await ed.caretAtEnd(ed.paragraph('本预案适用于本区行政区域内发生的森林火灾'));
  await page.keyboard.press('Enter');
  await page.getByTestId('insert-table').click();
  await page.keyboard.type('责任单位甲');
  await page.keyboard.press('Tab');
  await page.keyboard.type('工作职责乙');
  // Tab through to the last cell of the 3 × 3 table; Tab there adds a row, as in Word.
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('末格');
  await page.keyboard.press('Tab');
  await page.keyboard.type('新增一行');
  const table = ed.docPage.locator('table').filter({ hasText: '责任单位甲' });
  await expect(table.locator('tr')).toHaveCount(4);
  await expect(table.locator('tr').nth(3).locator('td').first()).toHaveText('新增一行');
  // 在右侧插入列 keeps the caret in its row: typing lands in the new cell beside it, not in the header.
  await page.getByTestId('table-menu').hover();
  await page.getByRole('menuitem', { name: '在右侧插入列' }).click();
  await page.keyboard.type('新列');
  await expect(table.locator('tr').nth(3).locator('td')).toHaveCount(4);
  await expect(table.locator('tr').nth(3).locator('td').nth(1)).toHaveText('新列');
  await expect(table.locator('tr').first()).not.toContainText('新列');
  await ed.waitSaved();
  // A click into the table moves 条款来源 to the section holding it (a cell's text has no heading above it in the cell).
  await ed.paragraph('为建立健全本区森林火灾应对工作机制').click();
  await expect(page.getByTestId('lineage-panel')).toContainText('编制目的');
  await table.locator('td', { hasText: '末格' }).click();
  await expect(page.getByTestId('lineage-panel')).toContainText('适用范围');
  await expect(page.getByTestId('lineage-panel').getByTestId('lineage-changed')).toBeVisible();
  // A heading style asked for inside a table makes no heading there (a section cannot start in a cell).
  await page.keyboard.press('Control+Alt+2');
  await expect(table.locator('td', { hasText: '末格' })).toBeVisible();
  await expect(table.locator('.doc-h')).toHaveCount(0);
  // Into another chapter and back to the very same place: 条款来源 follows both ways.
  const lineage = page.getByTestId('lineage-panel');
  await ed.paragraph('为建立健全本区森林火灾应对工作机制').click();
  await expect(lineage).toContainText('编制目的');
  await page.locator('.chapter-editable').nth(1).locator('p').first().click();
  await expect(lineage).not.toContainText('编制目的');
  await ed.paragraph('为建立健全本区森林火灾应对工作机制').click();
  await expect(lineage).toContainText('编制目的');

  // Move 适用范围 before 编制目的 by dragging it onto the upper half of 编制目的 in the outline.
  const rows = page.getByTestId('outline').locator('.outline-item');
  await ed.outlineItem('适用范围').dragTo(ed.outlineItem('编制目的'), { targetPosition: { x: 40, y: 5 } });
  await expect(rows.nth(1)).toContainText('适用范围');
  await expect(rows.nth(1)).toContainText('1.1');
  await ed.waitSaved();
  // Onto the lower half of a row: after it. 编制目的 goes below its neighbour 编制依据 (dropping on the row
  // below it, before it, would leave it where it is).
  await expect(rows.nth(3)).toContainText('编制依据');
  await ed.outlineItem('编制目的').dragTo(ed.outlineItem('编制依据'), { targetPosition: { x: 40, y: 21 } });
  await expect(rows.nth(2)).toContainText('编制依据');
  await expect(rows.nth(3)).toContainText('编制目的');
  await ed.waitSaved();
  await screenshot(page, 'plan-editor-edited');

  await page.reload();
  await expect(ed.paragraph('本预案每三年评估一次。')).toBeVisible();
  await expect(ed.docPage.locator('th').getByText('责任单位甲', { exact: true })).toBeVisible();
  await expect(ed.docPage.locator('th').getByText('工作职责乙', { exact: true })).toBeVisible();
  await expect(page.getByTestId('outline').locator('.outline-item').nth(1)).toContainText('适用范围');
  // The table sits in the moved section, under 适用范围.
  const order = await ed.docPage.locator('.doc-h, table').evaluateAll((els) => els.map((e) => (e.tagName === 'TABLE' ? 'TABLE' : e.textContent)));
  expect(order.indexOf('TABLE')).toBe(order.indexOf('适用范围') + 1);
});

test('an edit made with keys alone (Enter, Backspace), before any click, is saved and survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  // Split a paragraph with Enter: no character typed, no click in the editor first.
  const para = ed.paragraph('为建立健全本区森林火灾应对工作机制');
  await ed.caretAfterByKeyboard(para, '工作机制，');
  await page.keyboard.press('Enter');
  await expect(ed.saveState).not.toHaveAttribute('data-state', 'saved');
  await ed.waitSaved();
  await page.reload();
  await expect(ed.paragraph('为建立健全本区森林火灾应对工作机制')).toHaveText(/工作机制，$/);
  await expect(ed.docPage.locator('p', { hasText: /^依法、科学/ })).toHaveCount(1);

  // Join them again with Backspace at the start of the second, after the reload.
  await ed.caretAfterByKeyboard(ed.docPage.locator('p', { hasText: /^依法、科学/ }), '');
  await page.keyboard.press('Backspace');
  await expect(ed.saveState).not.toHaveAttribute('data-state', 'saved');
  await ed.waitSaved();
  await page.reload();
  await expect(ed.paragraph('为建立健全本区森林火灾应对工作机制')).toContainText('工作机制，依法、科学');
});

test('a second window on the same plan does not overwrite what the first saved: it stops saving, says why, and reopens', async ({ page, host }) => {
  await page.goto(host.url);
  const { id } = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  const url = `${host.url}/#/plans/${id}`;
  const other = await page.context().newPage();
  await Promise.all([page.goto(url), other.goto(url)]);
  const a = new PlanEditor(page);
  const b = new PlanEditor(other);
  await a.caretAtEnd(a.paragraph('为建立健全本区森林火灾应对工作机制'));
  await page.keyboard.type('甲窗口的修改。');
  await a.waitSaved();

  await b.caretAtEnd(b.paragraph('为建立健全本区森林火灾应对工作机制'));
  await other.keyboard.type('乙窗口的修改。');
  await expect(other.getByTestId('plan-stale')).toContainText('已在另一个窗口');
  await expect(b.saveState).toHaveAttribute('data-state', 'stale');
  await screenshot(other, 'plan-stale-window');
  const stored = await invoke<{ doc: { sections: { body: unknown }[] } }>(page, 'plan.get', { id });
  expect(JSON.stringify(stored.doc)).toContain('甲窗口的修改。');
  expect(JSON.stringify(stored.doc)).not.toContain('乙窗口的修改。');

  // Reopening shows what the first window saved, and saving works again from there.
  await other.getByTestId('plan-stale').getByRole('button', { name: '重新打开预案' }).click();
  await expect(other.getByTestId('plan-stale')).toHaveCount(0);
  await expect(b.paragraph('为建立健全本区森林火灾应对工作机制')).toContainText('甲窗口的修改。');
  await b.caretAtEnd(b.paragraph('为建立健全本区森林火灾应对工作机制'));
  await other.keyboard.type('乙接着改。');
  await b.waitSaved();
  await other.close();
  await page.reload();
  await expect(a.paragraph('为建立健全本区森林火灾应对工作机制')).toContainText('甲窗口的修改。乙接着改。');
});

test('a new chapter is shown with its title selected, named by typing, and kept after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  // Counted in the document: the outline holds only the rows in view. A chapter not yet mounted shows the same heading.
  const chapters = await ed.docPage.locator('.doc-h[data-level="1"][data-kind="body"]').count();
  await page.getByTestId('add-chapter').click();
  // It lands before the annexes, far below: in view, its title selected, so typing names it.
  await expect(ed.heading('新章节')).toBeInViewport();
  // The side panel follows the cursor into it.
  await expect(page.getByTestId('lineage-panel')).toContainText('新章节');
  await expect(page.getByTestId('lineage-panel')).toContainText('本区新增');
  await page.keyboard.type('区级补充规定');
  await expect(ed.heading('区级补充规定')).toBeVisible();
  await expect(ed.outlineItem('区级补充规定')).toContainText(String(chapters + 1));
  await ed.waitSaved();
  await screenshot(page, 'plan-editor-new-chapter');
  await page.reload();
  await expect(ed.outlineItem('区级补充规定')).toContainText(String(chapters + 1));
  await expect(ed.docPage.locator('.doc-h', { hasText: '新章节' })).toHaveCount(0);
});

test('the outline holds only the rows in view, reaches every heading and follows the cursor', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  const outline = page.getByTestId('outline');
  const rows = outline.locator('.outline-item');
  await expect(rows.first()).toContainText('总则');
  const count = Number(await outline.getAttribute('data-count'));
  expect(count).toBeGreaterThan(40);
  expect(await rows.count()).toBeLessThan(count);
  // Scrolled to the end, the last heading is there and jumps to its place in the document.
  await outline.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = rows.last();
  await expect(last).toBeInViewport();
  const title = (await last.getAttribute('title'))!;
  await last.click();
  await expect(ed.heading(title)).toBeInViewport();
  // Back at the top of the outline, the cursor's section deep in the plan is brought into view.
  await outline.evaluate((el) => (el.scrollTop = 0));
  await expect(rows.first()).toContainText('总则');
  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await ed.heading(title).click();
  await expect(outline.locator('.outline-item.current')).toHaveAttribute('title', title);
  await expect(outline.locator('.outline-item.current')).toBeInViewport();
  await screenshot(page, 'plan-editor-outline-follows-cursor');
});

test('switches numbering style and shows 一、（一） numbers', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/地震/);
  await expect(ed.outlineItem('总则')).toContainText('1');
  await page.getByTestId('numbering-style').click();
  await page.locator('.ant-select-item-option', { hasText: '一、' }).click();
  await expect(ed.outlineItem('总则')).toContainText('一、');
  await expect(ed.outlineItem('编制目的')).toContainText('（一）');
  await expect(ed.heading('编制目的')).toHaveAttribute('data-number', '（一）');
  await screenshot(page, 'plan-editor-official-numbering');
});

test('edits the plan’s 牵头单位 and 编号 from the header and sees them in 预案库', async ({ page, host }) => {
  await page.goto(host.url);
  await page.evaluate((p) => window.workbench!.invoke('profile.save', p), PROFILE);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await expect(page.getByTestId('plan-lead-unit')).toHaveText('牵头：区林业局');
  await page.getByTestId('edit-meta').click();
  const form = page.getByTestId('plan-meta-form');
  await form.getByTestId('meta-lead-unit').locator('input').fill('区应急管理局');
  await form.getByTestId('meta-code').fill('XDYA-2026-07');
  await screenshot(page, 'plan-meta-dialog');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByTestId('plan-lead-unit')).toHaveText('牵头：区应急管理局');
  await expect(page.getByTestId('plan-code')).toHaveText('XDYA-2026-07');
  await page.getByRole('button', { name: '返回预案库' }).click();
  const row = page.getByTestId('plan-table').locator('tbody tr.ant-table-row', { hasText: '小店区森林火灾应急预案' });
  await expect(row).toContainText('区应急管理局');
  await expect(row).not.toContainText('区林业局');
  await screenshot(page, 'plan-library-meta-edited');
});

test('Chinese input method composition works in paragraphs, headings, table cells and next to placeholders', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  const cdp = await page.context().newCDPSession(page);

  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await ed.compose(cdp, 'yingjiyuan', '应急预案');
  await expect(ed.paragraph('为建立健全本区森林火灾应对工作机制')).toContainText('制定本预案。应急预案');

  await ed.caretAtEnd(ed.heading('编制目的'));
  await ed.compose(cdp, 'heyiyi', '和意义');
  await expect(ed.heading('编制目的和意义')).toBeVisible();
  await expect(ed.outlineItem('编制目的和意义')).toBeVisible();

  const cell = ed.docPage.locator('td').first();
  await ed.caretAtEnd(cell);
  await ed.compose(cdp, 'lianluo', '联络');
  await expect(cell).toContainText('联络');

  // Right after a placeholder chip: the caret at the start of the text that follows the chip.
  const item = ed.docPage.locator('li', { has: page.locator('.ph-chip') }).first();
  await item.getByText('突发事件总体应急预案').click();
  await item.evaluate((li) => {
    const host = li.querySelector('.ph-host')!;
    let next: Node | null = host.nextSibling;
    while (next && next.nodeType !== Node.TEXT_NODE) next = next.firstChild ?? next.nextSibling;
    const range = document.createRange();
    range.setStart(next!, 0);
    range.collapse(true);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  await page.waitForTimeout(100);
  await ed.compose(cdp, 'ben', '本');
  await expect(item).toContainText('本突发事件总体应急预案');
  await expect(item.locator('.ph-chip')).toHaveCount(1);

  // A cancelled composition leaves nothing behind.
  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await ed.compose(cdp, 'zuofei', null);
  await expect(ed.docPage).not.toContainText('zuofei');
  await ed.waitSaved();

  await page.reload();
  await expect(ed.paragraph('制定本预案。应急预案')).toBeVisible();
  await expect(ed.heading('编制目的和意义')).toBeVisible();
  await expect(ed.docPage.locator('td').first()).toContainText('联络');
  await expect(ed.docPage.locator('li', { hasText: '本突发事件总体应急预案' })).toBeVisible();
});

test('fills a placeholder everywhere from the side panel and shows lineage of the section under the cursor', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await expect(ed.docPage.locator('.ph-chip').first()).toBeVisible();
  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await expect(page.getByTestId('lineage-panel')).toContainText('条款“编制目的”');
  await expect(page.getByTestId('lineage-same')).toBeVisible();
  await ed.typeAndSave('修改一处。');
  await expect(page.getByTestId('lineage-changed')).toBeVisible();
  await screenshot(page, 'plan-editor-lineage');

  await page.getByTestId('fill-区名').fill('迎泽区');
  await page.getByTestId('fill-区名').press('Enter');
  await expect(page.getByTestId('page-title')).toHaveText('迎泽区森林火灾应急预案');
  await expect(ed.docPage.locator('.ph-chip[data-placeholder="区名"]')).toHaveCount(0);
  await expect(ed.docPage).toContainText('迎泽区突发事件总体应急预案');
  await expect(ed.paragraph('修改一处。')).toBeVisible();
});

test('a plan made before 设置 → 区情 is filled reads 〔区名〕 in its title in 预案库 and the editor, until the side panel fills it', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await expect(page.getByTestId('page-title')).toHaveText('〔区名〕森林火灾应急预案');
  await page.getByRole('menuitem', { name: '预案库' }).click();
  const row = page.getByTestId('plan-table').locator('tbody tr.ant-table-row').first();
  await expect(row).toContainText('〔区名〕森林火灾应急预案');
  await expect(row).not.toContainText('{{');
  await screenshot(page, 'plan-library-unfilled-title');
  await row.getByText('〔区名〕森林火灾应急预案').click();
  await page.getByTestId('fill-区名').fill('迎泽区');
  await page.getByTestId('fill-区名').press('Enter');
  await expect(page.getByTestId('page-title')).toHaveText('迎泽区森林火灾应急预案');
  await page.getByRole('menuitem', { name: '预案库' }).click();
  await expect(page.getByTestId('plan-table').locator('tbody tr.ant-table-row').first()).toContainText('迎泽区森林火灾应急预案');
});

test('检查 lists a hint met in several sections once, naming each section as numbered; a click on one goes there', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2024/);
  const panel = page.getByTestId('checks-panel');
  const item = panel.getByTestId('finding-unfilled-placeholder').filter({ hasText: '占位符：{{区名}}，' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('共 4 处：1.2 编制依据；1.7 预案体系与衔接；2.3 成员单位职责；9.4 实施时间');
  await screenshot(page, 'plan-checks-grouped');
  await item.getByTestId('finding-place').filter({ hasText: '9.4 实施时间' }).click();
  await expect(ed.heading('实施时间')).toBeInViewport();
  await expect(page.getByTestId('lineage-panel')).toContainText('条款“实施时间”');
});

test('finds and replaces across chapters', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await ed.docPage.locator('p').first().click();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('森林防火指挥部');
  await expect(page.getByTestId('find-note')).toContainText(/共 \d+ 处/);
  // 下一个 after typing shows the first match, not the second.
  await page.getByTestId('find-next').click();
  await expect(page.getByTestId('find-note')).toContainText(/第 1 \/ \d+ 处/);
  await page.getByTestId('replace-input').fill('森林草原防灭火指挥部');
  await page.getByTestId('replace-all').click();
  await expect(page.getByTestId('find-note')).toContainText(/已替换 \d+ 处（\d+ 章）/);
  await ed.waitSaved();
  await page.reload();
  await expect(ed.docPage).not.toContainText('森林防火指挥部');
  await expect(ed.docPage).toContainText('森林草原防灭火指挥部');

  // 撤销全部替换 undoes it in every chapter, as Word does in one step, and that is saved too.
  await ed.docPage.locator('p').first().click();
  await page.keyboard.press('Control+h');
  await page.getByTestId('find-input').fill('森林草原防灭火指挥部');
  await page.getByTestId('replace-input').fill('森林防火指挥部');
  await page.getByTestId('replace-all').click();
  await expect(ed.docPage).not.toContainText('森林草原防灭火指挥部');
  await page.getByTestId('undo-replace-all').click();
  await expect(page.getByTestId('find-note')).toHaveText('已撤销全部替换');
  await expect(ed.docPage).not.toContainText('森林防火指挥部');
  await ed.waitSaved();
  await page.reload();
  await expect(ed.docPage).toContainText('森林草原防灭火指挥部');
  await expect(ed.docPage).not.toContainText('森林防火指挥部');

  // A chapter edited after the replace-all keeps its text (its own Ctrl+Z would undo that edit first); the note says so.
  await ed.docPage.locator('p').first().click();
  await page.keyboard.press('Control+h');
  await page.getByTestId('find-input').fill('森林草原防灭火指挥部');
  await page.getByTestId('replace-input').fill('森林防火指挥部');
  await page.getByTestId('replace-all').click();
  await ed.caretAtEnd(ed.docPage.locator('p').first());
  await page.keyboard.type('补记。');
  await page.getByTestId('undo-replace-all').click();
  await expect(page.getByTestId('find-note')).toContainText('1 章替换后又有修改，未撤销');
  await expect(ed.docPage.locator('p').first()).toContainText('补记。');
});

test('Enter in the find box goes to the next match and never types into the document; Esc leaves the match selected', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2019/);
  await ed.docPage.locator('p').first().click();
  // Every chapter mounted (far ones mount after the first screen), so the text compared is the whole plan
  // (textContent: innerText leaves out chapters off screen, which content-visibility skips).
  await expect(ed.docPage.locator('.chapter-pending')).toHaveCount(0);
  const before = await ed.docPage.textContent();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('森林防火指挥部');
  await expect(page.getByTestId('find-note')).toContainText(/共 \d+ 处/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-note')).toContainText(/第 1 \/ \d+ 处/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-note')).toContainText(/第 2 \/ \d+ 处/);
  await expect(page.getByTestId('find-input')).toBeFocused();
  // The match shown is painted, not selected: the document is exactly as it was.
  expect(await page.evaluate(() => CSS.highlights.get('find-current')?.size)).toBe(1);
  await screenshot(page, 'plan-find-next');
  expect(await ed.docPage.textContent()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('森林防火指挥部');
  expect(await page.evaluate(() => CSS.highlights.has('find-current'))).toBe(false);
  await expect(ed.saveState).toHaveAttribute('data-state', 'saved');
  expect(await ed.docPage.textContent()).toBe(before);
});

test('pasting from Word keeps headings, lists and tables and drops foreign styling', async ({ page, host }) => {
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/地震/);
  const target = ed.docPage.locator('p').nth(2);
  await ed.caretAtEnd(target);
  await page.keyboard.press('Enter');
  const html = [
    '<html><body><!--StartFragment-->',
    '<h2 style="font-family:黑体;color:#ff0000;font-size:22pt">粘贴的标题</h2>',
    '<p class="MsoNormal" style="text-indent:32pt;font-family:仿宋;color:red;font-size:18pt;background:yellow">来自Word的段落，<b>加粗部分</b>，<span style="color:blue;font-size:30pt">彩色文字</span>。</p>',
    '<ul><li>条目一</li><li>条目二</li></ul>',
    '<p class="MsoListParagraph">（1）&nbsp;&nbsp;地震专家</p>',
    '<table border="1" style="border-collapse:collapse"><tr><td style="background:#ccc">单元格甲</td><td>单元格乙</td></tr><tr><td>单元格丙</td><td>单元格丁</td></tr></table>',
    '<!--EndFragment--></body></html>',
  ].join('');
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', '粘贴的标题 来自Word的段落');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  const heading = ed.heading('粘贴的标题');
  await expect(heading).toHaveAttribute('data-level', '2');
  await expect(ed.outlineItem('粘贴的标题')).toBeVisible();
  const para = ed.paragraph('来自Word的段落');
  await expect(para.locator('strong, .doc-bold').filter({ hasText: '加粗部分' })).toHaveCount(1);
  expect(await para.evaluate((p) => [p, ...p.querySelectorAll('*')].filter((e) => (e as HTMLElement).getAttribute('style')).length)).toBe(0);
  await expect(ed.docPage.locator('li', { hasText: '条目二' })).toBeVisible();
  await expect(ed.docPage.locator('td', { hasText: '单元格丁' })).toBeVisible();
  // Word's gap after a typed list marker is dropped: Chinese text puts nothing there.
  await expect(ed.paragraph('（1）')).toHaveText('（1）地震专家');
  await ed.waitSaved();
  await page.reload();
  await expect(ed.heading('粘贴的标题')).toHaveAttribute('data-level', '2');
  await expect(ed.docPage.locator('td', { hasText: '单元格丁' })).toBeVisible();
  await screenshot(page, 'plan-editor-paste');
});

test('exports the plan to Word after showing the checks, and exports several plans at once', async ({ page, host }) => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const JSZip = (await import('jszip')).default;
  await page.goto(host.url);
  const ed = new PlanEditor(page);
  await ed.create(/森林火灾.*2024/);
  await ed.create(/地震/);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docx').click();
  await expect(page.locator('.ant-modal-confirm-title')).toContainText(/检查发现 \d+ 个问题/);
  await screenshot(page, 'export-checks');
  await page.getByRole('button', { name: '仍然导出' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^\{\{区名\}\}地震应急预案_\d{8}\.docx$|地震应急预案_\d{8}\.docx$/);
  const out = path.join(process.cwd(), 'test-results', 'exports', 'plan-from-ui.docx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await file.saveAs(out);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  expect(xml.includes('地震应急预案')).toBe(true);
  expect(styles.includes('w:eastAsia="仿宋_GB2312"')).toBe(true);

  await page.getByRole('menuitem', { name: '预案库' }).click();
  await page.getByTestId('plan-table').locator('.ant-checkbox-input').first().check();
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByTestId('batch-export').click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.every((n) => n.endsWith('.docx'))).toBe(true);
});

test('imports an existing plan from a Word file into the library', async ({ page, host }) => {
  await page.goto(host.url);
  const b64 = await page.evaluate(async () => {
    const call = async (c: string, i: unknown) => ((await window.workbench!.invoke(c, i)) as { data: { id: string; dataBase64: string } }).data;
    const plan = await call('plan.create', { templateId: 'geological-hazard', revision: '2023' });
    return (await call('plan.export-docx', { id: plan.id })).dataBase64;
  });
  await page.getByRole('menuitem', { name: '预案库' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-docx').click();
  await (await chooser).setFiles({ name: '现行地质灾害应急预案.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(b64, 'base64') });
  await expect(page.locator('.ant-modal-confirm-title')).toContainText('已导入');
  await page.locator('.ant-modal-confirm').getByRole('button').click();
  const ed = new PlanEditor(page);
  await expect(ed.docPage).toBeVisible();
  await expect(ed.outlineItem('总则')).toBeVisible();
  await expect(page.getByTestId('lineage-panel').or(page.getByText('将光标放在任一章节中查看其来源'))).toBeVisible();
});

test('a double click on 复制 in 预案库 makes one copy', async ({ page, host }) => {
  await page.goto(host.url);
  await invoke(page, 'profile.save', PROFILE);
  await invoke(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  await page.getByRole('menuitem', { name: '预案库' }).click();
  const rows = page.getByTestId('plan-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: /^复\s?制$/ }).dblclick();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('已复制')).toHaveCount(1);
  // Read back from the database, after both clicks' requests would have been answered.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '（副本）' })).toHaveCount(1);
});
