// The 印发通知 (cover notice) as a GB/T 9704 Word file: red 版头, title, 主送机关, body, 附件说明, 署名, 版记.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphStyleOptions,
} from 'docx';
import { bodyText, packDocument, pushRun } from './document-kit-docx';
import { CONTENT_WIDTH, FONTS, LINE, MARGIN, SMALL_CHAR, STYLE, ems } from './gbt9704-styles';
import { ATTACHMENT_NOTE_STYLE, attachmentNote, formatChineseDate, signatureParagraphs, titleParagraph } from './official-parts-docx';

export interface NoticeExportInput {
  /** 发文机关标志, e.g. 太原市小店区应急管理局文件. */
  issuerMark: string;
  /** 发文字号, e.g. 小应急发〔2025〕3号. */
  docNumber: string;
  title: string;
  /** 主送机关; the full-width colon is added. */
  recipients: string;
  body: string[];
  signer: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 抄送机关, e.g. 区委办公室，区人大常委会办公室. */
  copyTo?: string;
  /** 印发机关; the 版记 is left out when neither it nor copyTo is given. */
  printer?: string;
  /** 印发日期, YYYY-MM-DD; the 成文日期 when not given. */
  printDate?: string;
  attachments?: string[];
}

/** GB/T 9704 recommends red; C00000 is the darker red bureaus' Word templates use. */
export const RED = 'C00000';
const WIDTH = CONTENT_WIDTH.portrait;
const MM = 56.7; // twips per millimetre

const STYLES = { mark: 'IssuerMark', rule: 'RedRule', colophon: 'Colophon' } as const;
const LATIN = 'Times New Roman';

/** 发文机关标志 size: 初号 at most, smaller for long names so the mark stays on one line of the 版心. */
function markSize(mark: string): number {
  const fit = Math.floor((WIDTH / 20 / Math.max(1, ems(mark))) * 0.95); // points per character
  return Math.min(42, fit) * 2; // half-points
}

function noticeStyles(markHalfPoints: number): IParagraphStyleOptions[] {
  const markLine = Math.round(markHalfPoints * 10 * 1.3);
  return [
    {
      id: STYLES.mark,
      name: 'Issuer mark',
      basedOn: STYLE.title,
      run: { size: markHalfPoints, color: RED },
      // The mark's top edge 35 mm below the 版心's top: the space before less the line's leading above the glyphs.
      paragraph: { spacing: { before: Math.round(35 * MM - (markLine - markHalfPoints * 10) / 2), after: 0, line: markLine, lineRule: LineRuleType.EXACT } },
    },
    {
      // An empty line about 4 mm tall whose bottom border is the red rule under the 发文字号.
      id: STYLES.rule,
      name: 'Red rule',
      basedOn: STYLE.body,
      run: { size: 2 },
      paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 0, after: 0, line: Math.round(4 * MM), lineRule: LineRuleType.EXACT } },
    },
    // Not based on Normal: its two-character first-line indent (in characters) would override these paragraphs' hanging indents.
    {
      id: STYLES.colophon,
      name: 'Colophon',
      run: { font: { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: FONTS.body }, size: 28 },
      paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT } },
    },
  ];
}

/** 版头: mark, one blank line, 发文字号, the red rule. */
function letterhead(mark: string, docNumber: string): Paragraph[] {
  return [
    new Paragraph({ style: STYLES.mark, children: [new TextRun({ text: mark, color: RED, font: { eastAsia: FONTS.title } })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: LINE }, children: [new TextRun(docNumber)] }),
    new Paragraph({
      style: STYLES.rule,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } }, // 1.5 pt
      children: [],
    }),
  ];
}

const rule = (size: 0 | 6 | 8): IBorderOptions => (size ? { style: BorderStyle.SINGLE, size, color: '000000' } : { style: BorderStyle.NONE, size: 0, color: 'auto' });

/**
 * 版记: 抄送 and 印发机关/印发日期 between full-width rules (first and last 0.35 mm → sz 8, between 0.25 mm → sz 6).
 * A one-column table floated to the foot of the 版心 holds it on the last page's bottom edge (GB/T 9704 7.4.1), as
 * bureaus' templates do; paragraphs in a text frame lost their borders and their place in LibreOffice.
 */
function colophon(copyTo: string | undefined, printer: string | undefined, isoDate: string): Table {
  const names = copyTo?.trim().replace(/[。，、；]$/, '');
  const label = 3 * SMALL_CHAR; // 抄送：
  const cell = (p: Paragraph) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: WIDTH, type: WidthType.DXA }, children: [p] })] });
  const rows = [
    ...(names
      ? [
          // 左右各空一字; wrapped lines align after the colon.
          cell(new Paragraph({ style: STYLES.colophon, indent: { left: SMALL_CHAR + label, right: SMALL_CHAR, hanging: label }, children: [new TextRun(`抄送：${names}。`)] })),
        ]
      : []),
    cell(
      new Paragraph({
        style: STYLES.colophon,
        indent: { left: SMALL_CHAR },
        // The date 右空一字: a right tab one character short of the 版心's right edge.
        tabStops: [{ type: TabStopType.RIGHT, position: WIDTH - SMALL_CHAR }],
        children: [new TextRun({ children: [printer?.trim() ?? '', new Tab(), `${formatChineseDate(isoDate)}印发`] })],
      }),
    ),
  ];
  return new Table({
    rows,
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [WIDTH],
    layout: TableLayoutType.FIXED,
    // No cell padding: the indents above count from the 版心's edge.
    margins: { left: 0, right: 0, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
    borders: { top: rule(8), bottom: rule(8), insideHorizontal: rule(6), left: rule(0), right: rule(0), insideVertical: rule(0) },
    // Horizontally the table's left edge sits on the 版心's, measured from the page: LibreOffice makes a floating
    // table a frame only when text could stand beside it, which for a table as wide as the 版心 it judges against
    // the page's width when the table is placed from the page (against the 版心's, never, when from the margin).
    // Vertically it stands on the foot of the 版心 of the page its anchor paragraph is on.
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
  });
}

export async function exportNoticeDocx(input: NoticeExportInput): Promise<Buffer> {
  const size = markSize(input.issuerMark);
  const recipients = `${input.recipients.trim().replace(/[：:，。]$/, '')}：`;
  const children = [
    ...letterhead(input.issuerMark.trim(), input.docNumber.trim()),
    new Paragraph({}), // the title sits two lines below the red rule
    titleParagraph(input.title),
    new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(recipients)] }),
    ...input.body.map((p) => p.trim()).filter(Boolean).map(bodyText),
    ...(input.attachments?.length ? attachmentNote(input.attachments) : []),
    ...signatureParagraphs(input.signer, input.date),
    // The floating table anchors to the paragraph after it; a short one, so it never spills onto a page of its own.
    ...(input.copyTo?.trim() || input.printer?.trim() ? [colophon(input.copyTo, input.printer, input.printDate ?? input.date), new Paragraph({ style: STYLES.rule })] : []),
  ];
  const runs: Parameters<typeof pushRun>[0] = [];
  pushRun(runs, 'portrait', ...children);
  return packDocument(runs, { title: input.title, creator: input.signer, extraStyles: [...noticeStyles(size), ATTACHMENT_NOTE_STYLE], offGrid: [STYLES.mark, STYLES.rule] });
}
