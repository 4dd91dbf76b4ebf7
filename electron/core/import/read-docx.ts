// Opens a .docx and reads its body as an ordered list of paragraphs and tables, with just what import needs.
import JSZip from 'jszip';
import { AppError } from '../../shared/errors';
import { readNumbering, readStyles, type ListFormats, type ResolvedStyle } from './docx-styles';
import { child, childElements, childVal, onOff, ownText, parseXml, type XmlElement } from './xml';

export interface DocxRun {
  /** Text with line breaks as \n and tabs as \t. */
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export interface DocxParagraph {
  type: 'paragraph';
  styleId: string | null;
  styleName: string | null;
  /** 0-based outline level from the paragraph or its style chain; null for body text. */
  outlineLevel: number | null;
  /** Paragraph alignment (w:jc) from the paragraph or its style: 'center', 'right', 'both' … */
  align: string | null;
  /** Set when the paragraph is numbered by Word (w:numPr, directly or through its style). */
  list: { numId: string; level: number; ordered: boolean } | null;
  /** Inside a table-of-contents content control. */
  inToc: boolean;
  runs: DocxRun[];
}

export interface DocxCell {
  paragraphs: DocxParagraph[];
  colSpan: number;
  rowSpan: number;
}

export interface DocxTable {
  type: 'table';
  rows: DocxCell[][];
}

export type DocxItem = DocxParagraph | DocxTable;

export interface DocxBody {
  items: DocxItem[];
}

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

export function paragraphText(p: DocxParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

interface Context {
  styles: Map<string, ResolvedStyle>;
  lists: ListFormats;
  defaultStyle: ResolvedStyle | null;
}

function readRun(r: XmlElement): DocxRun | null {
  const rPr = child(r, 'w:rPr');
  let text = '';
  for (const c of childElements(r)) {
    if (c.name === 'w:t') text += ownText(c);
    else if (c.name === 'w:tab' || c.name === 'w:ptab') text += '\t';
    // Page and column breaks end a printed page, not a line of the paragraph.
    else if ((c.name === 'w:br' && (c.attrs['w:type'] ?? 'textWrapping') === 'textWrapping') || c.name === 'w:cr') text += '\n';
    else if (c.name === 'w:noBreakHyphen') text += '-';
  }
  if (!text) return null;
  return { text, bold: onOff(rPr, 'w:b') ?? false, italic: onOff(rPr, 'w:i') ?? false, underline: onOff(rPr, 'w:u') ?? false };
}

/** Runs in document order, looking through hyperlinks, insertions, smart tags and fields; deletions are skipped. */
function collectRuns(el: XmlElement, out: DocxRun[]): void {
  for (const c of childElements(el)) {
    if (c.name === 'w:r') {
      const run = readRun(c);
      if (run) out.push(run);
    } else if (c.name !== 'w:pPr' && c.name !== 'w:del' && c.name !== 'w:moveFrom') collectRuns(c, out);
  }
}

function readParagraph(p: XmlElement, ctx: Context, inToc: boolean): DocxParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = childVal(pPr, 'w:pStyle') ?? null;
  const style = (styleId ? ctx.styles.get(styleId) : undefined) ?? ctx.defaultStyle;
  const outline = childVal(pPr, 'w:outlineLvl');
  const outlineLevel = outline !== undefined ? Number(outline) : (style?.outlineLevel ?? null);
  const numPr = child(pPr, 'w:numPr');
  // A paragraph may set only its level (w:ilvl) and take the list from its style.
  const numId = (numPr ? childVal(numPr, 'w:numId') : undefined) ?? style?.numId ?? undefined;
  const ilvl = numPr ? childVal(numPr, 'w:ilvl') : undefined;
  const level = ilvl !== undefined ? Number(ilvl) : (style?.numLevel ?? 0);
  // numId 0 is how Word switches off numbering that a style would add.
  const list = numId && numId !== '0' ? { numId, level, ordered: ctx.lists.get(numId)?.get(level) ?? false } : null;
  const runs: DocxRun[] = [];
  collectRuns(p, runs);
  return {
    type: 'paragraph',
    styleId,
    styleName: style?.name ?? null,
    outlineLevel: outlineLevel !== null && outlineLevel >= 0 && outlineLevel < 9 ? outlineLevel : null,
    align: childVal(pPr, 'w:jc') ?? style?.align ?? null,
    list,
    inToc,
    runs,
  };
}

function readTable(tbl: XmlElement, ctx: Context): DocxTable {
  const rows: DocxCell[][] = [];
  // Vertically merged cells: the cell that starts the merge, by grid column, so continuations add to its rowSpan.
  const open = new Map<number, DocxCell>();
  for (const tr of childElements(tbl, 'w:tr')) {
    const row: DocxCell[] = [];
    let column = 0;
    for (const tc of childElements(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const colSpan = Math.max(1, Number(childVal(tcPr, 'w:gridSpan') ?? 1) || 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const merge = vMerge ? (vMerge.attrs['w:val'] ?? 'continue') : null;
      if (merge === 'continue' && open.has(column)) {
        open.get(column)!.rowSpan++;
      } else {
        const paragraphs: DocxParagraph[] = [];
        collectBlocks(tc, ctx, false, (item) => {
          // A table inside a cell is flattened into the cell's paragraphs.
          if (item.type === 'paragraph') paragraphs.push(item);
          else for (const r of item.rows) for (const c of r) paragraphs.push(...c.paragraphs);
        });
        const cell: DocxCell = { paragraphs, colSpan, rowSpan: 1 };
        row.push(cell);
        if (merge === 'restart') open.set(column, cell);
        else open.delete(column);
      }
      column += colSpan;
    }
    rows.push(row);
  }
  return { type: 'table', rows };
}

/** Paragraphs and tables of a container in order, looking inside content controls (which hold tables of contents). */
function collectBlocks(el: XmlElement, ctx: Context, inToc: boolean, emit: (item: DocxItem) => void): void {
  for (const c of childElements(el)) {
    if (c.name === 'w:p') emit(readParagraph(c, ctx, inToc));
    else if (c.name === 'w:tbl') emit(readTable(c, ctx));
    else if (c.name === 'w:sdt') {
      const gallery = childVal(child(child(c, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery') ?? '';
      const content = child(c, 'w:sdtContent');
      if (content) collectBlocks(content, ctx, inToc || /table of contents/i.test(gallery), emit);
    } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:smartTag') collectBlocks(c, ctx, inToc, emit);
  }
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message);
const NOT_DOCX = '文件不是 Word（.docx）文档，请在 Word/WPS 中另存为 .docx 格式后再导入。';
const DAMAGED = '文件已损坏或不完整，无法读取。请确认文件已完整下载或复制，或在 Word/WPS 中打开修复并另存为 .docx 后再导入。';
// Every .docx is a zip, and a zip starts with a local file header (or, empty, its end record).
const ZIP_MAGIC = [Buffer.from('504b0304', 'hex'), Buffer.from('504b0506', 'hex')];

async function openZip(bytes: Buffer): Promise<JSZip> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // Word saves a password-protected .docx inside an OLE compound file; so is an old binary .doc.
    throw invalid('文档已加密，请在 Word/WPS 中取消密码后再导入。');
  }
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    // A zip that cannot be read was cut short or broken on the way (a truncated download or copy); anything else is another kind of file.
    throw invalid(ZIP_MAGIC.some((m) => bytes.subarray(0, 4).equals(m)) ? DAMAGED : NOT_DOCX);
  }
}

/** A part as text, null when absent; a part that is there but cannot be unpacked means a damaged file. */
async function readPart(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  try {
    return await file.async('string');
  } catch {
    throw invalid(DAMAGED);
  }
}

/** Without word/document.xml: a Word package that lost it is damaged; a workbook, slides or any other zip is not Word. */
function missingDocument(zip: JSZip): AppError {
  const wordPackage = zip.file('[Content_Types].xml') !== null || zip.file(/^word\//).length > 0;
  return invalid(wordPackage && zip.file(/^(xl|ppt)\//).length === 0 ? DAMAGED : NOT_DOCX);
}

export async function readDocx(bytes: Buffer): Promise<DocxBody> {
  const zip = await openZip(bytes);
  const read = (name: string) => readPart(zip, name);
  const documentXml = await read('word/document.xml');
  if (documentXml === null) throw missingDocument(zip);
  const styles = readStyles(await read('word/styles.xml'));
  const defaultStyle = [...styles.values()].find((s) => s.id === 'Normal') ?? null;
  const ctx: Context = { styles, lists: readNumbering(await read('word/numbering.xml')), defaultStyle };
  const document = child(parseXml(documentXml), 'w:document');
  if (!document) throw invalid(DAMAGED);
  const body = child(document, 'w:body');
  const items: DocxItem[] = [];
  if (body) collectBlocks(body, ctx, false, (item) => items.push(item));
  const hasText = items.some((i) =>
    i.type === 'paragraph' ? paragraphText(i).trim() !== '' : i.rows.some((r) => r.some((c) => c.paragraphs.some((p) => paragraphText(p).trim() !== ''))),
  );
  if (!hasText) throw invalid('文档是空的。');
  return { items };
}
