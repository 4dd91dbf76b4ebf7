// A plan as a GB/T 9704 Word document: title, revision record, contents, numbered sections, 署名, annexes.
import { Document, LeaderType, Packer, Paragraph, Table, TableOfContents, TextRun } from 'docx';
import { type BlockJSON, type PlanDocument, type PlanSection } from '../../shared/doc-model';
import { headingNumbers } from '../../shared/numbering';
import type { PlanStatus } from '../../shared/schemas/plan';
import { blockChildren, tableColumnCount, type BlockContext } from './blocks-docx';
import { dataTable } from './document-kit-docx';
import { STYLE, finishGbt9704Docx, gbt9704Styles, listNumbering, sectionFrame, sectionProperties, type Orientation } from './gbt9704-styles';
import { annexHeading, formatChineseDate, labelParagraph, signatureParagraphs, titleParagraph } from './official-parts-docx';

export { formatChineseDate } from './official-parts-docx';

/** A row of the 修订记录 as printed: numbered 1, 2, 3… (domain/revisions/revision-record.ts), never by version number. */
export interface RevisionEntry {
  no: number;
  /** YYYY-MM-DD, printed as 2025年1月8日; any other text is printed as given. */
  date: string;
  note: string;
}

export interface PlanExportInput {
  title: string;
  doc: PlanDocument;
  status: PlanStatus;
  issuer?: string;
  /** 成文日期, YYYY-MM-DD. */
  date?: string;
  revisionRecord?: RevisionEntry[];
  toc?: boolean;
}

/** The mark a plan not yet in force carries in its header. */
export const DRAFT_MARKS: Partial<Record<PlanStatus, string>> = { draft: '草稿', consultation: '征求意见稿', review: '送审稿' };

/** Tables wider than this many columns go on a landscape page (GB/T 9704 横排表格). */
const PORTRAIT_MAX_COLUMNS = 7;

type Child = Paragraph | Table | TableOfContents;

/** The document's children in runs of one page orientation; each run becomes a docx section. */
class PageRuns {
  readonly runs: { orientation: Orientation; children: Child[] }[] = [];

  add(orientation: Orientation, ...children: Child[]): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last.orientation === orientation) last.children.push(...children);
    else this.runs.push({ orientation, children });
  }
}

const orientationOf = (block: BlockJSON | undefined): Orientation =>
  block?.type === 'table' && tableColumnCount(block) > PORTRAIT_MAX_COLUMNS ? 'landscape' : 'portrait';

const REVISION_COLUMNS = [
  { header: '序号', chars: 3 },
  { header: '修订日期', chars: 9 },
  { header: '修订说明', chars: 18 },
];

/** A data table: a long 修订说明 (a merge lists what it took) may run on to the next page rather than leave this one blank. */
function revisionTable(entries: RevisionEntry[]): Table {
  const printable = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatChineseDate(d) : d);
  return dataTable(REVISION_COLUMNS, entries.map((e) => [String(e.no), printable(e.date), e.note]), 'portrait');
}

/**
 * The table of contents, written from the sections rather than left for the docx package to fill: its own filling
 * ends in an empty paragraph that can spill onto a blank page. Page numbers are left to Word, which asks to update
 * the field on opening (working them out here took seconds); LibreOffice shows the entries without numbers, so no
 * dot leaders run to nothing. Annexes are listed by their label and title; with \u Word keeps them on update.
 */
function contents(sections: PlanSection[], labels: string[], decimal: boolean): TableOfContents {
  const entries = sections.flatMap((s, i) => {
    if (s.level > 2 || (s.kind === 'annex' && s.level !== 1)) return [];
    return [{ title: `${labels[i]}${decimal || s.kind === 'annex' ? '\u3000' : ''}${s.title}`, level: s.level }];
  });
  return new TableOfContents('目录', { headingStyleRange: '1-2', hyperlink: true, useAppliedParagraphOutlineLevel: true, cachedEntries: entries, tabLeader: LeaderType.NONE });
}

/** A heading with its number as text in front: numbers are worked out at export, never stored. */
function headingParagraph(section: PlanSection, label: string, decimal: boolean, pageBreakBefore: boolean): Paragraph {
  // Decimal labels (1.1) need a gap before the title; official ones (（一）) carry their own punctuation.
  const gap = decimal ? '\u3000' : '';
  return new Paragraph({ style: STYLE.headings[section.level - 1], pageBreakBefore, children: [new TextRun(`${label}${gap}${section.title}`)] });
}

export async function exportPlanDocx(input: PlanExportInput): Promise<Buffer> {
  const { doc } = input;
  const values = new Map(doc.placeholders.filter((p) => p.value.trim() !== '').map((p) => [p.key, p.value]));
  let listInstance = 0;
  const context = (orientation: Orientation): BlockContext => ({ fill: (key) => values.get(key), orientation, nextListInstance: () => ++listInstance });
  const pages = new PageRuns();

  // ---- front matter: title, revision record, contents
  pages.add('portrait', titleParagraph(input.title));
  if (input.revisionRecord?.length) pages.add('portrait', labelParagraph('修订记录'), revisionTable(input.revisionRecord), new Paragraph({}));
  const labels = headingNumbers(doc.sections, doc.numbering);
  if (input.toc) pages.add('portrait', labelParagraph('目　录'), contents(doc.sections, labels, doc.numbering === 'decimal'));
  let breakBeforeBody = Boolean(input.toc || input.revisionRecord?.length);

  // ---- sections
  let signed = false;
  const hasSignature = Boolean(input.issuer || input.date);
  // The main text's last words go with the 署名, which may not stand alone on a page.
  const lastBodyWithText = doc.sections.findLastIndex((s) => s.kind === 'body' && s.body.length > 0);
  const sign = () => {
    if (!signed) pages.add('portrait', ...signatureParagraphs(input.issuer, input.date));
    signed = true;
  };
  doc.sections.forEach((section, i) => {
    const label = labels[i]!;
    if (section.kind === 'annex' && section.level === 1) {
      sign(); // 署名 and 成文日期 close the main text, before the first annex
      const orientation = orientationOf(section.body[0]);
      pages.add(orientation, ...annexHeading(label, section.title));
    } else {
      pages.add('portrait', headingParagraph(section, label, doc.numbering === 'decimal', breakBeforeBody));
    }
    breakBeforeBody = false;
    section.body.forEach((block, b) => {
      const orientation = orientationOf(block);
      const holdForSignature = hasSignature && i === lastBodyWithText && b === section.body.length - 1;
      pages.add(orientation, ...blockChildren(block, context(orientation), holdForSignature));
    });
  });
  sign();

  const mark = DRAFT_MARKS[input.status] ?? null;
  const document = new Document({
    title: input.title,
    ...(input.issuer ? { creator: input.issuer } : {}),
    styles: gbt9704Styles,
    numbering: listNumbering,
    evenAndOddHeaderAndFooters: true,
    sections: pages.runs.map((run) => ({ properties: sectionProperties(run.orientation), ...sectionFrame(mark), children: run.children })),
  });
  return finishGbt9704Docx(await Packer.toBuffer(document));
}
