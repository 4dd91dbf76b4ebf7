// What the presenter (演示屏) puts before the room from the run log: the injects as they went out,
// scripted and ad hoc (临时注入), in the order and at the drill time they went out.
//
// Observations are left out, not even counted. They are the evaluators' working notes on the players'
// performance (domain.md §3.7: observe and record key actions and times during the drill), judged and
// made public afterwards by the evaluation lead's 现场点评 and the written 评估报告; on the wall they would
// tell the players under evaluation what is being marked against them, and a count would only invite
// the room to read something into it. What observers are owed is the scenario, phases and times (the
// 观摩手册's content), which the injects are. Player actions and skipped injects stay off for the same
// reason: the screen tells the scenario, the console keeps the record. A late inject's reason is the
// coordinators' note too: the room sees the inject, not why it was late.
import { drillTimeReader } from '@shared/drill-clock';
import { DELIVERY_TYPES } from '@shared/run-rules';
import type { RunEvent } from '@shared/schemas/drill';

export type FlowItem =
  | { seq: number; drillMs: number; kind: 'scripted'; injectId: string }
  | { seq: number; drillMs: number; kind: 'adhoc'; text: string };

/** The last `count` injects that went out, oldest first. */
export function presenterFlow(events: readonly RunEvent[], count: number): FlowItem[] {
  const out: RunEvent[] = [];
  for (let k = events.length - 1; k >= 0 && out.length < count; k--) {
    const e = events[k]!;
    if (!DELIVERY_TYPES.has(e.type)) continue;
    if (e.type === 'inject.adhoc' || e.injectId !== null) out.push(e);
  }
  if (!out.length) return [];
  const drillMsAt = drillTimeReader(events);
  return out.reverse().map((e) => {
    const at = { seq: e.seq, drillMs: drillMsAt(e) };
    return e.type === 'inject.adhoc' ? { ...at, kind: 'adhoc', text: e.text } : { ...at, kind: 'scripted', injectId: e.injectId! };
  });
}
