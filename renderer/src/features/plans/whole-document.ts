// Ctrl+A twice selects the whole plan across its chapter editors, as in Word: a native selection over the page,
// which Ctrl+C copies (numbered headings, lists, tables) and nothing can edit; a click or an arrow key ends it.
import { $getRoot, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PlanSection } from '@shared/doc-model';
import { planClipboard } from '../../editor/plan-clipboard';
import { isWholeChapterSelected } from '../../editor/whole-chapter';

export const WHOLE_DOCUMENT_READ_ONLY = '整篇选中时只能复制；要修改请在一章内选择';

export interface WholeDocumentOptions {
  docPage: React.RefObject<HTMLDivElement | null>;
  editorOf(chapterId: string): LexicalEditor | undefined;
  /** The chapter editors in document order, every chapter mounted first. */
  mountAll(): LexicalEditor[];
  /** Every section of the plan as the editors hold it now, and the heading numbers shown. */
  sections(): PlanSection[];
  numbers: ReadonlyMap<string, string>;
  refuse(text: string): void;
}

/** Keys that never edit: they may pass while the whole plan is selected. */
const NEUTRAL_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Escape', 'PageUp', 'PageDown', 'ContextMenu']);
const TO_START = new Set(['ArrowLeft', 'ArrowUp', 'Home']);
const TO_END = new Set(['ArrowRight', 'ArrowDown', 'End']);

export function useWholeDocument({ docPage, editorOf, mountAll, sections, numbers, refuse }: WholeDocumentOptions) {
  const on = useRef(false);
  const latest = useRef({ editorOf, mountAll, sections, numbers, refuse });
  latest.current = { editorOf, mountAll, sections, numbers, refuse };

  const end = useCallback(() => {
    on.current = false;
    delete docPage.current?.dataset.wholeSelected;
  }, [docPage]);

  const select = useCallback(() => {
    const page = docPage.current;
    if (!page) return;
    latest.current.mountAll();
    // The page, not an editor, holds focus and the selection: no editor sees the keys, IME has nowhere to write.
    page.focus({ preventScroll: true });
    window.getSelection()?.setBaseAndExtent(page, 0, page, page.childNodes.length);
    page.dataset.wholeSelected = '';
    on.current = true;
  }, [docPage]);

  /** Leaves the whole-plan selection for a caret at the plan's start or end, in its first or last chapter. */
  const collapse = useCallback(
    (toEnd: boolean) => {
      end();
      const editors = latest.current.mountAll();
      const editor = toEnd ? editors[editors.length - 1] : editors[0];
      if (!editor) return;
      editor.update(() => (toEnd ? $getRoot().selectEnd() : $getRoot().selectStart()));
      editor.focus();
    },
    [end],
  );

  /** The page's capture-phase key handler: true when the key was taken (the caller stops there). */
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent): boolean => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (!on.current) {
        if (!mod || e.altKey || e.shiftKey || key !== 'a') return false;
        // The first Ctrl+A is the chapter editor's own (the select-all the bench measures): only a check here.
        const chapterId = (e.target as HTMLElement).closest?.<HTMLElement>('.chapter-editable')?.closest<HTMLElement>('[data-chapter-id]')?.dataset.chapterId;
        const editor = chapterId ? latest.current.editorOf(chapterId) : undefined;
        if (!editor || !isWholeChapterSelected(editor)) return false;
        e.preventDefault();
        e.stopPropagation();
        select();
        return true;
      }
      if (NEUTRAL_KEYS.has(e.key) || /^F\d+$/.test(e.key)) return false;
      if (mod && (key === 'c' || key === 's' || key === 'f' || key === 'h' || key === 'p')) return false;
      e.preventDefault();
      e.stopPropagation();
      if (mod && key === 'a') select();
      else if (!e.shiftKey && (TO_START.has(e.key) || TO_END.has(e.key))) collapse(TO_END.has(e.key));
      // Shift+arrows (extending a selection that is already everything) and Tab change nothing: no message.
      else if (e.key === 'Tab' || e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') return true;
      else latest.current.refuse(WHOLE_DOCUMENT_READ_ONLY);
      return true;
    },
    [select, collapse],
  );

  useEffect(() => {
    // Every keystroke's caret move comes here too: it returns at once unless the whole plan is selected.
    const onSelectionChange = () => {
      if (!on.current) return;
      const page = docPage.current;
      const sel = window.getSelection();
      // A click or anything else that moves the selection ends the whole-plan selection.
      if (sel?.anchorNode !== page || sel?.focusNode !== page) end();
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!on.current || !e.clipboardData) return;
      const { text, html } = planClipboard(latest.current.sections(), latest.current.numbers);
      e.clipboardData.setData('text/plain', text);
      e.clipboardData.setData('text/html', html);
      e.preventDefault();
    };
    const onChange = (e: Event) => {
      if (!on.current) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.refuse(WHOLE_DOCUMENT_READ_ONLY);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('copy', onCopy, true);
    document.addEventListener('cut', onChange, true);
    document.addEventListener('paste', onChange, true);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('copy', onCopy, true);
      document.removeEventListener('cut', onChange, true);
      document.removeEventListener('paste', onChange, true);
    };
  }, [docPage, end]);

  /** Whether the whole plan is selected now (toolbar actions are refused then). */
  const isOn = useCallback(() => on.current, []);
  return useMemo(() => ({ onKeyDown, isOn }), [onKeyDown, isOn]);
}
