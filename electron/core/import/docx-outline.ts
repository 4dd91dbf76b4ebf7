// A read .docx as a title and a list of sections (headings with their body blocks): shared by plan and template import.
import type { BlockJSON, NumberingStyle, SectionKind, SectionLevel } from '../../shared/doc-model';
import { appendListItem, bodyParagraph, bodyTable } from './docx-blocks';
import { HeadingCounter, annexLabel, guessNumbering, looksLikeHeading, numberPrefix, stripNumber } from './headings';
import { styleLevels, styledLevel } from './heading-levels';
import { paragraphText, type DocxBody, type DocxParagraph } from './read-docx';

export interface OutlineSection {
  level: SectionLevel;
  kind: SectionKind;
  title: string;
  body: BlockJSON[];
  /** 1-based position of the heading among the document's body items. */
  line: number;
}

export interface Outline {
  title: string;
  numbering: NumberingStyle;
  sections: OutlineSection[];
  warnings: string[];
}

export const PREAMBLE_TITLE = '说明';
const compact = (s: string) => s.replace(/[\s\u3000]/g, '');
const isTitleStyle = (p: DocxParagraph) => /^(title|标题)$/i.test(p.styleId ?? '') || /^(title|标题)$/i.test(p.styleName ?? '');
const isToc = (p: DocxParagraph) => p.inToc || /^toc\s*\d$/i.test(p.styleId ?? '') || /^toc\s*\d$/i.test(p.styleName ?? '');
const isCentred = (p: DocxParagraph) => p.align === 'center';
const isRight = (p: DocxParagraph) => p.align === 'right' || p.align === 'end';

/** A 署名 or 成文日期 line: short and set right. */
const SIGNATURE_CHARS = 30;

export function buildOutline(body: DocxBody, onProgress?: (done: number, total: number) => void): Outline {
  const { items } = body;
  const texts = items.flatMap((i) => (i.type === 'paragraph' && !i.list && !isToc(i) ? [paragraphText(i)] : []));
  const numbering = guessNumbering(texts);
  const levels = styleLevels(items, numbering, isToc);
  const warnings: string[] = [];
  const sections: OutlineSection[] = [];
  const preamble: BlockJSON[] = [];
  const counter = new HeadingCounter();
  let title: string | null = null;
  let pendingAnnex: number | null = null;
  let inAnnex = false;
  let skipTable = false;
  let lastNumId: string | null = null;
  // Right-aligned short lines held back until we know whether they close the main text (a 署名) or are body text.
  let held: { target: BlockJSON[]; block: BlockJSON }[] = [];

  const target = (): BlockJSON[] => sections[sections.length - 1]?.body ?? preamble;
  const flushHeld = () => {
    held.forEach((h) => h.target.push(h.block));
    held = [];
  };
  const dropHeld = () => {
    if (held.length) warnings.push('已略去正文末尾的署名和成文日期（导出时由预案信息生成）。');
    held = [];
  };
  const addSection = (level: SectionLevel, kind: SectionKind, sectionTitle: string, line: number) => {
    flushHeld();
    // Levels may not skip: a 1. directly under 一、 becomes the next level down.
    const prev = sections[sections.length - 1];
    const max = kind === 'annex' && level === 1 ? 1 : prev ? prev.level + 1 : 1;
    const fixed = Math.min(level, max) as SectionLevel;
    if (fixed !== level) warnings.push(`标题「${sectionTitle}」的层级与上一级不连续，已调整为第 ${fixed} 级。`);
    sections.push({ level: fixed, kind, title: sectionTitle, body: [], line });
    lastNumId = null;
  };
  // Decimal numbers inside an annex start from its level-2 headings (see headingNumbers).
  const shift = () => (inAnnex && numbering === 'decimal' ? 1 : 0);

  items.forEach((item, index) => {
    if (index % 200 === 0) onProgress?.(index, items.length);
    const line = index + 1;
    if (item.type === 'table') {
      if (skipTable) {
        skipTable = false;
        return;
      }
      const t = bodyTable(item);
      if (!t) return;
      flushHeld();
      target().push(t);
      lastNumId = null;
      return;
    }
    if (isToc(item)) return;
    const raw = paragraphText(item);
    const text = raw.replace(/\n/g, '').trim();
    if (!text) return;
    const started = sections.length > 0;

    if (pendingAnnex !== null) {
      addSection(1, 'annex', text, pendingAnnex);
      pendingAnnex = null;
      return;
    }
    if (!started && (compact(text) === '目录' || compact(text) === '修订记录')) {
      if (compact(text) === '修订记录') {
        skipTable = true;
        warnings.push('未导入文档中的修订记录，可在预案信息中重新填写。');
      }
      return;
    }
    if (!started && title === null && preamble.length === 0 && (isTitleStyle(item) || isCentred(item) || index === levels.titleIndex) && !numberPrefix(text, numbering)) {
      title = text;
      return;
    }
    const annex = annexLabel(text);
    if (annex) {
      if (!inAnnex) dropHeld();
      inAnnex = true;
      counter.reset();
      if (annex.title) addSection(1, 'annex', annex.title, line);
      else pendingAnnex = line;
      return;
    }
    if (item.list && item.outlineLevel === null) {
      flushHeld();
      lastNumId = appendListItem(target(), item, lastNumId);
      return;
    }
    if (item.outlineLevel !== null) {
      const stripped = stripNumber(text);
      const n = numberPrefix(text, numbering);
      let level = styledLevel(item.outlineLevel, n?.rest.trim() ? n.level + shift() : null, levels.shift);
      if (inAnnex && level === 1) level = 2;
      if (level - shift() >= 1) counter.take((level - shift()) as SectionLevel, n?.parts[n.parts.length - 1]);
      addSection(level, 'body', stripped.title, line);
      return;
    }
    const n = numberPrefix(text, numbering);
    if (n && n.rest.trim() && looksLikeHeading(text) && n.level + shift() <= 4 && counter.fits(n)) {
      counter.take(n.level, n.parts[n.parts.length - 1]);
      addSection((n.level + shift()) as SectionLevel, 'body', n.rest.trim(), line);
      return;
    }
    const block = bodyParagraph(item);
    if (!block) return;
    if (!inAnnex && started && isRight(item) && text.length <= SIGNATURE_CHARS) held.push({ target: target(), block });
    else {
      flushHeld();
      target().push(block);
    }
    lastNumId = null;
  });
  dropHeld();
  onProgress?.(items.length, items.length);

  if (pendingAnnex !== null) {
    warnings.push('附件标签后没有找到附件标题，已命名为「附件」。');
    sections.push({ level: 1, kind: 'annex', title: '附件', body: [], line: pendingAnnex });
  }
  // With no centred or title-styled paragraph, the first paragraph before the headings is the title.
  const first = preamble[0];
  if (title === null && first?.type === 'paragraph') {
    title = first.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim() || null;
    if (title) preamble.shift();
  }
  if (title === null) warnings.push('未找到预案标题，请在导入后填写。');
  if (!sections.length) warnings.push('未识别出章节标题：全文已放入「说明」一节，请在导入后划分章节。');
  if (preamble.length) {
    if (sections.length) warnings.push('第一个标题之前的文字已放入「说明」一节，请核对。');
    sections.unshift({ level: 1, kind: 'body', title: PREAMBLE_TITLE, body: preamble, line: 1 });
  }
  return { title: title ?? '', numbering, sections, warnings };
}
