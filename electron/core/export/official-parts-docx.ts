// Parts of an official document outside its body text: the title, 附件说明 and annex headings, the 署名 and 成文日期, labels.
import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type IParagraphStyleOptions } from 'docx';
import { CHAR, FONTS, LINE, STYLE, ems } from './gbt9704-styles';

/** 成文日期 as GB/T 9704 writes it: Arabic numerals, full year, no leading zeros (2025年1月8日). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new RangeError(`成文日期应为有效的 YYYY-MM-DD 日期：${iso}`);
  return `${year}年${month}月${day}日`;
}

/**
 * A 二号 line's budget in the 156 mm 版心, in printed characters (see printedEms). Twenty 22 pt glyphs fill 440 of
 * its 442 pt, so a twentieth character fits only when nothing else on the line takes room: a digit run's autospace
 * or a substituted font's wider glyphs push it onto a line of its own. Nineteen leaves that margin.
 */
export const TITLE_LINE = 19;
const CLOSING = '，。、；：？！）》〉」』”’】';
const OPENING = '（《〈「『“‘【';

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

const wide = (ch: string) => ch.charCodeAt(0) > 0xff;

/**
 * Printed width in characters: full-width characters count one, the rest half of one, and a quarter of one at each
 * change between Chinese and digits or Latin, where Word and LibreOffice space them apart (autoSpaceDN).
 */
export function printedEms(s: string): number {
  const chars = [...s];
  const changes = chars.filter((ch, i) => i > 0 && wide(ch) !== wide(chars[i - 1]!)).length;
  return ems(s) + changes / 4;
}

/** The title's tokens: words (ICU's Chinese dictionary) and whole numbers; a token wider than a line is cut into characters. */
function titleTokens(title: string, perLine: number): string[] {
  return [...WORDS.segment(title.trim())].flatMap((w) => (printedEms(w.segment) > perLine ? [...w.segment] : [w.segment]));
}

/** Where `count` lines of nearly equal width break: at the last token boundary within each even share, so upper lines run short. */
function evenBreaks(tokens: string[], count: number): number[] {
  const ends: number[] = [];
  let acc = 0;
  tokens.forEach((t) => ends.push((acc += ems(t))));
  const total = acc;
  const breaks: number[] = [];
  for (let k = 1; k < count; k++) {
    const share = (total * k) / count;
    let at = ends.findIndex((e) => e > share + 1e-9); // tokens [0, at) fit within the share
    if (at <= 0) at = 1;
    while (at < tokens.length && CLOSING.includes(tokens[at]!)) at++;
    while (at > 1 && OPENING.includes(tokens[at - 1]!)) at--;
    if (at > (breaks[breaks.length - 1] ?? 0) && at < tokens.length) breaks.push(at);
  }
  return breaks;
}

const linesAt = (tokens: string[], breaks: number[]): string[] =>
  [0, ...breaks].map((from, i) => tokens.slice(from, breaks[i] ?? tokens.length).join('').trim()).filter((l) => l.length > 0);

/**
 * A long title broken into lines of nearly equal width, shorter above longer (the standard's trapezoid), never
 * inside a word or number, never starting a line with closing punctuation nor ending one with opening, and no
 * line wider than `perLine` printed characters: a wider one would wrap in the reader and leave a character alone.
 */
export function titleLines(title: string, perLine = TITLE_LINE): string[] {
  const tokens = titleTokens(title, perLine);
  const total = printedEms(tokens.join(''));
  if (total <= perLine) return [tokens.join('')];
  // Even shares can still leave one line too wide (a long word, a number with its autospace): add a line until none is.
  for (let count = Math.ceil(total / perLine); count <= tokens.length; count++) {
    const lines = linesAt(tokens, evenBreaks(tokens, count));
    if (lines.every((l) => printedEms(l) <= perLine)) return lines;
  }
  return tokens;
}

/** The title, centred in 二号小标宋, one blank line above the body. */
export function titleParagraph(title: string, style: string = STYLE.title): Paragraph {
  const lines = titleLines(title);
  return new Paragraph({ style, children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) });
}

