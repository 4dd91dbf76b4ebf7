// Heading numbers in either style a plan chooses: official 一、（一）1.（1） or decimal 1 / 1.1 / 1.1.1.
import type { NumberingStyle, SectionKind, SectionLevel } from './doc-model';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 as Chinese numerals: 一 … 十 十一 … 二十 … 九十九. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export interface NumberedHeading {
  level: SectionLevel;
  kind: SectionKind;
}

/**
 * The label of every heading, in order. Annex chapters are 附件1, 附件2 … and number their own
 * sub-headings afresh; body chapters count on from one another.
 */
export function headingNumbers(headings: NumberedHeading[], style: NumberingStyle): string[] {
  const counters = [0, 0, 0, 0];
  let annexes = 0;
  let inAnnex = false;
  return headings.map((h) => {
    if (h.level === 1) {
      inAnnex = h.kind === 'annex';
      counters[1] = counters[2] = counters[3] = 0;
      if (inAnnex) return `附件${++annexes}`;
      counters[0]!++;
    } else {
      counters[h.level - 1]!++;
      for (let l = h.level; l < 4; l++) counters[l] = 0;
    }
    const n = counters[h.level - 1]!;
    if (style === 'official') {
      return [`${chineseNumeral(n)}、`, `（${chineseNumeral(n)}）`, `${n}.`, `（${n}）`][h.level - 1]!;
    }
    // Decimal numbering inside an annex starts from its own level-2 headings.
    const from = inAnnex ? 1 : 0;
    return counters.slice(from, h.level).map((c) => c || 1).join('.');
  });
}

/** Every heading by its id, as people name a clause: its number and title ("5.1 先期处置", "（二） 响应启动"). */
export function clauseLabels(headings: (NumberedHeading & { id: string; title: string })[], style: NumberingStyle): Map<string, string> {
  const numbers = headingNumbers(headings, style);
  return new Map(headings.map((h, i) => [h.id, `${numbers[i]} ${h.title}`]));
}

/**
 * Every heading by its id, named so that it can be found without the outline: where its number alone repeats in
 * every chapter (official （二）, 1.; any heading inside an annex, which numbers afresh) its chapter and parents lead
 * ("一、总则 （二）编制依据", "附件2 通讯录 （一）区级"); a decimal number is unique by itself ("1.2 编制依据").
 */
export function clausePaths(headings: (NumberedHeading & { id: string; title: string })[], style: NumberingStyle): Map<string, string> {
  const numbers = headingNumbers(headings, style);
  // The official numbers end in 、 or ）, or are 附件N: a space is wanted only after 附件N and 1. / (decimal) digits.
  const label = (i: number) => `${numbers[i]}${/[、）]$/.test(numbers[i]!) ? '' : ' '}${headings[i]!.title}`;
  const parents: string[] = [];
  let inAnnex = false;
  return new Map(
    headings.map((h, i) => {
      if (h.level === 1) inAnnex = h.kind === 'annex';
      parents.length = h.level - 1;
      const own = label(i);
      const path = style === 'official' || inAnnex ? [...parents.filter(Boolean), own].join(' ') : own;
      parents[h.level - 1] = own;
      return [h.id, path];
    }),
  );
}
