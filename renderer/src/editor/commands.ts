// Toolbar and shortcut actions on one chapter editor: block types, tables, placeholders, outline jumps.
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, $isListNode } from '@lexical/list';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  INSERT_TABLE_COMMAND,
} from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $createParagraphNode, $isElementNode, $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, type ElementNode, type LexicalEditor } from 'lexical';
import type { SectionLevel } from '@shared/doc-model';
import { $blockOf } from './chapter-sections';
import { newSectionId } from './ids';
import { USER_EDIT } from './plugins/ReportPlugin';
import { $createSectionHeadingNode, $isSectionHeadingNode, type SectionHeadingNode } from './nodes/SectionHeadingNode';

export type BlockChoice = 'paragraph' | 2 | 3 | 4;

/** An edit made for the user outside typing (toolbar, find/replace): tagged so autosave counts it. */
export function userUpdate(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { tag: USER_EDIT });
}

/** Turns the blocks under the selection into headings of a level, or back into paragraphs. */
export function setBlockType(editor: LexicalEditor, choice: BlockChoice): void {
  userUpdate(editor, () => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return;
    const kind = ($getRoot().getFirstChild() as SectionHeadingNode | null)?.getKind?.() ?? 'body';
    const blocks = new Set<ElementNode>();
    // Blocks under the root: text in a table cell answers with its table, which is left alone (no heading in a table).
    for (const n of [...sel.getNodes(), sel.anchor.getNode()]) {
      const top = $blockOf(n);
      if ($isElementNode(top)) blocks.add(top);
    }
    for (const b of blocks) {
      if ($isListNode(b) || b.getType() === 'table') continue;
      if ($isSectionHeadingNode(b)) {
        if (b.getLevel() === 1) continue;
        if (choice === 'paragraph') {
          const p = $createParagraphNode();
          b.getChildren().forEach((c) => p.append(c));
          b.replace(p);
        } else b.setLevel(choice as SectionLevel);
      } else if (choice !== 'paragraph') {
        const h = $createSectionHeadingNode(newSectionId(), choice as SectionLevel, kind);
        b.getChildren().forEach((c) => h.append(c));
        b.replace(h);
      }
    }
  });
}

export function toggleList(editor: LexicalEditor, type: 'bullet' | 'number'): void {
  let inList = false;
  editor.getEditorState().read(() => {
    const sel = $getSelection();
    if ($isRangeSelection(sel)) {
      const top = sel.anchor.getNode().getTopLevelElement();
      inList = $isListNode(top) && top.getListType() === type;
    }
  });
  editor.dispatchCommand(inList ? REMOVE_LIST_COMMAND : type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}

export function insertTable(editor: LexicalEditor, rows = 3, columns = 3): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: String(rows), columns: String(columns), includeHeaders: { rows: true, columns: false } });
}

export type TableAction = 'row-below' | 'column-right' | 'delete-row' | 'delete-column';

export function tableAction(editor: LexicalEditor, action: TableAction): void {
  userUpdate(editor, () => {
    if (action === 'row-below') $insertTableRowAtSelection(true);
    else if (action === 'column-right') {
      const sel = $getSelection();
      const cell = $isRangeSelection(sel) ? $findMatchingParent(sel.anchor.getNode(), $isTableCellNode) : null;
      $insertTableColumnAtSelection(true);
      // Lexical leaves the caret in the new column's header cell (the table scrolls to its top): stay in the row.
      const right = cell?.getNextSibling();
      if ($isTableCellNode(right)) right.selectStart();
    }
    else if (action === 'delete-row') $deleteTableRowAtSelection();
    else $deleteTableColumnAtSelection();
  });
}

/** Puts the cursor at the end of a section's heading and scrolls it into view. */
export function focusSection(editor: LexicalEditor, sectionId: string, selectTitle = false): boolean {
  let found = false;
  editor.update(() => {
    const h = $getRoot().getChildren().find((n) => $isSectionHeadingNode(n) && n.getSectionId() === sectionId);
    if (h && $isSectionHeadingNode(h)) {
      // A new chapter's title is selected, so that typing names it.
      if (selectTitle) h.select(0, h.getChildrenSize());
      else h.selectEnd();
      found = true;
    }
  });
  if (found) {
    editor.focus();
    document.querySelector(`[data-section-id="${CSS.escape(sectionId)}"]`)?.scrollIntoView({ block: 'center' });
  }
  return found;
}

/** Gives a heading a fresh id (a pasted copy of another heading must not share its section id). */
export function reassignSectionId(editor: LexicalEditor, sectionId: string, occurrence: number): void {
  userUpdate(editor, () => {
    const matches = $getRoot().getChildren().filter((n): n is SectionHeadingNode => $isSectionHeadingNode(n) && n.getSectionId() === sectionId);
    matches[occurrence]?.setSectionId(newSectionId());
  });
}

export function nodeExists(editor: LexicalEditor, key: string): boolean {
  return editor.getEditorState().read(() => $getNodeByKey(key) !== null);
}
