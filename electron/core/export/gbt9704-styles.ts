// GB/T 9704-2012 layout for every exported .docx: page, line grid, fonts, styles, lists, footers, tables.
// The numbers and the docx-package pitfalls they work around are in /work/shared/gbt9704.md.
import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
  type ITableBordersOptions,
} from 'docx';
import JSZip from 'jszip';

// ---- page and grid (twips) ----------------------------------------------------------------------

/** A4 portrait; for landscape pass these with `orientation: LANDSCAPE` and the library swaps them. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37 mm, 地脚 35 mm, 订口 28 mm, 切口 26 mm: a 版心 of 156 × 225 mm. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** The 版心 width a table's columns must add up to. */
export const CONTENT_WIDTH = { portrait: 8845, landscape: 12756 } as const;
/** 225 mm / 22 lines = 28.95 pt. */
export const LINE = 579;
/** One 3号 character after the 0.25 pt condensing that fits 28 of them in 156 mm. */
export const CHAR = 315;
/** One 四号 (14 pt) character: table text and the page number's inset. */
export const SMALL_CHAR = 280;
/** The footer's bottom edge 25 mm above the paper's: the page number's dashes then sit about 7 mm below the 版心. */
const FOOTER_DISTANCE = 1417;
const HEADER_DISTANCE = 851;

export type Orientation = 'portrait' | 'landscape';

/** Printed width in characters: full-width characters count one, the rest (digits, Latin) half. */
export function ems(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);
}

// ---- fonts and sizes (sizes in half-points) -------------------------------------------------------

const LATIN = 'Times New Roman';
/** Every style names its East-Asian font: an unnamed one renders in whatever the reader's default is. */
const font = (eastAsia: string, latin = LATIN) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;
const SIZE = { er: 44, san: 32, si: 28 } as const; // 二号 22 pt, 三号 16 pt, 四号 14 pt

// ---- styles ----------------------------------------------------------------------------------------

export const STYLE = {
  body: 'Normal',
  title: 'Title',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  label: 'CentredLabel',
  annexLabel: 'AnnexLabel',
  annexTitle: 'AnnexTitle',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  signature: 'Signature',
  footer: 'Footer',
  header: 'Header',
} as const;

const exactLines = (before = 0, after = 0) => ({ line: LINE, lineRule: LineRuleType.EXACT, before, after });
/** Both indents zeroed: `firstLineChars` wins over `firstLine` (pitfall 4). */
const noIndent = { firstLine: 0, firstLineChars: 0 };
const twoCharIndent = { firstLine: 2 * CHAR, firstLineChars: 200 };
// The docx package drops a character spacing of 0, so styles that must not be condensed (title, tables,
// header, footer) are based on the document defaults rather than on Normal.

/** The table and title styles LibreOffice must not snap to the line grid (pitfall 6). */
const OFF_GRID_STYLES = [STYLE.title, STYLE.annexTitle, STYLE.tableText, STYLE.tableHeader, STYLE.footer, STYLE.header];

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.body,
    name: 'Normal',
    quickFormat: true,
    run: { font: font(FONTS.body), size: SIZE.san, characterSpacing: -5 },
    paragraph: { alignment: AlignmentType.BOTH, spacing: exactLines(), indent: twoCharIndent },
  },
  {
    id: STYLE.title,
    name: 'Title',
    next: STYLE.body,
    quickFormat: true,
    run: { font: font(FONTS.title), size: SIZE.er },
    paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, spacing: exactLines(0, LINE) },
  },
  // Heading1–4 keep Word's ids (so outlines and tables of contents find them) but lose its colours and sizes (pitfall 3).
  // Structure numbers are body text in GB/T 9704 (7.3.3), so headings keep the two-character indent.
  ...[FONTS.hei, FONTS.kai, FONTS.body, FONTS.body].map((eastAsia, i) => ({
    id: STYLE.headings[i]!,
    name: `heading ${i + 1}`,
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: font(eastAsia), size: SIZE.san, bold: false, italics: false },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: i },
  })),
  {
    id: STYLE.label,
    name: 'Centred label',
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.hei) },
    paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true },
  },
  {
    id: STYLE.annexLabel,
    name: 'Annex label',
    basedOn: STYLE.body,
    next: STYLE.annexTitle,
    run: { font: font(FONTS.hei) },
    // Label on line 1, a blank line, then the annex title on line 3.
    // Page break before is added to the style after packing (docx styles cannot carry it), and set on the paragraph too.
    paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, keepNext: true, spacing: exactLines(0, LINE) },
  },
  {
    id: STYLE.annexTitle,
    name: 'Annex title',
    basedOn: STYLE.title,
    next: STYLE.body,
    // Outline level 1 (0 here) keeps annexes in the table of contents when Word rebuilds it.
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: STYLE.tableText,
    name: 'Table text',
    run: { font: font(FONTS.body), size: SIZE.si },
    paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  },
  {
    id: STYLE.tableHeader,
    name: 'Table header',
    basedOn: STYLE.tableText,
    run: { font: font(FONTS.hei) },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
  },
  {
    id: STYLE.signature,
    name: 'Signature',
    basedOn: STYLE.body,
    paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent },
  },
  {
    id: STYLE.footer,
    name: 'footer',
    run: { font: font(FONTS.song, FONTS.song), size: SIZE.si },
    paragraph: { indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
  },
  {
    id: STYLE.header,
    name: 'header',
    run: { font: font(FONTS.hei), size: SIZE.san },
    paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
  },
  // The table of contents' own entries: level 1 flush left, level 2 two characters in.
  ...[0, 1].map((level) => ({
    id: `TOC${level + 1}`,
    name: `toc ${level + 1}`,
    basedOn: STYLE.body,
    next: STYLE.body,
    paragraph: { alignment: AlignmentType.LEFT, indent: { left: level * 2 * CHAR, ...noIndent } },
  })),
];

