// Reading plan prose for script generation: sentences and list items, shortening, the unit a clause names.

/** Lines of plain text, trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A line that only introduces what follows: “符合下列条件之一的，启动Ⅳ级响应：”. */
export const isIntro = (line: string) => /[：:]$/.test(line);

/** Sentences of a line, end punctuation kept (；stays inside: it joins parts of one measure). */
export function sentences(line: string): string[] {
  return line.match(/[^。！？]+[。！？]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** At most `max` characters; a cut ends with “…”. */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** The statements of a text: each list item or paragraph sentence, introductions left out. */
export function statements(text: string): string[] {
  return lines(text)
    .filter((l) => !isIntro(l))
    .flatMap(sentences);
}

/** The first `count` statements, each shortened, one per line. */
export function leadStatements(text: string, count: number, maxEach = 150): string {
  return statements(text)
    .slice(0, count)
    .map((s) => shorten(s, maxEach))
    .join('\n');
}

/** Whole statements while they fit in `max` characters; the first one shortened when even it does not. */
export function summary(text: string, max: number): string {
  const all = statements(text);
  let out = '';
  for (const s of all) {
    if ([...out].length + [...s].length > max) break;
    out += s;
  }
  return out || shorten(all[0] ?? '', max);
}

// A unit name: ends in an organisational word and holds no preposition (“扑救火灾以…队伍” is no name).
const UNIT_NAME = '[^，,。；;：:、\\s以对将把向为从在]{1,30}?(?:人民政府|政府|办公室|指挥部|委员会|局|委|办|大队|支队|中心|（乡镇）|街道|乡镇|单位|部门|公司|队伍|组)';
// What follows the subject of a sentence in plan prose.
const AFTER = '(?=应当|应|立即|负责|组织|会同|牵头|进入|按照|接到|接报|根据|提出|决定|派出|调派|做好|加强|及时|要|会商|发布|启动|宣布|统一|迅速|第一时间|在|和|、|及|与|，)';
const SUBJECT = new RegExp(`^(?:[^，。；]{0,20}?由)?(${UNIT_NAME})${AFTER}`);
// Not a unit: anyone at all, or a clause that opens with a verb (“责令有关生产经营单位立即…”).
const NOT_A_UNIT = /^(?:任何|其他|有关|相关|各有关|责令|组织|通知|督促|指导|协调|调派|调集|加强|做好|落实|请求|要求|开展|配合|服从|全力|动员|成立|设立)/;

/**
 * The unit a text puts first in charge, when that is plain: the subject at the start of a line's first
 * sentence, or right after a leading “…后，” / “…时，” / “…的，” clause. Null when no line says it plainly.
 */
export function leadUnit(text: string): string | null {
  for (const line of lines(text)) {
    const clauses = (sentences(line)[0] ?? '').split('，');
    for (let i = 0; i < clauses.length; i++) {
      if (i > 0 && !/[后时的]$/.test(clauses[i - 1]!)) break;
      const unit = SUBJECT.exec(clauses.slice(i).join('，'))?.[1];
      if (unit && !NOT_A_UNIT.test(unit)) return unit;
    }
  }
  return null;
}

// A part label at the start of a line, after an optional number: “1. 启动条件：”, “（三）响应措施”.
const labelAt = (words: string) => new RegExp(`^(?:[（(]?[一二三四五六七八九十\\d]+[）)、.．]\\s*)?(?:${words})[\\s:：，,。]*`);

/**
 * The text under a label written as a paragraph rather than a heading (Word imports do this): the rest
 * of the labelled line and the lines after it, up to the next label of `allWords`. Empty when absent.
 */
export function labelledText(text: string, words: string, allWords: string): string {
  const all = lines(text);
  const at = all.findIndex((l) => labelAt(words).test(l));
  if (at < 0) return '';
  const out = [all[at]!.replace(labelAt(words), '')];
  for (const l of all.slice(at + 1)) {
    if (labelAt(allWords).test(l)) break;
    out.push(l);
  }
  return out.filter(Boolean).join('\n');
}
