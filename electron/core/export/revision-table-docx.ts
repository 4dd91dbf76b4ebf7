// The 修订对照表 as a Word file: one row per changed, added or removed section — 原文, 修订后, 修订理由.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { DiffPart, SectionChange } from '../../shared/schemas/revision';
import { dataTable, packDocument, pushRun, run, type Cell, type Column, type PageRun } from './document-kit-docx';
import { titleParagraph } from './official-parts-docx';

export interface RevisionTableExportInput {
  planTitle: string;
  /** The versions compared, e.g. 2022版 and 2025版（送审稿）. */
  fromLabel: string;
  toLabel: string;
  /** compareDocuments(...).changes: sections that are the same, or only moved, get no row. */
  changes: SectionChange[];
  /** 修订理由 by section id. */
  reasons?: Record<string, string>;
}

export const REVISION_COLUMNS: Column[] = [
  { header: '原文', chars: 13 },
  { header: '修订后', chars: 13 },
  { header: '修订理由', chars: 7 },
];

export const ADDED = '（新增）';
export const REMOVED = '（删除）';

/** One side of a diff: the old text is what is kept plus what was deleted, the new what is kept plus what was added. */
function side(diff: DiffPart[] | undefined, keep: 'add' | 'del'): string {
  return (diff ?? []).filter((p) => p.op === 'same' || p.op === keep).map((p) => p.text).join('');
}

/** Official numbers (一、（一）) carry their own punctuation; decimal ones (1.1) need a gap before the title. */
const numbered = (number: string | undefined, title: string) => (number ? `${number}${/[、）.．]$/.test(number) ? '' : '\u3000'}${title}` : title);

/**
 * A section as a cell: its number and title in bold at the top, then the body's lines. compareDocuments diffs
 * "title\nbody", so the first line of each side is the title (as it read in that version).
 */
function sectionCell(number: string | undefined, fullText: string): Cell {
  const [title = '', ...body] = fullText.split('\n');
  return [[run(numbered(number, title), true)], ...body.filter((l) => l.trim()).map((l) => [run(l)])];
}

function changeRow(c: SectionChange, reasons: Record<string, string>): Cell[] | null {
  const reason = reasons[c.id] ?? '';
  if (c.kinds.includes('added')) return [ADDED, sectionCell(c.newNumber, side(c.diff, 'add')), reason];
  if (c.kinds.includes('removed')) return [sectionCell(c.oldNumber, side(c.diff, 'del')), REMOVED, reason];
  if (!c.kinds.includes('changed')) return null;
  return [sectionCell(c.oldNumber, side(c.diff, 'del')), sectionCell(c.newNumber, side(c.diff, 'add')), reason];
}

export async function exportRevisionTableDocx({ planTitle, fromLabel, toLabel, changes, reasons = {} }: RevisionTableExportInput): Promise<Buffer> {
  const rows = changes.map((c) => changeRow(c, reasons)).filter((r): r is Cell[] => r !== null);
  const title = `${planTitle}修订对照表`;
  // Which two versions: centred under the title, in body type, so the table can be read without the cover letter.
  const versions = new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(`（${fromLabel}与${toLabel}对照）`)] });
  const runs: PageRun[] = [];
  pushRun(runs, 'portrait', titleParagraph(title), versions, dataTable(REVISION_COLUMNS, rows, 'portrait'));
  return packDocument(runs, { title });
}
