// Find and replace across the chapter editors (matches within one text run; runs are merged by Lexical).
import { userUpdate } from './commands';
import { $getNodeByKey, $getRoot, $isTextNode, UNDO_COMMAND, type LexicalEditor } from 'lexical';

export interface Match {
  chapterId: string;
  nodeKey: string;
  offset: number;
  length: number;
}

export function findMatches(editors: [string, LexicalEditor][], query: string): Match[] {
  if (!query) return [];
  const out: Match[] = [];
  for (const [chapterId, editor] of editors) {
    editor.getEditorState().read(() => {
      for (const node of $getRoot().getAllTextNodes()) {
        const text = node.getTextContent();
        for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + query.length)) out.push({ chapterId, nodeKey: node.getKey(), offset: i, length: query.length });
      }
    });
  }
  return out;
}

const CURRENT = 'find-current';

/**
 * Shows a match without moving the focus: the find box keeps it, so the Enter that asked for the next
 * match is never typed into the document (it replaced the selected match with a paragraph break).
 * The match is painted with the CSS Custom Highlight API (see styles.css ::highlight(find-current)).
 */
export function showMatch(editor: LexicalEditor, m: Match): void {
  const el = editor.getElementByKey(m.nodeKey);
  const text = el?.firstChild;
  if (!el || !(text instanceof Text) || text.length < m.offset + m.length) return selectMatch(editor, m);
  const range = new Range();
  range.setStart(text, m.offset);
  range.setEnd(text, m.offset + m.length);
  CSS.highlights.set(CURRENT, new Highlight(range));
  el.scrollIntoView({ block: 'center' });
}

export function clearShownMatch(): void {
  CSS.highlights.delete(CURRENT);
}

/** Selects a match in its editor and focuses it: the caret is left there to edit. */
export function selectMatch(editor: LexicalEditor, m: Match): void {
  editor.update(() => {
    const node = $getNodeByKey(m.nodeKey);
    if ($isTextNode(node)) node.select(m.offset, m.offset + m.length);
  });
  editor.focus();
  editor.getElementByKey(m.nodeKey)?.scrollIntoView({ block: 'center' });
}

export function replaceMatch(editor: LexicalEditor, m: Match, replacement: string): void {
  userUpdate(editor, () => {
    const node = $getNodeByKey(m.nodeKey);
    if ($isTextNode(node) && node.getTextContent().slice(m.offset, m.offset + m.length).length === m.length) node.spliceText(m.offset, m.length, replacement, true);
  });
}

/** Replaces every occurrence in one editor, as one undoable step; returns how many. */
export function replaceAll(editor: LexicalEditor, query: string, replacement: string): number {
  let count = 0;
  if (!query) return 0;
  userUpdate(editor, () => {
    for (const node of $getRoot().getAllTextNodes()) {
      const text = node.getTextContent();
      const parts = text.split(query);
      if (parts.length > 1) {
        count += parts.length - 1;
        node.setTextContent(parts.join(replacement));
      }
    }
  });
  return count;
}

/** A chapter a replace-all changed, with its text right after: to undo the replace-all everywhere as one step. */
export interface Replaced {
  editor: LexicalEditor;
  after: string;
}

// editor.read commits a pending update first: the text right after replaceAll is the replaced text.
const textOf = (editor: LexicalEditor) => editor.read(() => $getRoot().getTextContent());

/** Replaces in every editor; returns how many and the chapters changed (see undoReplaced). */
export function replaceEverywhere(editors: LexicalEditor[], query: string, replacement: string): { count: number; changed: Replaced[] } {
  let count = 0;
  const changed: Replaced[] = [];
  for (const editor of editors) {
    const n = replaceAll(editor, query, replacement);
    count += n;
    if (n) changed.push({ editor, after: textOf(editor) });
  }
  return { count, changed };
}

/**
 * Each chapter keeps its own undo history, so Ctrl+Z in one chapter undoes the replace-all there only. This undoes
 * it in every chapter it changed, as Word undoes it in one step; a chapter edited since is left (its Ctrl+Z would
 * undo that edit first) and counted in `kept`.
 */
export function undoReplaced(changed: Replaced[]): { undone: number; kept: number } {
  let undone = 0;
  for (const { editor, after } of changed) {
    if (textOf(editor) !== after) continue;
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    undone++;
  }
  return { undone, kept: changed.length - undone };
}
