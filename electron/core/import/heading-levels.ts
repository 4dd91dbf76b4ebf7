// How a document's heading styles map to section levels: which Heading 1 is the document title, and how far the styles sit below the levels their 一、（一）1.（1） numbers say.
import type { NumberingStyle, SectionLevel } from '../../shared/doc-model';
import { annexLabel, looksLikeHeading, numberPrefix } from './headings';
import { paragraphText, type DocxItem, type DocxParagraph } from './read-docx';

export interface StyleLevels {
  /** Body index of the Heading 1 paragraph that is the document's title, not a chapter; null when none is. */
  titleIndex: number | null;
  /** Subtracted from every styled heading's level (Heading 2 for chapters under a Heading 1 title: 1). */
  shift: number;
}

/**
 * Reads the styled headings once, before any is placed, so that one shift applies to all of them.
 * The numbers typed in the headings vote for the shift (a number is stronger evidence than a style);
 * with no numbered styled heading the shallowest style below the title is taken as level 1.
 */
export function styleLevels(items: DocxItem[], numbering: NumberingStyle, isToc: (p: DocxParagraph) => boolean): StyleLevels {
  const styled: { index: number; level: number; text: string; numbered: boolean }[] = [];
  // Anything before the first styled heading (a title in its own style, a 文号, a table) leaves the title to it.
  let textBefore = false;
  let inAnnex = false;
  items.forEach((item, index) => {
    if (item.type === 'table') textBefore ||= !styled.length;
    if (item.type !== 'paragraph' || isToc(item)) return;
    const text = paragraphText(item).replace(/\n/g, '').trim();
    if (!text || (!styled.length && text.replace(/[\s\u3000]/g, '') === '目录')) return;
    if (annexLabel(text)) inAnnex = true;
    // Headings inside annexes restart their numbering and sit under the annex, so they neither vote nor count.
    if (inAnnex) return;
    const numbered = numberPrefix(text, numbering) !== null && looksLikeHeading(text);
    if (item.outlineLevel === null || item.list) {
      if (!styled.length) textBefore = true;
      return;
    }
    styled.push({ index, level: item.outlineLevel, text, numbered });
  });

  const first = styled[0];
  // The first Heading 1 is the title when it opens the document unnumbered and no other unnumbered heading
  // shares its style (chapters all in unnumbered Heading 1 would make it the first chapter).
  const titleIndex =
    first && first.level === 0 && !textBefore && !first.numbered && !styled.slice(1).some((s) => s.level === 0 && !s.numbered) ? first.index : null;
  const headings = styled.filter((s) => s.index !== titleIndex);

  const votes = new Map<number, number>();
  for (const h of headings) {
    const n = numberPrefix(h.text, numbering);
    if (n && n.rest.trim()) votes.set(h.level + 1 - n.level, (votes.get(h.level + 1 - n.level) ?? 0) + 1);
  }
  // The commonest difference wins; on a tie the smaller shift, which moves headings least.
  const voted = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const shallowest = headings.length ? Math.min(...headings.map((h) => h.level)) : 0;
  return { titleIndex, shift: voted ?? shallowest };
}

/** A styled heading's level: its typed number's when it has one, else its style's moved by the document's shift. */
export function styledLevel(outlineLevel: number, numberLevel: number | null, shift: number): SectionLevel {
  const level = numberLevel ?? outlineLevel + 1 - shift;
  return Math.max(1, Math.min(4, level)) as SectionLevel;
}
