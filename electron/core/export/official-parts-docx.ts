// Parts of an official document outside its body text: the title, the 署名 and 成文日期, labels.
import { Paragraph, TextRun } from 'docx';
import { CHAR, STYLE, ems } from './gbt9704-styles';

/** 成文日期 as GB/T 9704 writes it: Arabic numerals, full year, no leading zeros (2025年1月8日). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new RangeError(`成文日期应为有效的 YYYY-MM-DD 日期：${iso}`);
  return `${year}年${month}月${day}日`;
}

/** A 二号 line holds 20 characters in the 156 mm 版心. */
const TITLE_LINE = 20;
const CLOSING = '，。、；：？！）》〉」』”’】';
const OPENING = '（《〈「『“‘【';

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A long title broken into lines of nearly equal width, shorter above longer (the standard's trapezoid), never
 * inside a word or number, never starting a line with closing punctuation nor ending one with opening.
 */
export function titleLines(title: string, perLine = TITLE_LINE): string[] {
  // Words (ICU's Chinese dictionary) are what a line may not break inside; numbers and Latin words come whole.
  const tokens = [...WORDS.segment(title.trim())].map((w) => w.segment);
  const widths = tokens.map(ems);
  const total = widths.reduce((a, b) => a + b, 0);
  const count = Math.ceil(total / perLine);
  if (count <= 1) return [tokens.join('')];
  // Cumulative widths; each break goes at the last token boundary not past its even share, so upper lines run short.
  const ends: number[] = [];
  let acc = 0;
  widths.forEach((w) => ends.push((acc += w)));
  const breaks: number[] = [];
  for (let k = 1; k < count; k++) {
    const share = (total * k) / count;
    let at = ends.findIndex((e) => e > share + 1e-9); // tokens [0, at) fit within the share
    if (at <= 0) at = 1;
    while (at < tokens.length && CLOSING.includes(tokens[at]!)) at++;
    while (at > 1 && OPENING.includes(tokens[at - 1]!)) at--;
    if (at > (breaks[breaks.length - 1] ?? 0) && at < tokens.length) breaks.push(at);
  }
  return [0, ...breaks].map((from, i) => tokens.slice(from, breaks[i] ?? tokens.length).join('').trim()).filter((l) => l.length > 0);
}

/** The title, centred in 二号小标宋, one blank line above the body. */
export function titleParagraph(title: string, style: string = STYLE.title): Paragraph {
  const lines = titleLines(title);
  return new Paragraph({ style, children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) });
}

/** A centred 黑体 label such as 目录 or 修订记录. */
export function labelParagraph(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ style: STYLE.label, pageBreakBefore, children: [new TextRun(text)] });
}

/**
 * Approximate printed width in twips: full-width characters one 3号 character, the rest half of one, and a quarter
 * of one at each change between Chinese and digits, where Word and LibreOffice space them apart (autoSpaceDN).
 */
function width(s: string): number {
  const changes = [...s].filter((ch, i, all) => i > 0 && (ch.charCodeAt(0) > 0xff) !== (all[i - 1]!.charCodeAt(0) > 0xff)).length;
  return (ems(s) + changes / 4) * CHAR;
}


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
