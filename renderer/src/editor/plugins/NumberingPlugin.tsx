// Writes each heading's automatic number (and margin mark) into data attributes CSS shows: never document text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $isSectionHeadingNode, SectionHeadingNode } from '../nodes/SectionHeadingNode';

const NO_MARKS: ReadonlyMap<string, string> = new Map();

function apply(editor: LexicalEditor, numbers: ReadonlyMap<string, string>, marks: ReadonlyMap<string, string>): void {
  editor.getEditorState().read(() => {
    for (const h of $getRoot().getChildren()) {
      if (!$isSectionHeadingNode(h)) continue;
      const el = editor.getElementByKey(h.getKey());
      const n = numbers.get(h.getSectionId()) ?? '';
      if (el && el.dataset.number !== n) el.dataset.number = n;
      const m = marks.get(h.getSectionId());
      if (el && el.dataset.mark !== m) {
        if (m) el.dataset.mark = m;
        else delete el.dataset.mark;
      }
    }
  });
}

export function NumberingPlugin({ numbers, marks = NO_MARKS }: { numbers: ReadonlyMap<string, string>; marks?: ReadonlyMap<string, string> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    apply(editor, numbers, marks);
    return editor.registerMutationListener(SectionHeadingNode, () => apply(editor, numbers, marks), { skipInitialization: false });
  }, [editor, numbers, marks]);
  return null;
}
