// The flat section list read as a tree: a section's subtree, whether it has text, headings without numbers.
import { blocksText, charCount, type PlanSection } from '../../../shared/doc-model';

/** Index one past the last descendant of sections[i]: descendants are the following deeper headings. */
export function subtreeEnd(sections: readonly PlanSection[], i: number): number {
  const level = sections[i]?.level ?? 0;
  let end = i + 1;
  while (end < sections.length && sections[end]!.level > level) end++;
  return end;
}

/** sections[i] and all its descendants, in document order. */
export function subtree(sections: readonly PlanSection[], i: number): PlanSection[] {
  return sections.slice(i, subtreeEnd(sections, i));
}

/** True when any of the sections has body text (a placeholder chip counts: it stands for text). */
export function hasText(sections: readonly PlanSection[]): boolean {
  return sections.some((s) => charCount(blocksText(s.body)) > 0);
}

// Word imports keep numbers such as 一、 （二） 3.1 第四章 in the heading text; templates do not.
const HEADING_NUMBER = /^(?:第[一二三四五六七八九十百\d]+[章节部分条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)*[.．、]?)\s*/;

/** A heading as matched against names: number stripped, no spaces, full-width Latin letters folded. */
export function plainTitle(title: string): string {
  const folded = title.replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  return folded.replace(HEADING_NUMBER, '');
}

export const clauseOf = (s: PlanSection): string | undefined => s.lineage?.clauseId;
