// Shared pieces of the drill and evaluation documents: data tables with fixed columns, fact lines, packing.
import { Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IParagraphStyleOptions } from 'docx';
import JSZip from 'jszip';
import {
  CELL_PADDING,
  CONTENT_WIDTH,
  SMALL_CHAR,
  STYLE,
  addStyleParagraphProperty,
  columnWidths,
  ems,
  finishGbt9704Docx,
  gbt9704Styles,
  listNumbering,
  sectionFrame,
  sectionProperties,
  tableBorders,
  type Orientation,
} from './gbt9704-styles';

/** A column of a data table: its header and the width, in 四号 characters, it would like. */
export interface Column {
  header: string;
  chars: number;
}

/** Plain text (lines split on \n, each its own paragraph) or runs built by the caller (bold titles and the like). */
export type Cell = string | TextRun[][];

/** Tables wider than this many columns go on a landscape page, as in the plan export. */
export const PORTRAIT_MAX_COLUMNS = 7;

export const orientationFor = (columns: number): Orientation => (columns > PORTRAIT_MAX_COLUMNS ? 'landscape' : 'portrait');

/**
 * Table type in two sizes: the shared 四号 styles, and a 小四 pair composed here for tables of many long columns
 * (the 演练脚本), where 四号 leaves five or six characters a line and a script runs to dozens of pages.
 */
export type TableType = 'normal' | 'compact';
const TABLE_TYPE = {
  normal: { text: STYLE.tableText, header: STYLE.tableHeader, char: SMALL_CHAR, line: 400 },
  compact: { text: 'CompactTableText', header: 'CompactTableHeader', char: 240, line: 320 },
} as const;

/** The compact table styles: the shared table styles at 小四 (12 pt) on a 16 pt line. */
export const COMPACT_TABLE_STYLES: IParagraphStyleOptions[] = [
  {
    id: TABLE_TYPE.compact.text,
    name: 'Compact table text',
    basedOn: STYLE.tableText,
    run: { size: 24 },
    paragraph: { spacing: { line: TABLE_TYPE.compact.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  },
  { id: TABLE_TYPE.compact.header, name: 'Compact table header', basedOn: STYLE.tableHeader, run: { size: 24 }, paragraph: { spacing: { line: TABLE_TYPE.compact.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } } },
];

const cellLines = (cell: Cell): string[] =>
  typeof cell === 'string' ? cell.split('\n') : cell.map((runs) => runs.map((r) => runText.get(r) ?? '').join(''));

/** Texts of runs made by `run`, so a row's height can be estimated without reading docx internals. */
const runText = new WeakMap<TextRun, string>();

/** A run whose text the table can measure; use it for caller-built cells. */
export function run(text: string, bold = false): TextRun {
  const r = new TextRun({ text, ...(bold ? { bold: true } : {}) });
  runText.set(r, text);
  return r;
}

/**
 * Whether a row may split: one taller than a page must, or Word and LibreOffice cut it off at the page's foot;
 * one taller than half a page may, since keeping it whole can push it and the table's start off a page that then
 * stands nearly empty (seen in LibreOffice: a caption alone on its page).
 */
function tallerThanPage(cells: Cell[], widths: number[], orientation: Orientation, type: TableType): boolean {
  const { char, line } = TABLE_TYPE[type];
  // The 版心 turned: a portrait page's height is the landscape width, and the other way round.
  const pageHeight = CONTENT_WIDTH[orientation === 'portrait' ? 'landscape' : 'portrait'] - 2 * line;
  const lines = cells.map((cell, c) => {
    const perLine = Math.max(1, Math.floor(((widths[c] ?? 0) - CELL_PADDING) / char));
    return cellLines(cell).reduce((n, l) => n + Math.max(1, Math.ceil(ems(l) / perLine)), 0);
  });
  return Math.max(0, ...lines) * line > pageHeight / 2;
}

/** Lines of a cell as paragraphs in the table styles; an empty cell still needs one paragraph. */
function cellParagraphs(cell: Cell, style: string): Paragraph[] {
  const lines = typeof cell === 'string' ? cell.split('\n').map((l) => [new TextRun(l)]) : cell;
  return (lines.length ? lines : [[]]).map((children) => new Paragraph({ style, children }));
}

/**
 * A full-bordered table whose header row repeats on every page and whose rows never split. Widths come from the
 * columns' wishes, scaled to fill the 版心 exactly (a narrower table would look unfinished beside the body text).
 */
export function dataTable(columns: Column[], rows: Cell[][], orientation: Orientation, type: TableType = 'normal'): Table {
  const { char, text, header: headerStyle } = TABLE_TYPE[type];
  const widths = columnWidths(
    columns.map((c) => c.chars * char + CELL_PADDING),
    orientation,
    // Two characters and a little: 序号 stays on one line.
    2.5 * char + CELL_PADDING,
  );
  const total = widths.reduce((a, b) => a + b, 0);
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      // A row split over two pages is read as two items; only a row taller than a page has to be.
      ...(header || !tallerThanPage(cells, widths, orientation, type) ? { cantSplit: true } : {}),
      children: columns.map(
        (_, c) =>
          new TableCell({
            width: { size: widths[c]!, type: WidthType.DXA },
            // Headers centred; long cells read from the top, where the row's other cells start.
            verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            children: cellParagraphs(cells[c] ?? '', header ? headerStyle : text),
          }),
      ),
    });
  return new Table({
    rows: [row(columns.map((c) => c.header), true), ...rows.map((r) => row(r, false))],
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: tableBorders,
  });
}

