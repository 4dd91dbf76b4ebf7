// The GB/T 9704 layout every exported document shares, asserted in its unzipped parts: page, margins, 22 × 28 grid,
// fonts per level with their East-Asian names, "— N —" page numbers on odd and even pages, and data tables.
import { expect } from 'vitest';
import { attr, eastAsiaFont, element, elements, footerFor, style, textOf, type DocxParts } from './docx';

export type Orientation = 'portrait' | 'landscape';

const A4 = ['11906', '16838'];
/** top, bottom, left, right; a landscape page turns them with the paper. */
const MARGINS = { portrait: ['2098', '1984', '1587', '1474'], landscape: ['1587', '1474', '2098', '1984'] };
/** The 版心 width a table's columns add up to. */
export const CONTENT_WIDTH = { portrait: 8845, landscape: 12756 } as const;

const pPr = (parts: DocxParts, id: string) => element(style(parts.styles, id) ?? '', 'w:pPr') ?? '';
const rPr = (parts: DocxParts, id: string) => element(style(parts.styles, id) ?? '', 'w:rPr') ?? '';

/** Every section A4 in the orientations given, in order, with the GB/T margins and a 22-line grid. */
export function expectPages(parts: DocxParts, orientations: Orientation[]): void {
  const sections = elements(parts.document, 'w:sectPr');
  expect(sections.map((s) => attr(element(s, 'w:pgSz'), 'w:orient'))).toEqual(orientations);
  for (const s of sections) {
    const orientation = attr(element(s, 'w:pgSz'), 'w:orient') as Orientation;
    const size = element(s, 'w:pgSz');
    expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual(orientation === 'landscape' ? [...A4].reverse() : A4);
    const m = element(s, 'w:pgMar');
    expect([attr(m, 'w:top'), attr(m, 'w:bottom'), attr(m, 'w:left'), attr(m, 'w:right')]).toEqual(MARGINS[orientation]);
    expect(attr(element(s, 'w:docGrid'), 'w:type')).toBe('lines');
    expect(attr(element(s, 'w:docGrid'), 'w:linePitch')).toBe('579');
  }
}

/**
 * Type: 3号仿宋 body on exact 28.95 pt lines condensed to 28 characters, 2号小标宋 title, 黑体 / 楷体 / 仿宋 / 仿宋
 * headings, 四号 tables, each with its East-Asian font named (and Times New Roman for digits and Latin).
 */
export function expectTypeStyles(parts: DocxParts): void {
  expect(attr(element(element(parts.styles, 'w:docDefaults') ?? '', 'w:rFonts'), 'w:eastAsia')).toBe('仿宋_GB2312');
  const fonts: Record<string, string> = {
    Normal: '仿宋_GB2312',
    Title: '方正小标宋简体',
    Heading1: '黑体',
    Heading2: '楷体_GB2312',
    Heading3: '仿宋_GB2312',
    Heading4: '仿宋_GB2312',
    TableText: '仿宋_GB2312',
    TableHeader: '黑体',
    AnnexLabel: '黑体',
    Footer: '宋体',
  };
  for (const [id, font] of Object.entries(fonts)) expect([id, eastAsiaFont(parts.styles, id)]).toEqual([id, font]);
  for (const id of ['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) expect([id, attr(element(rPr(parts, id), 'w:rFonts'), 'w:ascii')]).toEqual([id, 'Times New Roman']);
  const size = (id: string) => attr(element(rPr(parts, id), 'w:sz'), 'w:val');
  expect(['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'TableText', 'Footer'].map(size)).toEqual(['32', '44', '32', '32', '32', '32', '28', '28']);
  for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(rPr(parts, id)).not.toContain('<w:color');
  const spacing = element(pPr(parts, 'Normal'), 'w:spacing');
  expect([attr(spacing, 'w:line'), attr(spacing, 'w:lineRule')]).toEqual(['579', 'exact']);
  expect(attr(element(rPr(parts, 'Normal'), 'w:spacing'), 'w:val')).toBe('-5');
  expect(attr(element(pPr(parts, 'Normal'), 'w:ind'), 'w:firstLineChars')).toBe('200');
  expect(attr(element(pPr(parts, 'Title'), 'w:jc'), 'w:val')).toBe('center');
  for (const id of ['Title', 'TableText', 'TableHeader']) expect([id, pPr(parts, id).includes('<w:snapToGrid w:val="0"/>')]).toEqual([id, true]);
}

/** "— N —" in every section's odd and even footers: odd pages right, even pages left, one 四号 character in. */
export function expectPageNumbers(parts: DocxParts): void {
  expect(parts.settings).toMatch(/<w:evenAndOddHeaders\/>/);
  for (const s of elements(parts.document, 'w:sectPr')) {
    const odd = footerFor(parts, s, 'default');
    const even = footerFor(parts, s, 'even');
    for (const f of [odd, even]) {
      expect(f).toMatch(/<w:t[^>]*>— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t[^>]*> —<\/w:t>/);
      expect(element(f!, 'w:pStyle')).toContain('w:val="Footer"');
    }
    expect([attr(element(odd!, 'w:jc'), 'w:val'), attr(element(odd!, 'w:ind'), 'w:right')]).toEqual(['right', '280']);
    expect([attr(element(even!, 'w:jc'), 'w:val'), attr(element(even!, 'w:ind'), 'w:left')]).toEqual(['left', '280']);
  }
}

/** Page, grid, type and page numbers: what every exported document must have. */
export function expectGbt9704Layout(parts: DocxParts, orientations: Orientation[]): void {
  expectPages(parts, orientations);
  expectTypeStyles(parts);
  expectPageNumbers(parts);
}

/**
 * A data table: its header row repeated on every page and only there, rows whole (one taller than a page may
 * split, or it would be cut off), columns adding up to the 版心 width. Returns the data rows' cell texts.
 */
export function expectGbtTable(tbl: string, orientation: Orientation, headers: string[]): string[][] {
  const width = CONTENT_WIDTH[orientation];
  const rows = elements(tbl, 'w:tr');
  expect(element(rows[0]!, 'w:tblHeader')).toBe('<w:tblHeader/>');
  expect(elements(rows[0]!, 'w:tc').map(textOf)).toEqual(headers);
  for (const r of rows.slice(1)) expect(r).not.toContain('<w:tblHeader/>');
  expect(rows[0]).toContain('<w:cantSplit/>');
  for (const r of rows) {
    const longest = Math.max(...elements(r, 'w:tc').map((c) => textOf(c).length));
    if (longest < 40) expect(r).toContain('<w:cantSplit/>');
    if (!r.includes('<w:cantSplit/>')) expect(longest).toBeGreaterThan(60);
  }
  const grid = elements(tbl, 'w:gridCol').map((g) => Number(attr(g, 'w:w')));
  expect(grid).toHaveLength(headers.length);
  expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
  expect(attr(element(tbl, 'w:tblW'), 'w:w')).toBe(String(width));
  for (const r of rows) expect(elements(r, 'w:tcW').map((w) => Number(attr(w, 'w:w')))).toEqual(grid);
  return rows.slice(1).map((r) => elements(r, 'w:tc').map(textOf));
}
