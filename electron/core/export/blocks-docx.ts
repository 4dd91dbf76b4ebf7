// Lexical body JSON (paragraphs, lists, tables, inline text and chips) to docx paragraphs and tables.
// Shared by every exported document: plans now, drill scripts and reports later.
import {
  AlignmentType,
  HighlightColor,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FORMAT, paragraph, type BlockJSON, type InlineJSON, type ListJSON, type ParagraphJSON, type TableJSON } from '../../shared/doc-model';
import { CELL_PADDING, CHAR, LIST, SMALL_CHAR, STYLE, columnWidths, ems, tableBorders, type Orientation } from './gbt9704-styles';

export interface BlockContext {
  /** A placeholder's value, or undefined while it is unfilled. */
  fill: (key: string) => string | undefined;
  /** The page the blocks land on, for table widths. */
  orientation: Orientation;
  /** Numbered lists restart at 1: each one is its own instance of the shared list definition. */
  nextListInstance: () => number;
}

const STRIKE = 4;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;

/** The visible text of an unfilled chip, so a reader of the printout sees what is missing. */
export const unfilledText = (key: string): string => `【待填写：${key}】`;

export function inlineRuns(nodes: InlineJSON[], ctx: BlockContext): TextRun[] {
  const runs: TextRun[] = [];
  let pendingBreak = false;
  for (const n of nodes) {
    if (n.type === 'linebreak') {
      // A break is carried by the next run; two in a row leave an empty line.
      if (pendingBreak) runs.push(new TextRun({ break: 1 }));
      pendingBreak = true;
      continue;
    }
    const brk = pendingBreak ? { break: 1 } : {};
    pendingBreak = false;
    if (n.type === 'placeholder') {
      const value = ctx.fill(n.key);
      runs.push(value ? new TextRun({ text: value, ...brk }) : new TextRun({ text: unfilledText(n.key), highlight: HighlightColor.YELLOW, ...brk }));
      continue;
    }
    const f = n.format;
    runs.push(
      new TextRun({
        text: n.text,
        ...brk,
        ...(f & FORMAT.bold ? { bold: true } : {}),
        ...(f & FORMAT.italic ? { italics: true } : {}),
        ...(f & FORMAT.underline ? { underline: {} } : {}),
        ...(f & STRIKE ? { strike: true } : {}),
        ...(f & SUBSCRIPT ? { subScript: true } : {}),
        ...(f & SUPERSCRIPT ? { superScript: true } : {}),
      }),
    );
  }
  if (pendingBreak) runs.push(new TextRun({ break: 1 }));
  return runs;
}

const ALIGN = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  end: AlignmentType.RIGHT,
  left: AlignmentType.LEFT,
  start: AlignmentType.LEFT,
  justify: AlignmentType.BOTH,
} as const;

/** A body paragraph; centred or right-aligned ones drop the first-line indent, which would push them off centre. */
export function bodyParagraph(p: ParagraphJSON, ctx: BlockContext, style?: string, keepNext = false): Paragraph {
  const aligned = p.format === '' ? undefined : ALIGN[p.format];
  const offIndent = aligned === AlignmentType.CENTER || aligned === AlignmentType.RIGHT;
  return new Paragraph({
    ...(style ? { style } : {}),
    ...(keepNext ? { keepNext } : {}),
    ...(aligned ? { alignment: aligned } : {}),
    ...(offIndent ? { indent: { firstLine: 0, firstLineChars: 0 } } : p.indent > 0 ? { indent: { left: p.indent * 2 * CHAR } } : {}),
    children: inlineRuns(p.children, ctx),
  });
}

/**
 * A numbered list keeps its numbers (1. 2., restarting per list). A bulleted one leaves as body paragraphs, each with
 * the two-character first-line indent and no mark: official documents (GB/T 9704) set enumerations as paragraphs,
 * and the standard knows no bullet glyph.
 */