export const gbt9704Styles: IStylesOptions = {
  // docDefaults carry no fonts and no size otherwise (pitfall 2): text outside any style would fall to 10 pt.
  default: { document: { run: { font: font(FONTS.body), size: SIZE.san }, paragraph: { spacing: exactLines() } } },
  paragraphStyles,
};

// ---- lists: declared once, referenced by id -------------------------------------------------------

// Only numbered lists: bulleted ones leave as plain body paragraphs (blocks-docx.ts), GB/T 9704 has no bullets.
export const LIST = { number: 'gbt-number' } as const;
/** List items read as body paragraphs: the number sits in the two-character indent's place, wrapped lines flush left. */
const itemIndent = { left: 0, ...twoCharIndent };

export const listNumbering: INumberingOptions = {
  config: [
    { reference: LIST.number, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT, style: { paragraph: { indent: itemIndent } } }] },
  ],
};

// ---- sections: page, grid, page numbers, draft mark -----------------------------------------------

export function sectionProperties(orientation: Orientation): ISectionPropertiesOptions {
  const landscape = orientation === 'landscape';
  return {
    page: {
      size: { ...PAGE, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      // A landscape page is the portrait page turned: its 版心 is 225 × 156 mm.
      margin: landscape
        ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE }
        : { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE },
    },
    // A line grid, not a character grid: LibreOffice gives CJK glyphs two cells of a character grid.
    grid: { type: DocumentGridType.LINES, linePitch: LINE },
  };
}

/** "— N —", odd pages right and even pages left, one 4号 character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function markHeader(mark: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: [new TextRun(mark)] })] });
}

/**
 * Footers (and the draft mark) for one section. Every section gets both a default and an even footer:
 * with even/odd footers on, a missing even footer leaves even pages unnumbered (pitfall 5).
 */
export function sectionFrame(draftMark: string | null): { footers: { default: Footer; even: Footer }; headers?: { default: Header; even: Header } } {
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  return draftMark ? { footers, headers: { default: markHeader(draftMark), even: markHeader(draftMark) } } : { footers };
}

// ---- tables ----------------------------------------------------------------------------------------

const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const; // 0.5 pt
export const tableBorders: ITableBordersOptions = { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule };

/** A table cell's left and right padding together (Word's default 108 twips each). */
export const CELL_PADDING = 216;

/**
 * Column widths in twips adding up exactly to the 版心 width: each column gets the floor (or an even share, if the
 * floors would not fit), and the rest is shared out in proportion to how far each natural width exceeds the floor.
 */
export function columnWidths(natural: number[], orientation: Orientation, floor = 0): number[] {
  const total = CONTENT_WIDTH[orientation];
  if (!natural.length) return [];
  const min = Math.min(floor, Math.floor(total / natural.length));
  const extra = natural.map((w) => Math.max(0, w - min));
  const spare = total - min * natural.length;
  const sum = extra.reduce((a, b) => a + b, 0);
  const widths = extra.map((e) => min + Math.floor(sum ? (spare * e) / sum : spare / natural.length));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

// ---- post-processing ---------------------------------------------------------------------------------

/** A paragraph's properties in schema order (CT_PPrBase): Word rejects them out of order. */
const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];

/** Adds an empty-content paragraph property such as `<w:snapToGrid w:val="0"/>` to a style, in its schema place. */
export function addStyleParagraphProperty(stylesXml: string, styleId: string, element: string): string {
  const name = /^<w:(\w+)/.exec(element)?.[1];
  const rank = name ? PPR_ORDER.indexOf(name) : -1;
  if (rank < 0) throw new Error(`not a paragraph property: ${element}`);
  const start = stylesXml.indexOf(`w:styleId="${styleId}"`);
  const end = stylesXml.indexOf('</w:style>', start);
  if (start < 0 || end < 0) throw new Error(`styles.xml has no style ${styleId}`);
  const style = stylesXml.slice(start, end);
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style);
  if (!pPr) throw new Error(`style ${styleId} has no paragraph properties`);
  if (new RegExp(`<w:${name}[\\s/>]`).test(pPr[1]!)) return stylesXml;
  const next = new RegExp(`<w:(?:${PPR_ORDER.slice(rank + 1).join('|')})[\\s/>]`).exec(pPr[1]!);
  const at = pPr.index + '<w:pPr>'.length + (next ? next.index : pPr[1]!.length);
  return stylesXml.slice(0, start) + style.slice(0, at) + element + style.slice(at) + stylesXml.slice(end);
}

/** What the docx package cannot say in a style (pitfall 6 and the annex label's page break), added to styles.xml. */
export function patchGbt9704Styles(stylesXml: string): string {
  let xml = OFF_GRID_STYLES.reduce((x, id) => addStyleParagraphProperty(x, id, '<w:snapToGrid w:val="0"/>'), stylesXml);
  xml = addStyleParagraphProperty(xml, STYLE.annexLabel, '<w:pageBreakBefore/>');
  return xml;
}

/** Patches the packed file's styles.xml. jszip is needed at run time here (a devDependency today). */
export async function finishGbt9704Docx(packed: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(packed);
  const file = zip.file('word/styles.xml');
  if (!file) throw new Error('the packed document has no word/styles.xml');
  zip.file('word/styles.xml', patchGbt9704Styles(await file.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
