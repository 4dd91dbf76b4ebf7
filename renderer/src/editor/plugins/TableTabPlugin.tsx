// Tab in a table's last cell adds a row and moves into it, as in Word; elsewhere the table plugin's Tab applies.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findCellNode, $findTableNode, $insertTableRowAtSelection } from '@lexical/table';
import { $getSelection, $isElementNode, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, KEY_TAB_COMMAND } from 'lexical';
import { useEffect } from 'react';

export function TableTabPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const sel = $getSelection();
          if (event.shiftKey || !$isRangeSelection(sel) || !sel.isCollapsed()) return false;
          const cell = $findCellNode(sel.anchor.getNode());
          const table = cell && $findTableNode(cell);
          const lastRow = table?.getLastChild();
          if (!cell || !$isElementNode(lastRow) || !cell.is(lastRow.getLastChild())) return false;
          const row = $insertTableRowAtSelection(true);
          const first = row?.getFirstChild();
          if (!$isElementNode(first)) return false;
          event.preventDefault();
          first.selectStart();
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
