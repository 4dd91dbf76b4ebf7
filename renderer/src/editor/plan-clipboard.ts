// The whole plan as the clipboard carries it (Ctrl+A twice, Ctrl+C): plain text with headings numbered as the
// plan shows them, and HTML with headings, paragraphs, lists and tables for e-mail, Word or WPS.
import { FORMAT, inlineText, type BlockJSON, type InlineJSON, type PlanSection } from '@shared/doc-model';

/** Marks a heading's number in the copied HTML: shown by other programs, dropped when pasted back into a plan. */
export const HEADING_NUMBER_ATTR = 'data-heading-number';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(nodes: InlineJSON[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'linebreak') return '<br>';
      if (n.type === 'placeholder') return escapeHtml(`{{${n.key}}}`);
      let h = escapeHtml(n.text);
      if (n.format & FORMAT.underline) h = `<u>${h}</u>`;
      if (n.format & FORMAT.italic) h = `<i>${h}</i>`;
      if (n.format & FORMAT.bold) h = `<b>${h}</b>`;
      return h;
    })
    .join('');
}

const align = (format: string): string => (format === 'center' || format === 'right' ? ` style="text-align:${format}"` : '');

function blockHtml(b: BlockJSON): string {
  if (b.type === 'paragraph') return `<p${align(b.format)}>${inlineHtml(b.children)}</p>`;
  if (b.type === 'list') {
    const tag = b.listType === 'number' ? 'ol' : 'ul';
    return `<${tag}>${b.children.map((li) => `<li>${inlineHtml(li.children)}</li>`).join('')}</${tag}>`;
  }
  const rows = b.children.map((row) => {
    const cells = row.children.map((c) => {
      const tag = c.headerState ? 'th' : 'td';
      const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
      return `<${tag}${span} style="border:1px solid #000;padding:2px 6px">${c.children.map((p) => `<p>${inlineHtml(p.children)}</p>`).join('')}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" style="border-collapse:collapse">${rows.join('')}</table>`;
}

function blockText(b: BlockJSON): string[] {
  if (b.type === 'paragraph') return [inlineText(b.children)];
  if (b.type === 'list') return b.children.map((li, i) => `${b.listType === 'number' ? `${i + 1}. ` : '• '}${inlineText(li.children)}`);
  // One line a row, cells separated by tabs: what Word and WPS make a table of when pasted as text.
  return b.children.map((row) => row.children.map((c) => c.children.map((p) => inlineText(p.children)).join(' ')).join('\t'));
}

/** A heading's number as the plan shows it, with the gap before the title. */
function numberOf(s: PlanSection, numbers: ReadonlyMap<string, string>): string {
  const number = numbers.get(s.id) ?? '';
  // 附件N stands on its own line above the annex title in the editor; on one line it needs a gap.
  return s.level === 1 && s.kind === 'annex' && number ? `${number}\u3000` : number;
}

export function planClipboard(sections: PlanSection[], numbers: ReadonlyMap<string, string>): { text: string; html: string } {
  const lines: string[] = [];
  const html: string[] = [];
  for (const s of sections) {
    const number = numberOf(s, numbers);
    lines.push(`${number}${s.title}`);
    const numberHtml = number ? `<span ${HEADING_NUMBER_ATTR}="">${escapeHtml(number)}</span>` : '';
    html.push(`<h${s.level}${s.level === 1 && s.kind === 'annex' ? ' style="text-align:center"' : ''}>${numberHtml}${escapeHtml(s.title)}</h${s.level}>`);
    for (const b of s.body) {
      lines.push(...blockText(b));
      html.push(blockHtml(b));
    }
  }
  return { text: lines.join('\n'), html: `<meta charset="utf-8">${html.join('\n')}` };
}
