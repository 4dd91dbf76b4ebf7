// Rule: 应对法 第71条 requires response levels; each of Ⅳ…Ⅰ needs a start condition and measures.
import { blocksText, type PlanSection } from '../../../shared/doc-model';
import type { CheckFinding } from '../../../shared/schemas/checks';
import type { ChapterHit } from './chapters';
import { clauseOf, hasText, plainTitle, subtree, subtreeEnd } from './outline';

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const LATIN = ['I', 'II', 'III', 'IV'];
const CHINESE = ['一', '二', '三', '四'];

/** Low to high, the order plans write them in. */
const LEVELS = [4, 3, 2, 1].map((n) => ({
  n,
  label: `${ROMAN[n - 1]}级`,
  // All three notations appear (domain.md §6); “IV级” must not count as “V级”, nor “十一级” as “一级”.
  token: new RegExp(`(?:${ROMAN[n - 1]}|(?<![A-Z])${LATIN[n - 1]}(?![A-Z])|(?<![一二三四五六七八九十])${CHINESE[n - 1]})级`, 'i'),
}));

const PARTS = [
  { suffix: 'trigger', name: '启动条件', words: '启动条件|启动标准|响应条件|启动情形', hint: '启动该级响应的具体条件' },
  { suffix: 'measures', name: '响应措施', words: '响应措施|处置措施|应对措施|应急措施|响应行动', hint: '该级响应启动后各单位采取的具体措施' },
] as const;
type Part = (typeof PARTS)[number];

// A label at the start of a paragraph, after an optional number: “1. 启动条件：”, “（三）响应措施”.
const atStart = (words: string) => new RegExp(`^(?:[（(]?[一二三四五六七八九十\\d]+[）)、.．]\\s*)?(?:${words})`);
const ANY_LABEL = atStart(`${PARTS.map((p) => p.words).join('|')}|启动程序|响应程序`);

function findLevel(sections: readonly PlanSection[], token: RegExp, n: number, response: ChapterHit | null | undefined): number {
  const byLineage = sections.findIndex((s) => clauseOf(s) === `response.level-${n}`);
  if (byLineage >= 0) return byLineage;
  const inResponse = (i: number) => !!response && i > response.index && i < subtreeEnd(sections, response.index);
  return sections.findIndex((s, i) => {
    const t = plainTitle(s.title);
    // 预警 levels use the same numerals (四级预警); a bare “Ⅳ级” heading counts only inside 应急响应.
    return s.kind === 'body' && s.level > 1 && token.test(t) && !t.includes('预警') && (t.includes('响应') || inResponse(i));
  });
}

type PartState = { state: 'ok' } | { state: 'missing' } | { state: 'empty'; sectionId: string };

function partState(sections: readonly PlanSection[], levelIndex: number, part: Part): PartState {
  const inside = subtree(sections, levelIndex);
  const heading = inside.slice(1).find((s) => clauseOf(s)?.endsWith(`.${part.suffix}`) || new RegExp(part.words).test(plainTitle(s.title)));
  if (heading) return hasText(subtree(sections, sections.indexOf(heading))) ? { state: 'ok' } : { state: 'empty', sectionId: heading.id };
  // Word imports often write “1. 启动条件：…” as a paragraph rather than a heading.
  const lines = inside.flatMap((s) => blocksText(s.body).split('\n').map((line) => ({ line: line.trim(), sectionId: s.id }))).filter((l) => l.line);
  const label = atStart(part.words);
  const at = lines.findIndex((l) => label.test(l.line));
  if (at < 0) return { state: 'missing' };
  const rest = lines[at]!.line.replace(label, '').replace(/^[\s:：，,。；;]+/, '');
  const next = lines[at + 1];
  if (rest || (next && !ANY_LABEL.test(next.line))) return { state: 'ok' };
  return { state: 'empty', sectionId: lines[at]!.sectionId };
}

export function checkResponseLevels(sections: readonly PlanSection[], chapters: Map<string, ChapterHit | null>): CheckFinding[] {
  const response = chapters.get('response');
  // An empty 应急响应 chapter is already reported; eight more findings under it would only repeat that.
  if (response && !hasText(subtree(sections, response.index))) return [];
  const found = LEVELS.map((l) => ({ ...l, index: findLevel(sections, l.token, l.n, response) }));
  const findings: CheckFinding[] = [];

  if (found.every((l) => l.index < 0)) {
    // So is a missing chapter, when no level heading turns up elsewhere either.
    if (!response) return [];
    return [
      {
        code: 'response-level-missing',
        severity: 'error',
        message: '应急响应未设分级响应，请按Ⅳ级至Ⅰ级分别写明各级响应的启动条件、启动程序和响应措施。',
        sectionId: sections[response.index]!.id,
        detail: LEVELS.map((l) => l.label).join('、'),
      },
    ];
  }

  for (const level of found) {
    if (level.index < 0) {
      findings.push({
        code: 'response-level-missing',
        severity: 'error',
        message: `应急响应中没有${level.label}响应，请补充该级响应的启动条件、启动程序和响应措施。`,
        ...(response ? { sectionId: sections[response.index]!.id } : {}),
        detail: level.label,
      });
      continue;
    }
    const section = sections[level.index]!;
    for (const part of PARTS) {
      const s = partState(sections, level.index, part);
      if (s.state === 'ok') continue;
      findings.push({
        code: 'response-level-incomplete',
        severity: 'error',
        message: s.state === 'missing' ? `${level.label}响应缺少${part.name}，请补充${part.hint}。` : `${level.label}响应的${part.name}为空，请补充${part.hint}。`,
        sectionId: s.state === 'missing' ? section.id : s.sectionId,
        detail: `${level.label}·${part.name}`,
      });
    }
  }
  return findings;
}