export function listParagraphs(list: ListJSON, ctx: BlockContext, keepLastWithNext = false): Paragraph[] {
  const keepNext = (i: number) => keepLastWithNext && i === list.children.length - 1;
  if (list.listType === 'bullet') {
    return list.children.map((item, i) => bodyParagraph({ ...item, type: 'paragraph', textFormat: 0, textStyle: '' }, ctx, undefined, keepNext(i)));
  }
  const instance = ctx.nextListInstance();
  return list.children.map(
    (item, i) =>
      new Paragraph({
        ...(keepNext(i) ? { keepNext: true } : {}),
        // `custom` keeps the body style: the default ListParagraph style would lose the GB/T indent.
        numbering: { reference: LIST.number, level: 0, instance, custom: true },
        children: inlineRuns(item.children, ctx),
      }),
  );
}

/** Cells of each row with the grid column they start in, following row and column spans. */
function placeCells(t: TableJSON): { column: number; columns: number }[][] {
  const taken: boolean[][] = [];
  return t.children.map((row, r) => {
    const line = (taken[r] ??= []);
    let col = 0;
    return row.children.map((cell) => {
      while (line[col]) col++;
      const span = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const below = (taken[r + dr] ??= []);
        for (let dc = 0; dc < span; dc++) below[col + dc] = true;
      }
      const placed = { column: col, columns: span };
      col += span;
      return placed;
    });
  });
}

/** Half a character more than the text needs: borders and rounding otherwise wrap a cell's text that just fits. */
const SLACK = 0.5;

/** Natural column widths in twips: the longest text each column holds, between two and sixteen characters. */
function naturalWidths(t: TableJSON, places: { column: number; columns: number }[][], count: number, ctx: BlockContext): number[] {
  const chars = Array.from({ length: count }, () => 2);
  t.children.forEach((row, r) =>
    row.children.forEach((cell, c) => {
      const at = places[r]![c]!;
      if (at.columns !== 1) return;
      const longest = Math.max(0, ...cell.children.map((p) => ems(textOf(p.children, ctx))));
      chars[at.column] = Math.min(16, Math.max(chars[at.column]!, longest));
    }),
  );
  return chars.map((n) => (n + SLACK) * SMALL_CHAR + CELL_PADDING);
}

function textOf(nodes: InlineJSON[], ctx: BlockContext): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'placeholder' ? (ctx.fill(n.key) ?? unfilledText(n.key)) : '')).join('');
}

/** Columns a table needs: the widest row once spans are counted. */
export function tableColumnCount(t: TableJSON): number {
  return Math.max(1, ...placeCells(t).map((row) => row.reduce((end, c) => Math.max(end, c.column + c.columns), 0)));
}

/** Full borders; the first row is the header, repeated on every page; no row splits across pages. */
export function docxTable(t: TableJSON, ctx: BlockContext): Table {
  const places = placeCells(t);
  const count = tableColumnCount(t);
  // No column narrower than two characters, so a header such as 序号 stays on one line.
  const widths = columnWidths(naturalWidths(t, places, count, ctx), ctx.orientation, (2 + SLACK) * SMALL_CHAR + CELL_PADDING);
  const total = widths.reduce((a, b) => a + b, 0);
  const rows = t.children.map((row, r) => {
    const style = r === 0 ? STYLE.tableHeader : STYLE.tableText;
    return new TableRow({
      ...(r === 0 ? { tableHeader: true } : {}),
      cantSplit: true,
      children: row.children.map((cell, c) => {
        const at = places[r]![c]!;
        const width = widths.slice(at.column, at.column + at.columns).reduce((a, b) => a + b, 0);
        const paragraphs = cell.children.length ? cell.children : [paragraph([])];
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(at.columns > 1 ? { columnSpan: at.columns } : {}),
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          children: paragraphs.map((p) => bodyParagraph(p, ctx, style)),
        });
      }),
    });
  });
  return new Table({ rows, columnWidths: widths, width: { size: total, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: tableBorders });
}

/**
 * Any body block to what docx places in a section. `keepWithNext` holds its last lines on the page of what
 * follows (a 署名 must not stand on a page of its own); a table's rows cannot be held that way.
 */
export function blockChildren(block: BlockJSON, ctx: BlockContext, keepWithNext = false): (Paragraph | Table)[] {
  if (block.type === 'paragraph') return [bodyParagraph(block, ctx, undefined, keepWithNext)];
  if (block.type === 'list') return listParagraphs(block, ctx, keepWithNext);
  return [docxTable(block, ctx)];
}
