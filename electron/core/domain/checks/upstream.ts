// Rule: a revised 上位预案 is revision trigger 1 (domain.md §1.3, §6): flag the plan as 待修订.
import type { CheckFinding, PlanCheckInput } from '../../../shared/schemas/checks';

export function checkUpstream(upstream: PlanCheckInput['upstream']): CheckFinding[] {
  if (!upstream || upstream.newestRevision === upstream.currentRevision) return [];
  const { templateTitle, currentRevision, newestRevision } = upstream;
  return [
    {
      code: 'upstream-revised',
      severity: 'warning',
      message: `上位预案已修订，待修订：《${templateTitle}》已有${newestRevision}版（本预案依据${currentRevision}版），请对照新版修订本预案。`,
      detail: `${currentRevision} → ${newestRevision}`,
    },
  ];
}
