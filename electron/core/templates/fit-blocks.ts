// Body blocks from elsewhere (a Word file) reduced to what the template text format can hold, noting what was simplified.
import { FORMAT, list, paragraph, table, text, type BlockJSON, type InlineJSON, type ListJSON, type TableJSON } from '../../shared/doc-model';

export type FitNote = 'underline' | 'line-break' | 'cell-paragraphs' | 'merged-cells' | 'placeholder-key';

/** What the planner is told, once per kind of simplification. */
export const FIT_NOTES: Record<FitNote, string> = {
  underline: '模板文本不支持下划线，已去掉下划线格式（加粗、倾斜保留）。',
  'line-break': '段落内的手动换行已拆分为单独的段落（列表项和表格中改为空格）。',
  'cell-paragraphs': '表格单元格中的多个段落已合并为一段。',
  'merged-cells': '合并单元格已拆分：文字留在左上角的单元格，其余单元格为空。',
  'placeholder-key': '名称含空格的占位符已保留为原文字。',
};

const KEPT_FORMAT = FORMAT.bold | FORMAT.italic;
// The front matter refuses placeholder keys with whitespace or braces.
const PLACEHOLDER_KEY = /^[^\s{}]+$/;
const LINE_BREAK: InlineJSON = { type: 'linebreak', version: 1 };

/**
 * One line of template text: equal formats merged (the parser reads one node per run of a format), no
 * empty text, ends trimmed as the parser trims lines; line breaks become `breakAs`.
 */
function fitInline(nodes: InlineJSON[], notes: Set<FitNote>, breakAs: string): InlineJSON[] {
  const out: InlineJSON[] = [];
  const push = (value: string, format: number) => {
    if (!value) return;
    const prev = out[out.length - 1];
    if (prev?.type === 'text' && prev.format === format) out[out.length - 1] = text(prev.text + value, format);
    else out.push(text(value, format));
  };
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'linebreak') push(breakAs, prev?.type === 'text' ? prev.format : 0);
    else if (n.type === 'placeholder') {
      if (PLACEHOLDER_KEY.test(n.key)) out.push(n);
      else {
        notes.add('placeholder-key');
        push(`【待填写：${n.key}】`, 0);
      }
    } else {
      if (n.format & ~KEPT_FORMAT) notes.add('underline');
      push(n.text.replace(/\r\n|\r|\n/g, breakAs), n.format & KEPT_FORMAT);
    }
  }
  while (out[0]?.type === 'text' && !out[0].text.trim()) out.shift();
  while (out[out.length - 1]?.type === 'text' && !(out[out.length - 1] as { text: string }).text.trim()) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = text(first.text.trimStart(), first.format);
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = text(last.text.trimEnd(), last.format);
  return out;
}

/** A paragraph's inline nodes split at its line breaks. */
function splitAtBreaks(nodes: InlineJSON[], notes: Set<FitNote>): InlineJSON[][] {
  const parts: InlineJSON[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'linebreak') {
      notes.add('line-break');
      parts.push([]);
    } else parts[parts.length - 1]!.push(n);
  }
  return parts;
}

/** Cells laid on a grid: a spanning cell keeps its text in its first slot and the slots it covers stay empty. */
function fitTable(t: TableJSON, notes: Set<FitNote>): TableJSON | null {
  const rows = t.children.length;
  const grid: InlineJSON[][][] = Array.from({ length: rows }, () => []);
  t.children.forEach((row, r) => {
    let c = 0;
    for (const cell of row.children) {
      while (grid[r]![c] !== undefined) c++;
      if (cell.children.length > 1) notes.add('cell-paragraphs');
      if (cell.children.some((p) => p.children.some((n) => n.type === 'linebreak'))) notes.add('line-break');
      const joined = cell.children.flatMap((p, i) => (i > 0 ? [LINE_BREAK, ...p.children] : p.children));
      grid[r]![c] = fitInline(joined, notes, ' ');
      if (cell.colSpan > 1 || cell.rowSpan > 1) notes.add('merged-cells');
      for (let dr = 0; dr < Math.max(1, cell.rowSpan) && r + dr < rows; dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) if (dr || dc) grid[r + dr]![c + dc] = [];
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (width === 0) return null;
  return table(grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? [])));
}

const itemsOf = (l: ListJSON) => l.children.map((li) => li.children);

export function fitBlocks(blocks: BlockJSON[], notes: Set<FitNote>): BlockJSON[] {
  const out: BlockJSON[] = [];
  const add = (b: BlockJSON) => {
    const prev = out[out.length - 1];
    // Two lists of one kind in a row read back as one list: make them one now.
    if (b.type === 'list' && prev?.type === 'list' && prev.listType === b.listType) out[out.length - 1] = list(b.listType, [...itemsOf(prev), ...itemsOf(b)]);
    else out.push(b);
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      for (const part of splitAtBreaks(b.children, notes)) {
        const inline = fitInline(part, notes, '');
        if (inline.length) add(paragraph(inline));
      }
    } else if (b.type === 'list') {
      if (b.children.some((li) => li.children.some((n) => n.type === 'linebreak'))) notes.add('line-break');
      const items = b.children.map((li) => fitInline(li.children, notes, ' ')).filter((i) => i.length > 0);
      if (items.length) add(list(b.listType, items));
    } else {
      const t = fitTable(b, notes);
      if (t) add(t);
    }
  }
  return out;
}
