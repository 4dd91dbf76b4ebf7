// Rule: the 编制依据 and body cite laws, plans and agencies that have since been replaced. Add rows to CITATION_RULES.
import { blocksText, type PlanSection } from '../../../shared/doc-model';
import type { CheckFinding, CheckSeverity } from '../../../shared/schemas/checks';

export interface CitationRule {
  /** What the plan cites or names, as the message shows it. */
  cited: string;
  /** What replaced it. */
  supersededBy: string;
  /** Finds the citation in a line. Must be global. The text from a match to the next 《 is its “segment”. */
  find: RegExp;
  /** The segment shows the old version (a year, a document number). Absent: any mention is outdated. */
  outdated?: RegExp;
  /** The segment also names the current version, so the citation is already up to date. */
  current?: RegExp;
  severity: CheckSeverity;
  message: string;
}

export const CITATION_RULES: readonly CitationRule[] = [
  {
    cited: '《中华人民共和国突发事件应对法》（2007年）',
    supersededBy: '《中华人民共和国突发事件应对法》（2024年6月28日修订）',
    find: /《(?:中华人民共和国)?突发事件应对法》/g,
    outdated: /2007/,
    current: /2024/,
    severity: 'warning',
    message: '引用的《中华人民共和国突发事件应对法》是2007年版本。该法已于2024年6月28日修订、2024年11月1日起施行，请改为引用修订后的版本并核对相关条款。',
  },
  {
    cited: '《国家突发事件总体应急预案》（2006年）',
    supersededBy: '《国家突发事件总体应急预案》（2025年）',
    find: /《国家突发事件总体应急预案》/g,
    outdated: /2006|2005|国发〔2005〕11号/,
    current: /2025/,
    severity: 'warning',
    message: '引用的《国家突发事件总体应急预案》是2006年版本，已被中共中央、国务院2025年2月印发的新版总体应急预案取代，请改为引用2025年版。',
  },
  {
    cited: '《突发事件应急预案管理办法》（国办发〔2013〕101号）',
    supersededBy: '《突发事件应急预案管理办法》（国办发〔2024〕5号）',
    find: /《突发事件应急预案管理办法》|国办发[〔［[（(]2013[〕］\]）)]101号/g,
    outdated: /2013|101号/,
    current: /2024/,
    severity: 'warning',
    message: '引用的《突发事件应急预案管理办法》（国办发〔2013〕101号）已被国办发〔2024〕5号取代，请改为引用新办法，并按新办法核对备案、演练、评估和修订等要求。',
  },
  {
    cited: '《国家森林火灾应急预案》',
    supersededBy: '《国家森林草原火灾应急预案》（国办函〔2020〕99号）',
    find: /《国家森林火灾应急预案》/g,
    severity: 'warning',
    message: '《国家森林火灾应急预案》已被2020年印发的《国家森林草原火灾应急预案》（国办函〔2020〕99号）取代，请改为引用新预案。',
  },
  {
    cited: '安全生产监督管理局',
    supersededBy: '应急管理局',
    find: /安全生产监督管理局|安全监管局|安监局/g,
    severity: 'info',
    message: '“安全生产监督管理局”的职责已在2018年机构改革中划入应急管理部门，请改为“应急管理局”并核对其职责。',
  },
  {
    cited: '国土资源局',
    supersededBy: '自然资源局',
    find: /国土资源[局厅部]/g,
    severity: 'info',
    message: '“国土资源局”已在2018年机构改革中改组为自然资源部门，请改为“自然资源局”并核对其职责。',
  },
];

/** The first line of `text` where the rule hits, or null. */
function firstHit(rule: CitationRule, text: string): string | null {
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(rule.find)) {
      const start = m.index ?? 0;
      const next = line.indexOf('《', start + 1);
      const segment = line.slice(start, next < 0 ? undefined : next);
      if ((!rule.outdated || rule.outdated.test(segment)) && !rule.current?.test(segment)) return line.trim();
    }
  }
  return null;
}

const excerpt = (line: string) => (line.length > 80 ? `${line.slice(0, 80)}…` : line);

/** One finding per rule per section, quoting the first line that hits. */
export function checkCitations(sections: readonly PlanSection[], rules: readonly CitationRule[] = CITATION_RULES): CheckFinding[] {
  return sections.flatMap((s) => {
    const text = blocksText(s.body);
    return rules.flatMap((rule): CheckFinding[] => {
      const line = firstHit(rule, text);
      return line === null ? [] : [{ code: 'superseded-citation', severity: rule.severity, message: rule.message, sectionId: s.id, detail: `${excerpt(line)}（现行：${rule.supersededBy}）` }];
    });
  });
}
