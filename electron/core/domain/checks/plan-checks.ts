// Plan checks: every rule run over one plan, findings in document order. Shared by the checks panel and Word export.
import { clausePaths } from '../../../shared/numbering';
import type { CheckFinding, CheckSeverity, PlanCheckInput } from '../../../shared/schemas/checks';
import { locateChapters } from './chapters';
import { checkCitations } from './citations';
import { checkContactTables } from './contact-tables';
import { checkEvaluation } from './evaluation';
import { checkRequiredSections } from './required-sections';
import { checkResponseLevels } from './response-levels';
import { checkUnfilledPlaceholders } from './unfilled-placeholders';
import { checkUpstream } from './upstream';

const SEVERITY_RANK: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

export function checkPlan(input: PlanCheckInput): CheckFinding[] {
  const { sections } = input.doc;
  const chapters = locateChapters(sections);
  const findings = [
    ...checkRequiredSections(sections, chapters),
    ...checkResponseLevels(sections, chapters),
    ...checkUnfilledPlaceholders(sections),
    ...checkContactTables(sections),
    ...checkCitations(sections),
    ...checkEvaluation(input.today, input.nextReviewDate),
    ...checkUpstream(input.upstream),
  ];
  // Findings about the whole plan or about something missing have nowhere to jump to; they lead the list.
  const position = new Map(sections.map((s, i) => [s.id, i]));
  const at = (f: CheckFinding) => (f.sectionId === undefined ? -1 : (position.get(f.sectionId) ?? -1));
  // Array sort is stable: ties keep the rule order above.
  return findings.sort((a, b) => at(a) - at(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/**
 * The findings with each located one saying where, as the plan numbers it, its chapter first where the number alone
 * repeats (一、总则 （二）编制依据): one message met in several sections names each.
 */
export function locateFindings(findings: CheckFinding[], doc: PlanCheckInput['doc']): CheckFinding[] {
  const labels = clausePaths(doc.sections, doc.numbering);
  return findings.map((f) => (f.sectionId && labels.has(f.sectionId) ? { ...f, where: labels.get(f.sectionId)! } : f));
}
