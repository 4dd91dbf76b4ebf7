// The presenter's flow: injects as they went out, scripted and ad hoc, at their drill time; nothing of the evaluators' notes.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../electron/shared/schemas/drill';
import { presenterFlow } from '../../renderer/src/features/scripts/presenter-flow';

let seq = 0;
const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 1, min)).toISOString();
const event = (min: number, type: RunEvent['type'], injectId: string | null = null, text = ''): RunEvent => ({ id: `e${++seq}`, drillId: 'd1', seq, type, at: at(min), injectId, text, tags: [], actor: '', delaySec: null });

describe('the presenter flow', () => {
  seq = 0;
  const log = [
    event(0, 'clock.start'),
    event(2, 'inject.delivered', 'i1'),
    event(3, 'observation', 'i1', '指挥部5分钟内未完成首报'),
    event(4, 'action', 'i1', '区应急管理局启动Ⅳ级响应'),
    event(5, 'clock.pause'),
    // Ten minutes paused: drill time stands still.
    event(15, 'clock.resume'),
    event(16, 'inject.adhoc', null, '护林员报告东侧发现第二火点'),
    event(17, 'inject.skipped', 'i2'),
    event(19, 'inject.late', 'i3', '接收方未到位'),
  ];

  it('lists what went out, ad-hoc injects among the scripted ones at their drill time, pauses left out', () => {
    expect(presenterFlow(log, 10)).toEqual([
      { seq: 2, drillMs: 2 * 60_000, kind: 'scripted', injectId: 'i1' },
      { seq: 7, drillMs: 6 * 60_000, kind: 'adhoc', text: '护林员报告东侧发现第二火点' },
      { seq: 9, drillMs: 9 * 60_000, kind: 'scripted', injectId: 'i3' },
    ]);
  });

  it('shows nothing of observations, actions, skips or a late inject’s reason', () => {
    const shown = JSON.stringify(presenterFlow(log, 10));
    for (const hidden of ['指挥部5分钟内未完成首报', '区应急管理局启动Ⅳ级响应', 'i2', '接收方未到位']) expect(shown).not.toContain(hidden);
  });

  it('keeps the latest few, oldest first', () => {
    expect(presenterFlow(log, 2).map((f) => f.seq)).toEqual([7, 9]);
    expect(presenterFlow(log.slice(0, 6), 5)).toEqual([{ seq: 2, drillMs: 2 * 60_000, kind: 'scripted', injectId: 'i1' }]);
    expect(presenterFlow([], 5)).toEqual([]);
  });
});
