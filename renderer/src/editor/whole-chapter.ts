// Whether a chapter editor's selection already covers the whole chapter (what a second Ctrl+A widens to the plan).
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isRootNode, $isTextNode, type LexicalEditor, type LexicalNode, type PointType } from 'lexical';

/** A point at the very start (or end) of the root: its offset at the edge of its node, and no sibling on the way up. */
function $atEdge(point: PointType, edge: 'start' | 'end'): boolean {
  let node: LexicalNode = point.getNode();
  const size = $isTextNode(node) ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 1;
  if (point.offset !== (edge === 'start' ? 0 : size)) return false;
  for (; !$isRootNode(node); node = node.getParentOrThrow()) {
    if ((edge === 'start' ? node.getPreviousSibling() : node.getNextSibling()) !== null) return false;
  }
  return true;
}

/**
 * True when the selection runs from the chapter's first character to its last, or when the chapter is empty.
 * A caret (the first Ctrl+A's usual start) answers at its first step up: O(depth), never O(chapter).
 */
export function isWholeChapterSelected(editor: LexicalEditor): boolean {
  return editor.getEditorState().read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return false;
    const [start, end] = sel.isBackward() ? [sel.focus, sel.anchor] : [sel.anchor, sel.focus];
    if (!$atEdge(start, 'start') || !$atEdge(end, 'end')) return false;
    return !sel.isCollapsed() || $getRoot().getTextContentSize() === 0;
  });
}