const LATIN = 'Times New Roman';

/**
 * The 附件说明's paragraph style. Not based on Normal: its two-character first-line indent (in characters) would
 * override the hanging indents that align wrapped lines with the attachment's name. Documents with a 附件说明
 * pass it to packDocument's extraStyles.
 */
export const ATTACHMENT_NOTE_STYLE: IParagraphStyleOptions = {
  id: 'AttachmentNote',
  name: 'Attachment note',
  run: { font: { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: FONTS.body }, size: 32, characterSpacing: -5 },
  paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT } },
};

/**
 * 附件说明, one blank line after the body: "附件：" two characters in; several attachments numbered "1." "2." with the
 * numbers one under the other. Each item's wrapped lines align with the first character of its name: the name
 * starts at a tab stop on the left indent, so the number's real printed width (Latin digits, autospace) never shifts it.
 */
export function attachmentNote(names: string[]): Paragraph[] {
  const label = 3 * CHAR; // 附件：
  const numbered = names.length > 1;
  const slot = numbered ? Math.ceil(ems(`${names.length}.`) * 2) * (CHAR / 2) : 0;
  const left = 2 * CHAR + label + slot;
  // The 附件说明 is followed by the 署名: kept on its page, so that never stands alone.
  return [
    new Paragraph({ keepNext: true }),
    ...names.map(
      (name, i) =>
        new Paragraph({
          keepNext: true,
          style: ATTACHMENT_NOTE_STYLE.id,
          indent: { left, hanging: i === 0 ? label + slot : slot },
          tabStops: [{ type: TabStopType.LEFT, position: left }],
          children: [new TextRun({ children: [`${i === 0 ? '附件：' : ''}${numbered ? `${i + 1}.` : ''}`, ...(numbered ? [new Tab()] : []), name.trim().replace(/[。；，]$/, '')] })],
        }),
    ),
  ];
}

/** An annex's first lines: its label (附件, 附件2) flush left in 黑体 on a new page, its title centred on line 3. */
export function annexHeading(label: string, title: string): Paragraph[] {
  return [new Paragraph({ style: STYLE.annexLabel, pageBreakBefore: true, children: [new TextRun(label)] }), titleParagraph(title, STYLE.annexTitle)];
}

/** A centred 黑体 label such as 目录 or 修订记录. */
export function labelParagraph(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ style: STYLE.label, pageBreakBefore, children: [new TextRun(text)] });
}

/** Approximate printed width in twips, one 3号 character a printed character. */
const width = (s: string): number => printedEms(s) * CHAR;

/**
 * 署名 and 成文日期 of a document without a seal (GB/T 9704 7.3.5.2): one blank line below the body, the 署名
 * two characters in from the right, the date on the next line starting two characters right of the 署名; when
 * the date is the longer, the date sits two characters in and the 署名 moves left to keep the offset.
 */
export function signatureParagraphs(issuer: string | undefined, isoDate: string | undefined): Paragraph[] {
  const date = isoDate ? formatChineseDate(isoDate) : undefined;
  const two = 2 * CHAR;
  const issuerWidth = issuer ? width(issuer) : 0;
  const dateWidth = date ? width(date) : 0;
  let issuerRight = two;
  let dateRight = issuer ? issuerWidth - dateWidth : two;
  if (dateRight < two) {
    dateRight = two;
    if (issuer) issuerRight = dateWidth + 2 * two - issuerWidth;
  }
  const lines = [issuer ? { text: issuer, right: issuerRight } : null, date ? { text: date, right: dateRight } : null].filter((l) => l !== null);
  if (!lines.length) return [];
  // The blank line is an empty paragraph: it stays on the line grid whatever the reader does with spacing.
  // keepNext holds the 署名 and its date on one page.
  return [
    new Paragraph({ keepNext: true }),
    ...lines.map(
      (l, i) =>
        new Paragraph({
          style: STYLE.signature,
          keepNext: i < lines.length - 1,
          indent: { right: Math.round(l.right), firstLine: 0, firstLineChars: 0 },
          children: [new TextRun(l.text)],
        }),
    ),
  ];
}
