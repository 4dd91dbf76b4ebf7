// Pastes from Word/WPS keep structure (headings, lists, tables, bold/italic) but none of their styling.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ParagraphNode, TextNode } from 'lexical';
import { useEffect } from 'react';
import { mergeRegister } from '@lexical/utils';
import { mayHaveMarkerGap, withoutMarkerGap } from '../marker-gap';

export function PasteCleanupPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle()) node.setStyle('');
          // Strikethrough, sub/superscript and code from foreign documents are dropped; bold, italic and underline stay.
          const keep = node.getFormat() & (1 | 2 | 8);
          if (keep !== node.getFormat()) node.setFormat(keep);
          const text = node.getTextContent();
          if (mayHaveMarkerGap(text) && !node.getPreviousSibling()) {
            const clean = withoutMarkerGap(text);
            if (clean !== text) node.setTextContent(clean);
          }
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== '' && node.getFormatType() !== 'center') node.setFormat('');
          if (node.getIndent() !== 0) node.setIndent(0);
          if (node.getStyle?.()) node.setStyle('');
        }),
      ),
    [editor],
  );
  return null;
}
