// The status step bar of 版本与状态: a stage the plan went past without passing through is skipped, not done.
import { describe, expect, it } from 'vitest';
import type { PlanStatus } from '../../electron/shared/schemas/plan';
import { skippedStages } from '../../renderer/src/features/plans/status-steps';

const moves = (...path: PlanStatus[]) => path.slice(1).map((to, i) => ({ from: path[i]!, to }));

describe('skippedStages', () => {
  it('calls 征求意见 and 送审 skipped for a plan published straight from 草稿', () => {
    expect([...skippedStages('published', moves('draft', 'published'))]).toEqual(['consultation', 'review']);
  });

  it('skips nothing along the whole flow, and only 征求意见 when the draft went straight to 送审', () => {
    expect([...skippedStages('published', moves('draft', 'consultation', 'review', 'published'))]).toEqual([]);
    expect([...skippedStages('review', moves('draft', 'review'))]).toEqual(['consultation']);
    expect([...skippedStages('abolished', moves('draft', 'review', 'published', 'abolished'))]).toEqual(['consultation']);
  });

  it('counts from the last return to 草稿: a 修订稿 published directly skipped the stages its first version passed', () => {
    const history = moves('draft', 'consultation', 'review', 'published', 'draft', 'published');
    expect([...skippedStages('published', history)]).toEqual(['consultation', 'review']);
    expect([...skippedStages('draft', history.slice(0, 4))]).toEqual([]);
  });

  it('calls nothing skipped without the history that brought the plan to its status', () => {
    expect([...skippedStages('published', [])]).toEqual([]);
  });
});