/** A body line such as "演练时间：2025年6月18日 9:00—11:30", the label in 黑体 so facts scan quickly. */
export function factParagraph(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}：`, font: { eastAsia: '黑体' } }), new TextRun(value)] });
}

/** A body paragraph of plain text. */
export const bodyText = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });

/** A body paragraph held on the page of what follows: the last lines before a 署名. */
export const bodyTextKeptWithNext = (text: string): Paragraph => new Paragraph({ keepNext: true, children: [new TextRun(text)] });

/** A level-1 or level-2 heading (一、 or （一）) written with its number as text, as the plan export does. */
export const heading = (level: 1 | 2, text: string): Paragraph => new Paragraph({ style: STYLE.headings[level - 1], children: [new TextRun(text)] });

export interface PageRun {
  orientation: Orientation;
  children: (Paragraph | Table)[];
}

/** Consecutive runs of one orientation merge: every change of orientation is one docx section. */
export function pushRun(runs: PageRun[], orientation: Orientation, ...children: (Paragraph | Table)[]): void {
  const last = runs[runs.length - 1];
  if (last && last.orientation === orientation) last.children.push(...children);
  else runs.push({ orientation, children });
}

export interface PackOptions {
  title: string;
  creator?: string;
  /** Paragraph styles the shared module lacks, composed locally by one document. */
  extraStyles?: IParagraphStyleOptions[];
  /** Of those, the ones LibreOffice must not snap to the line grid (large type, ruled lines). */
  offGrid?: string[];
}

/** Packs the runs as GB/T 9704 sections (A4, margins, line grid, "— N —" footers) and patches the styles. */
export async function packDocument(runs: PageRun[], opts: PackOptions): Promise<Buffer> {
  const document = new Document({
    title: opts.title,
    ...(opts.creator ? { creator: opts.creator } : {}),
    styles: { ...gbt9704Styles, paragraphStyles: [...(gbt9704Styles.paragraphStyles ?? []), ...COMPACT_TABLE_STYLES, ...(opts.extraStyles ?? [])] },
    numbering: listNumbering,
    evenAndOddHeaderAndFooters: true,
    sections: runs.map((run) => ({ properties: sectionProperties(run.orientation), ...sectionFrame(null), children: run.children })),
  });
  const finished = await finishGbt9704Docx(await Packer.toBuffer(document));
  const offGrid = [TABLE_TYPE.compact.text, TABLE_TYPE.compact.header, ...(opts.offGrid ?? [])];
  const zip = await JSZip.loadAsync(finished);
  const file = zip.file('word/styles.xml');
  if (!file) throw new Error('the packed document has no word/styles.xml');
  const styles = offGrid.reduce((x, id) => addStyleParagraphProperty(x, id, '<w:snapToGrid w:val="0"/>'), await file.async('string'));
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
