// Class names Lexical puts on the nodes it renders; styles.css gives them the document look.
import type { EditorThemeClasses } from 'lexical';

export const theme: EditorThemeClasses = {
  paragraph: 'doc-p',
  list: { ul: 'doc-list', ol: 'doc-list', listitem: 'doc-li' },
  table: 'doc-table',
  tableCell: 'doc-td',
  tableCellHeader: 'doc-th',
  text: { bold: 'doc-bold', italic: 'doc-italic', underline: 'doc-underline' },
};
