// Page object for the plan library and editor.
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

export class PlanEditor {
  constructor(readonly page: Page) {}

  /** Creates a plan through 新建预案 and waits for the editor. */
  async create(templateLabel: RegExp, numbering: 'decimal' | 'official' = 'decimal'): Promise<void> {
    await this.page.getByRole('menuitem', { name: '预案库' }).click();
    await this.page.getByTestId('new-plan').click();
    // On a loaded machine a click can land while the dropdown is still opening or its options still loading:
    // choose again until the field shows the choice.
    await expect(async () => {
      await this.page.getByTestId('new-plan-template').click();
      await this.page.locator('.ant-select-item-option', { hasText: templateLabel }).first().click({ timeout: 5000 });
      await expect(this.page.getByTestId('new-plan-template')).toContainText(templateLabel, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    // A dropdown that lingers (slow machine) would cover the buttons: clicking the title closes it.
    await this.page.locator('.ant-modal-title', { hasText: '新建预案' }).click();
    if (numbering === 'official') await this.page.getByLabel(/公文样式/).check();
    await this.page.getByRole('button', { name: '创 建' }).click();
    await expect(this.docPage).toBeVisible();
  }

  get docPage(): Locator {
    return this.page.getByTestId('doc-page');
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  heading(title: string): Locator {
    return this.docPage.locator('.doc-h', { hasText: title }).first();
  }

  paragraph(text: string): Locator {
    return this.docPage.locator('p', { hasText: text }).first();
  }

  outlineItem(title: string): Locator {
    return this.page.getByTestId('outline').locator('.outline-item', { hasText: title }).first();
  }

  /** Puts the caret at the very end of a block (End alone stops at the end of a wrapped line). */
  async caretAtEnd(block: Locator): Promise<void> {
    await block.click();
    await block.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    // Let the editor pick up the DOM selection before input arrives.
    await this.page.waitForTimeout(50);
  }

  /** Puts the caret right after `text` inside a block without touching the mouse, as arrow keys would. */
  async caretAfterByKeyboard(block: Locator, text: string): Promise<void> {
    await block.evaluate((el, text) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(text);
        if (at < 0) continue;
        (el.closest('[contenteditable="true"]') as HTMLElement).focus();
        window.getSelection()!.setBaseAndExtent(n, at + text.length, n, at + text.length);
        return;
      }
      throw new Error(`no "${text}" in the block`);
    }, text);
    await this.page.waitForTimeout(50);
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  }

  async typeAndSave(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await expect(this.saveState).not.toHaveAttribute('data-state', 'saved');
    await this.waitSaved();
  }

  /** Pinyin composition through the DevTools protocol, as an input method delivers it. */
  async compose(cdp: CDPSession, pinyin: string, commit: string | null): Promise<void> {
    for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    if (commit === null) await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    else await cdp.send('Input.insertText', { text: commit });
  }
}
