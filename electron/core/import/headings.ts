// Recognising headings in Word paragraphs: by heading style or outline level, and by the number a heading starts with.
import type { NumberingStyle, SectionLevel } from '../../shared/doc-model';

const CN = '一二三四五六七八九十';
const CN_NUM = `[${CN}]+`;

/** 一 … 九十九 back to a number; NaN for anything else. */
export function fromChinese(s: string): number {
  const d = (ch: string | undefined) => (ch ? CN.indexOf(ch) + 1 : 0);
  if (s.length === 1) return d(s);
  const ten = s.indexOf('十');
  if (ten < 0 || s.length > 3) return NaN;
  return (ten === 0 ? 1 : d(s[0])) * 10 + (ten === s.length - 1 ? 0 : d(s[ten + 1]));
}

/** Full-width digits and dots as ASCII, so １．１ reads as 1.1. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

export interface NumberPrefix {
  style: NumberingStyle;
  /** Level the number stands for (decimal: its number of parts). */
  level: SectionLevel;
  /** The numbers, e.g. [1, 2] for 1.2 or [3] for （三）. */
  parts: number[];
  /** The text after the number and its separator. */
  rest: string;
}

// What may follow a decimal number directly: a space, a full-width space, a tab, or Chinese text.
const AFTER = '(?:[\\s\\u3000]+|(?=[\\u4e00-\\u9fff（《“]))';
const OFFICIAL: { re: RegExp; level: SectionLevel; chinese: boolean }[] = [
  { re: new RegExp(`^(${CN_NUM})[、，,][\\s\\u3000]*`), level: 1, chinese: true },
  { re: new RegExp(`^[（(](${CN_NUM})[)）][、]?[\\s\\u3000]*`), level: 2, chinese: true },
  { re: /^(\d{1,2})[.、](?!\d)[\s\u3000]*/, level: 3, chinese: false },
  { re: /^[（(](\d{1,2})[)）][\s\u3000]*/, level: 4, chinese: false },
];
const DECIMAL = new RegExp(`^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?${AFTER}`);

/** The heading number a text starts with, in the given style, or null. */
export function numberPrefix(raw: string, style: NumberingStyle): NumberPrefix | null {
  const s = asciiDigits(raw.trimStart());
  if (style === 'official') {
    for (const o of OFFICIAL) {
      const m = o.re.exec(s);
      if (!m) continue;
      const n = o.chinese ? fromChinese(m[1]!) : Number(m[1]);
      if (Number.isFinite(n) && n > 0) return { style, level: o.level, parts: [n], rest: s.slice(m[0].length) };
    }
    return null;
  }
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const parts = m[1]!.split('.').map(Number);
  if (parts.some((n) => n <= 0)) return null;
  return { style, level: parts.length as SectionLevel, parts, rest: s.slice(m[0].length) };
}

/** Under this many characters a numbered paragraph may be a heading; numbered body paragraphs run longer. */
export const MAX_HEADING_CHARS = 40;

/** Short, and not a sentence: a heading does not end with 。 or ；. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_HEADING_CHARS && !/[。；;]$/.test(t) && !t.includes('\n');
}

/**
 * Which style the document numbers its headings in: the one more short paragraphs start with.
 * 一、 and （一） count for official, 1.1 and "1 总则" for decimal; documents showing neither are taken as official.
 */
export function guessNumbering(texts: string[]): NumberingStyle {
  let official = 0;
  let decimal = 0;
  for (const t of texts) {
    if (!looksLikeHeading(t)) continue;
    const o = numberPrefix(t, 'official');
    if (o && o.level <= 2) official++;
    const d = numberPrefix(t, 'decimal');
    if (d && (d.parts.length > 1 || !/^\d+[.、]/.test(t.trim()))) decimal++;
  }
  return decimal > official ? 'decimal' : 'official';
}

/** Heading counters, so a number is only a heading number when it follows on from the headings before it. */
export class HeadingCounter {
  private counts = [0, 0, 0, 0];

  /** Would this number be the next heading at its level? */
  fits(p: NumberPrefix): boolean {
    const i = p.level - 1;
    if (p.style === 'official') return p.parts[0] === this.counts[i]! + 1;
    // Decimal: every part but the last names the current parents; the last counts on.
    for (let l = 0; l < i; l++) if (p.parts[l] !== this.counts[l]) return false;
    return p.parts[i] === this.counts[i]! + 1;
  }

  /** Records a heading at a level (number given or implied). */
  take(level: SectionLevel, n?: number): void {
    const i = level - 1;
    this.counts[i] = n ?? this.counts[i]! + 1;
    for (let l = i + 1; l < 4; l++) this.counts[l] = 0;
  }

  reset(): void {
    this.counts = [0, 0, 0, 0];
  }
}

/** Strips a leading heading number in either style (headings styled as such may still carry typed numbers). */
export function stripNumber(title: string): { title: string; style: NumberingStyle | null } {
  for (const style of ['decimal', 'official'] as const) {
    const p = numberPrefix(title, style);
    if (p && p.rest.trim()) return { title: p.rest.trim(), style };
  }
  return { title: title.trim(), style: null };
}

const ANNEX_LABEL = /^附\s*件\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?(?:\s*[：:\s\u3000]\s*(.*))?$/;
// The number an annex title may repeat after the label: 附件：1. …, 附件2：2、…
const ANNEX_NUMBER = /^([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?:[.．、]|[\s\u3000]+)[\s\u3000]*(?=\S)/;

const annexNumber = (s: string) => (/^[0-9０-９]+$/.test(s) ? Number(asciiDigits(s)) : fromChinese(s));

/**
 * An annex label line (附件1, 附件：标题, 附件2 标题) and the title on it, or null. The number a title
 * repeats is dropped (附件：1. 分级标准 is titled 分级标准), since annexes are numbered by position.
 */
export function annexLabel(text: string): { title: string } | null {
  if (text.length > 40 || /[。；]$/.test(text)) return null;
  const m = ANNEX_LABEL.exec(text);
  if (!m) return null;
  const title = m[2]?.trim() ?? '';
  const repeated = ANNEX_NUMBER.exec(title);
  // With its own number the label only drops the same number again (附件1：1. …), not a title that starts with another.
  const drop = repeated && (!m[1] || annexNumber(m[1]) === annexNumber(repeated[1]!));
  return { title: drop ? title.slice(repeated[0].length).trim() : title };
}
