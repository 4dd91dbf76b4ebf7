// Rule: every required chapter is present and has text somewhere under it.
import type { PlanSection } from '../../../shared/doc-model';
import type { CheckFinding } from '../../../shared/schemas/checks';
import { REQUIRED_CHAPTERS, type ChapterHit } from './chapters';
import { hasText, plainTitle, subtree } from './outline';

const quoteList = (names: string[]) => names.map((n) => `“${n}”`).join('或');

export function checkRequiredSections(sections: readonly PlanSection[], chapters: Map<string, ChapterHit | null>): CheckFinding[] {
  const findings: CheckFinding[] = [];
  // One heading can satisfy two specs (e.g. “监测预警与信息报告”); say it is empty only once.
  const reportedEmpty = new Set<number>();
  for (const spec of REQUIRED_CHAPTERS) {
    const hit = chapters.get(spec.clauseId);
    if (!hit) {
      const hosts = (spec.hostedIn?.chapters ?? []).map((id) => REQUIRED_CHAPTERS.find((c) => c.clauseId === id)?.name ?? id);
      findings.push({
        code: 'missing-section',
        severity: 'error',
        message: hosts.length
          ? `预案缺少“${spec.name}”内容，请单设一章或在${quoteList(hosts)}中补充${spec.needs}。`
          : `预案缺少“${spec.name}”一章，请补充${spec.needs}。`,
        detail: spec.name,
      });
      continue;
    }
    if (reportedEmpty.has(hit.index) || hasText(subtree(sections, hit.index))) continue;
    reportedEmpty.add(hit.index);
    const section = sections[hit.index]!;
    findings.push({
      code: 'empty-section',
      severity: 'error',
      message: `“${plainTitle(section.title) || spec.name}”${hit.hosted ? '一节' : '一章'}为空，请补充${spec.needs}。`,
      sectionId: section.id,
      detail: spec.name,
    });
  }
  return findings;
}
