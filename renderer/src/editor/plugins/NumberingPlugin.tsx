// Writes each heading's automatic number into a data attribute (CSS shows it): numbers are never document text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $isSectionHeadingNode, SectionHeadingNode } from '../nodes/SectionHeadingNode';

function apply(editor: LexicalEditor, numbers: ReadonlyMap<string, string>): void {
  editor.getEditorState().read(() => {
    for (const h of $getRoot().getChildren()) {
      if (!$isSectionHeadingNode(h)) continue;
      const el = editor.getElementByKey(h.getKey());
      const n = numbers.get(h.getSectionId()) ?? '';
      if (el && el.dataset.number !== n) el.dataset.number = n;
    }
  });
}

export function NumberingPlugin({ numbers }: { numbers: ReadonlyMap<string, string> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    apply(editor, numbers);
    return editor.registerMutationListener(SectionHeadingNode, () => apply(editor, numbers), { skipInitialization: false });
  }, [editor, numbers]);
  return null;
}
