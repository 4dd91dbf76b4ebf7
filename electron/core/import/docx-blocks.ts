// Word runs, lists and tables as body blocks (Lexical JSON) through the doc-model builders; only B/I/U survive.
import { FORMAT, list, paragraph, placeholder, table, text, type BlockJSON, type InlineJSON, type TableJSON } from '../../shared/doc-model';
import type { DocxParagraph, DocxRun, DocxTable } from './read-docx';

/** What our export prints for an unfilled chip; read back as the chip. */
const PLACEHOLDER = /【待填写[：:]\s*([^】]+?)\s*】/g;

function formatOf(r: DocxRun): number {
  return (r.bold ? FORMAT.bold : 0) | (r.italic ? FORMAT.italic : 0) | (r.underline ? FORMAT.underline : 0);
}

/** Text with its format, split at line breaks. */
function pushText(out: InlineJSON[], value: string, format: number): void {
  value.split('\n').forEach((part, i) => {
    if (i > 0) out.push({ type: 'linebreak', version: 1 });
    // A tab has no node of its own in a plan body: a space keeps the words apart.
    const t = part.replace(/\t/g, ' ');
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.type === 'text' && prev.format === format) out[out.length - 1] = text(prev.text + t, format);
    else out.push(text(t, format));
  });
}

/**
 * The runs as inline nodes. Placeholders are found in the joined text, since Word often splits
 * 【待填写：…】 across runs (spell-check marks, edits).
 */
export function inlineNodes(runs: DocxRun[], trim = true): InlineJSON[] {
  const pieces = runs.map((r) => ({ text: r.text, format: formatOf(r) }));
  const all = pieces.map((p) => p.text).join('');
  const marks = [...all.matchAll(PLACEHOLDER)].map((m) => ({ from: m.index, to: m.index + m[0].length, key: m[1]! }));
  const out: InlineJSON[] = [];
  let at = 0;
  let mark = 0;
  for (const p of pieces) {
    const end = at + p.text.length;
    let pos = at;
    while (pos < end) {
      const m = marks[mark];
      if (m && pos >= m.from) {
        if (pos === m.from) out.push(placeholder(m.key));
        pos = Math.min(end, m.to);
        if (pos >= m.to) mark++;
        continue;
      }
      const stop = Math.min(end, m ? m.from : end);
      pushText(out, p.text.slice(pos - at, stop - at), p.format);
      pos = stop;
    }
    at = end;
  }
  return trim ? trimInline(out) : out;
}

/** Leading and trailing whitespace and breaks dropped: Word paragraphs often carry stray spaces. */
function trimInline(nodes: InlineJSON[]): InlineJSON[] {
  const out = [...nodes];
  while (out[0]?.type === 'linebreak') out.shift();
  while (out[out.length - 1]?.type === 'linebreak') out.pop();
  const first = out[0];
  if (first?.type === 'text') {
    const t = first.text.replace(/^[\s\u3000]+/, '');
    if (t) out[0] = text(t, first.format);
    else out.shift();
  }
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const t = last.text.replace(/[\s\u3000]+$/, '');
    if (t) out[out.length - 1] = text(t, last.format);
    else out.pop();
  }
  return out;
}

export function bodyParagraph(p: DocxParagraph): BlockJSON | null {
  const children = inlineNodes(p.runs);
  return children.length ? paragraph(children) : null;
}

/**
 * Appends a list item: to the previous list block when it is the same kind of list and the same Word list
 * (numId), else as a new list. Lists in a plan are one level deep, so nested items join their list.
 */
export function appendListItem(blocks: BlockJSON[], p: DocxParagraph, lastNumId: string | null): string | null {
  const children = inlineNodes(p.runs);
  if (!children.length || !p.list) return lastNumId;
  const listType = p.list.ordered ? 'number' : 'bullet';
  const prev = blocks[blocks.length - 1];
  if (prev?.type === 'list' && prev.listType === listType && lastNumId === p.list.numId) {
    const items = prev.children.map((li) => li.children);
    blocks[blocks.length - 1] = list(listType, [...items, children]);
  } else blocks.push(list(listType, [children]));
  return p.list.numId;
}

/** A Word table with the first row as header row; merged cells keep their spans. */
export function bodyTable(t: DocxTable): TableJSON | null {
  const rows = t.rows.filter((r) => r.length > 0);
  if (!rows.length) return null;
  const built = table(rows.map((r) => r.map(() => [])));
  built.children.forEach((row, r) =>
    row.children.forEach((cell, c) => {
      const source = rows[r]![c]!;
      const paragraphs = source.paragraphs.map((p) => paragraph(inlineNodes(p.runs))).filter((p, i, all) => p.children.length > 0 || all.length === 1);
      cell.children = paragraphs.length ? paragraphs : [paragraph([])];
      cell.colSpan = source.colSpan;
      cell.rowSpan = source.rowSpan;
    }),
  );
  return built;
}
