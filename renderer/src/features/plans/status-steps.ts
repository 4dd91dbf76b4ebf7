// The status step bar of 版本与状态: which stages of the flow a plan passed through, read from its status history.
import type { PlanStatus } from '@shared/schemas/plan';
import type { StatusEvent } from '@shared/schemas/revision';

/** The flow the bar shows, in order; 已废止 follows 已发布. */
export const FLOW: PlanStatus[] = ['draft', 'consultation', 'review', 'published'];

/**
 * The stages before the plan's current one that its current draft never went through: a plan published straight
 * from 草稿 skipped 征求意见 and 送审. Counted from the last return to 草稿 (a 修订稿 starts the flow again).
 * Without any history reaching the current status (a plan from before the history was kept) nothing is called skipped.
 */
export function skippedStages(status: PlanStatus, events: readonly Pick<StatusEvent, 'from' | 'to'>[]): Set<PlanStatus> {
  const lastDraft = events.findLastIndex((e) => e.to === 'draft');
  const cycle = events.slice(lastDraft + 1);
  if (status === 'draft' || !cycle.some((e) => e.to === status)) return new Set();
  const reached = new Set<PlanStatus>(['draft', ...cycle.map((e) => e.to)]);
  const upTo = status === 'abolished' ? FLOW.length : FLOW.indexOf(status);
  return new Set(FLOW.slice(0, upTo).filter((s) => !reached.has(s)));
}
