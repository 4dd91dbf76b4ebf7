// Ctrl+A twice selects the whole plan across its chapter editors and Ctrl+C copies all of it, as in Word;
// before, Ctrl+A only ever selected the chapter under the caret, and Ctrl+C copied that one chapter.
import type { Page } from '@playwright/test';
import { expect, invoke, screenshot, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

const FIRST = '为建立健全本区森林火灾应对工作机制';

/** A plan of twelve chapters (tables, lists, three annexes), the caret in its first paragraph. */
async function openPlan(page: Page, url: string): Promise<PlanEditor> {
  await page.goto(url);
  const { id } = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  await page.goto(`${url}/#/plans/${id}`);
  const ed = new PlanEditor(page);
  await ed.caretAtEnd(ed.paragraph(FIRST));
  return ed;
}

/** Where the selection's two ends are: the chapter ids they fall in (null outside every chapter). */
function selectionInfo() {
  const sel = window.getSelection()!;
  const chapterOf = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>('[data-chapter-id]')?.dataset.chapterId ?? null;
  const chapters = [...document.querySelectorAll<HTMLElement>('[data-testid="doc-page"] > [data-chapter-id]')];
  const range = sel.rangeCount ? sel.getRangeAt(0) : null;
  return {
    anchor: chapterOf(sel.anchorNode),
    focus: chapterOf(sel.focusNode),
    first: chapters[0]!.dataset.chapterId!,
    last: chapters[chapters.length - 1]!.dataset.chapterId!,
    spansFirst: !!range && range.intersectsNode(chapters[0]!),
    spansLast: !!range && range.intersectsNode(chapters[chapters.length - 1]!),
    text: sel.toString(),
  };
}

test('Ctrl+A twice selects the whole plan, Ctrl+C copies every chapter with numbers and tables, and nothing edits it', async ({ page, host }) => {
  const ed = await openPlan(page, host.url);
  await ed.waitSaved();

  // Once: the chapter, as before.
  await page.keyboard.press('Control+a');
  let sel = await page.evaluate(selectionInfo);
  expect(sel.anchor).toBe(sel.first);
  expect(sel.focus).toBe(sel.first);
  expect(sel.text).toContain(FIRST);
  expect(sel.text).not.toContain('组织指挥体系及职责');
  await expect(ed.docPage).not.toHaveAttribute('data-whole-selected');

  // Twice: every chapter, the late ones mounted too.
  await page.keyboard.press('Control+a');
  await expect(ed.docPage).toHaveAttribute('data-whole-selected', '');
  sel = await page.evaluate(selectionInfo);
  expect(sel.spansFirst && sel.spansLast).toBe(true);
  expect(sel.text).toContain(FIRST);
  expect(sel.text).toContain('后期处置：善后处置、调查评估、恢复重建。');
  // Where one chapter ends and the next begins: both highlighted.
  await ed.heading('组织指挥体系及职责').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'plan-whole-document-selected');

  // Ctrl+C: text with the numbers shown, and HTML with headings, a table and a list.
  await page.evaluate(() => {
    window.addEventListener('copy', (e) => {
      (window as unknown as { copied: { text: string; html: string } }).copied = { text: e.clipboardData!.getData('text/plain'), html: e.clipboardData!.getData('text/html') };
    });
  });
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => (window as unknown as { copied?: { text: string; html: string } }).copied);
  expect(copied).toBeTruthy();
  const { text, html } = copied!;
  expect(text.startsWith('1\u3000总则\n1.1\u3000编制目的\n')).toBe(true);
  expect(text).toContain('\n附件3\u3000应急响应流程\n');
  expect(text).toContain('成员单位\t主要职责');
  expect(text).toContain('10. 后期处置：善后处置、调查评估、恢复重建。');
  expect(html).toMatch(/<h1><span data-heading-number="">1\u3000<\/span>总则<\/h1>/);
  expect(html).toMatch(/<h1[^>]*><span data-heading-number="">附件3\u3000<\/span>应急响应流程<\/h1>/);
  expect(html).toContain('<h2><span data-heading-number="">1.1\u3000</span>编制目的</h2>');
  expect(html).toMatch(/<table[^>]*><tr><th[^>]*><p>成员单位<\/p><\/th>/);
  expect(html).toContain('<ol><li>发现火情');

  // Typing, Backspace, Ctrl+X and Ctrl+V change nothing: a message says why, the plan stays selected.
  const before = await ed.docPage.innerText();
  await page.keyboard.type('a');
  await expect(page.locator('.ant-message')).toContainText('整篇选中时只能复制；要修改请在一章内选择');
  for (const key of ['Backspace', 'Delete', 'Enter', 'Control+x', 'Control+v', 'Control+b']) await page.keyboard.press(key);
  // Text an input method commits arrives without a key: with no editor focused it has nowhere to go.
  await page.keyboard.insertText('改');
  await expect(ed.docPage).toHaveAttribute('data-whole-selected', '');
  expect(await ed.docPage.innerText()).toBe(before);
  await expect(ed.saveState).toHaveAttribute('data-state', 'saved');

  // An arrow key returns to one chapter: the caret at the plan's start, where typing edits again.
  await page.keyboard.press('ArrowLeft');
  await expect(ed.docPage).not.toHaveAttribute('data-whole-selected');
  sel = await page.evaluate(selectionInfo);
  expect(sel.anchor).toBe(sel.first);
  expect(sel.text).toBe('');
  await page.keyboard.type('新');
  await expect(ed.heading('新总则')).toBeVisible();
});

test('the copied plan pasted back into a chapter keeps headings, lists and tables without doubling the numbers', async ({ page, host }) => {
  const ed = await openPlan(page, host.url);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+a');
  await expect(ed.docPage).toHaveAttribute('data-whole-selected', '');
  await page.evaluate(() => window.addEventListener('copy', (e) => ((window as unknown as { html: string }).html = e.clipboardData!.getData('text/html'))));
  await page.keyboard.press('Control+c');

  // Clicking a paragraph ends the whole-plan selection; the copy goes into a new paragraph after it, as a paste from WPS would.
  await ed.caretAtEnd(ed.paragraph(FIRST));
  await expect(ed.docPage).not.toHaveAttribute('data-whole-selected');
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', (window as unknown as { html: string }).html);
    dt.setData('text/plain', 'x');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  const chapter = ed.docPage.locator('[data-chapter-id]').first();
  // The second 编制目的 is the pasted one: a heading again, its title without a number (the plan numbers it).
  await expect(chapter.locator('.doc-h', { hasText: '编制目的' })).toHaveCount(2);
  const titles = await chapter.locator('.doc-h').allTextContents();
  expect(titles.filter((t) => t.includes('总则'))).toEqual(['总则', '总则']);
  expect(titles.some((t) => /^\d/.test(t))).toBe(false);
  await expect(chapter.locator('table').filter({ hasText: '区委宣传部' })).toHaveCount(1);
  await expect(chapter.locator('ol li', { hasText: '发现火情' })).toHaveCount(1);
});
