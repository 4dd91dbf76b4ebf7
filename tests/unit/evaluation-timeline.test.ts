// Timeline analysis from hand-built scripts and run logs: delays in drill time, response times, totals, odd logs.
import { describe, expect, it } from 'vitest';
import { analyseTimeline } from '../../electron/core/domain/evaluation/timeline';
import { ON_TIME_TOLERANCE_SEC } from '../../electron/shared/run-rules';
import type { Inject, InjectTime, RunEvent, RunEventType, Script } from '../../electron/shared/schemas/drill';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Local wall time on the drill day: the drill clock reads clock-time injects in local time. */
const at = (h: number, m: number, s = 0) => new Date(2025, 5, 1, h, m, s);
const DRILL_DATE = '2025-06-01';
const START_TIME = '09:00';

type Entry = [RunEventType, Date, (string | null)?, string?];
function log(...entries: Entry[]): RunEvent[] {
  return entries.map(([type, when, injectId, text], i) => ({
    id: `e${i + 1}`,
    drillId: 'd1',
    seq: i + 1,
    type,
    at: when.toISOString(),
    injectId: injectId ?? null,
    text: text ?? '',
    tags: [],
    actor: '',
    delaySec: null,
  }));
}

function inject(id: string, time: InjectTime): Inject {
  return { id, phaseId: 'p1', time, scene: `场景${id}`, info: '', sender: '导演组', receiver: '区应急管理局', method: '电话', expectedAction: '处置', clauseLinks: [], controller: '', narration: '' };
}
const rel = (min: number): InjectTime => ({ mode: 'relative', offsetSec: min * 60 });
const clock = (hhmm: string): InjectTime => ({ mode: 'clock', clock: hhmm });
const script = (...injects: Inject[]): Script => ({ phases: [{ id: 'p1', name: '处置' }], injects, roster: [] });

const analyse = (s: Script, events: RunEvent[]) => analyseTimeline(s, events, DRILL_DATE, START_TIME);
const timing = (a: ReturnType<typeof analyse>, id: string) => a.injects.find((t) => t.injectId === id)!;

describe('analyseTimeline', () => {
  it('reads a drill with no log at all as not started: everything pending, nothing measured', () => {
    const a = analyse(script(inject('a', rel(0)), inject('b', rel(10)), inject('c', clock('09:30'))), []);
    expect(a.injects).toEqual([
      { injectId: 'a', seq: 1, scene: '场景a', plannedMs: 0, actualMs: null, delayMs: null, status: 'pending', responseMs: null },
      { injectId: 'b', seq: 2, scene: '场景b', plannedMs: 10 * MIN, actualMs: null, delayMs: null, status: 'pending', responseMs: null },
      // A clock-time inject counts from the planned start before the clock runs.
      { injectId: 'c', seq: 3, scene: '场景c', plannedMs: 30 * MIN, actualMs: null, delayMs: null, status: 'pending', responseMs: null },
    ]);
    expect(a).toMatchObject({ adhoc: [], durationMs: 0, pausedMs: 0, delivered: 0, skipped: 0, late: 0, meanDelayMs: null, maxDelayMs: null, meanResponseMs: null, observations: 0, actions: 0 });
  });

  it('lists ad-hoc injects from a log that holds nothing else', () => {
    const events = log(['inject.adhoc', at(9, 5), null, '临时：某小区燃气泄漏'], ['inject.adhoc', at(9, 12), null, '临时：道路塌陷']);
    const a = analyse(script(inject('a', rel(5))), events);
    expect(a.adhoc).toEqual([
      { at: at(9, 5).toISOString(), drillMs: 0, text: '临时：某小区燃气泄漏' },
      { at: at(9, 12).toISOString(), drillMs: 0, text: '临时：道路塌陷' },
    ]);
    expect(timing(a, 'a').status).toBe('pending');
    expect(a).toMatchObject({ durationMs: 0, delivered: 0, meanDelayMs: null });
    expect(analyse(script(), events).adhoc).toHaveLength(2);
  });

  describe('a drill paused for three hours', () => {
    const s = script(inject('a', rel(10)), inject('c', rel(15)), inject('b', rel(30)), inject('d', rel(40)), inject('e', rel(50)));
    const events = log(
      ['clock.start', at(9, 0)],
      ['inject.delivered', at(9, 10), 'a'],
      ['action', at(9, 12), 'a', '区应急局值班室电话核实'],
      ['inject.delivered', at(9, 15), 'c'],
      ['clock.pause', at(9, 20)],
      ['clock.resume', at(12, 20)],
      ['action', at(12, 25), null, '启动Ⅳ级响应'],
      ['inject.late', at(12, 31), 'b'],
      ['inject.adhoc', at(12, 33), null, '临时：记者到场'],
      ['action', at(12, 35), 'b', '疏散周边群众'],
      ['inject.skipped', at(12, 36), 'd'],
      ['clock.end', at(12, 40)],
    );
    const a = analyse(s, events);

    it('measures delays in drill time, so the pause is not a delay', () => {
      expect(timing(a, 'a')).toMatchObject({ plannedMs: 10 * MIN, actualMs: 10 * MIN, delayMs: 0, status: 'delivered' });
      expect(timing(a, 'c')).toMatchObject({ actualMs: 15 * MIN, delayMs: 0, status: 'delivered' });
      expect(timing(a, 'b')).toMatchObject({ plannedMs: 30 * MIN, actualMs: 31 * MIN, delayMs: 1 * MIN, status: 'late' });
      expect(a.durationMs).toBe(40 * MIN);
      expect(a.pausedMs).toBe(3 * HOUR);
    });

    it('measures response times in drill time, across the pause too', () => {
      expect(timing(a, 'a').responseMs).toBe(2 * MIN);
      // Delivered at T+15, untagged action at 12:25 = T+25 (the three hours of pause left out).
      expect(timing(a, 'c').responseMs).toBe(10 * MIN);
      expect(timing(a, 'b').responseMs).toBe(4 * MIN);
      expect(a.meanResponseMs).toBe((2 * MIN + 10 * MIN + 4 * MIN) / 3);
    });

    it('reports skipped and never-delivered injects without times', () => {
      expect(timing(a, 'd')).toMatchObject({ status: 'skipped', actualMs: null, delayMs: null, responseMs: null });
      expect(timing(a, 'e')).toMatchObject({ status: 'pending', plannedMs: 50 * MIN, actualMs: null, delayMs: null, responseMs: null });
    });

    it('counts deliveries (late ones included), skips, late marks, observations and actions', () => {
      // The mean delay is over the one late inject: the two on time do not water it down.
      expect(a).toMatchObject({ delivered: 3, skipped: 1, early: 0, late: 1, meanDelayMs: MIN, maxDelayMs: MIN, observations: 0, actions: 3 });
      expect(a.adhoc).toEqual([{ at: at(12, 33).toISOString(), drillMs: 33 * MIN, text: '临时：记者到场' }]);
    });

    it('reads the log in seq order whatever order the array is in', () => {
      expect(analyse(s, [...events].reverse())).toEqual(a);
    });
  });

  it('does not count a pause as delay for a clock-time inject either', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(11, 30)], ['inject.delivered', at(11, 31), 'x'], ['clock.end', at(11, 40)]);
    // 10:00 on the wall fell inside the pause: the clock stood at T+30 then.
    expect(timing(analyse(script(inject('x', clock('10:00'))), events), 'x')).toMatchObject({ plannedMs: 30 * MIN, actualMs: 31 * MIN, delayMs: MIN });
  });

  it('calls an inject delivered well before it was due 提前, with a negative delay it does not average into the delays', () => {
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 5), 'early'], ['inject.delivered', at(9, 12), 'later'], ['clock.end', at(9, 30)]);
    const a = analyse(script(inject('early', rel(20)), inject('later', rel(10))), events);
    expect(timing(a, 'early')).toMatchObject({ status: 'early', delayMs: -15 * MIN });
    expect(timing(a, 'later')).toMatchObject({ status: 'late', delayMs: 2 * MIN });
    expect(a).toMatchObject({ delivered: 2, early: 1, late: 1, meanDelayMs: 2 * MIN, maxDelayMs: 2 * MIN });
  });

  it('has no mean delay when nothing was late, however early some went out', () => {
    // The tester's run: one inject 1 h 12 min early read "平均延迟 提前36分59秒".
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 8), 'a'], ['inject.delivered', at(9, 20, 2), 'b'], ['clock.end', at(10, 30)]);
    const a = analyse(script(inject('a', rel(80)), inject('b', rel(20))), events);
    expect(a.injects.map((t) => t.status)).toEqual(['early', 'delivered']);
    expect(a).toMatchObject({ delivered: 2, early: 1, late: 0, meanDelayMs: null, maxDelayMs: null });
  });

  it('reads an unfinished drill up to its last entry', () => {
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 10), 'a'], ['observation', at(9, 25), 'a', '通知用时较长']);
    const a = analyse(script(inject('a', rel(10)), inject('b', rel(60))), events);
    expect(a.durationMs).toBe(25 * MIN);
    expect(a.pausedMs).toBe(0);
    expect(timing(a, 'b').status).toBe('pending');
    expect(a.observations).toBe(1);
    expect(timing(a, 'a').responseMs).toBeNull();
  });

  it('reads a drill left paused as stopped at the pause', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 20)], ['observation', at(15, 0), null, '因天气暂停']);
    expect(analyse(script(), events)).toMatchObject({ durationMs: 20 * MIN, pausedMs: 5 * HOUR + 40 * MIN });
  });

  it('ignores an action logged against an inject before that inject went out', () => {
    // The console tags an action with the inject due next; before its delivery it answers something else.
    const events = log(
      ['clock.start', at(9, 0)],
      ['inject.delivered', at(9, 5), 'a'],
      ['action', at(9, 6), 'b'],
      ['inject.delivered', at(9, 10), 'b'],
      ['action', at(9, 13), 'b'],
      ['clock.end', at(9, 20)],
    );
    const a = analyse(script(inject('a', rel(5)), inject('b', rel(10))), events);
    expect(timing(a, 'b').responseMs).toBe(3 * MIN);
    expect(timing(a, 'a').responseMs).toBeNull();
  });

  it('takes an untagged action only up to the next delivery, ad-hoc injects included', () => {
    const events = log(
      ['clock.start', at(9, 0)],
      ['inject.delivered', at(9, 5), 'a'],
      ['inject.adhoc', at(9, 6), null, '临时：群众围观'],
      ['action', at(9, 7)],
      ['inject.delivered', at(9, 10), 'b'],
      ['action', at(9, 11)],
      ['action', at(9, 12), 'a'],
      ['clock.end', at(9, 20)],
    );
    const a = analyse(script(inject('a', rel(5)), inject('b', rel(10))), events);
    // a: the untagged 09:07 action followed the ad-hoc inject; the tagged one at 09:12 still answers a.
    expect(timing(a, 'a').responseMs).toBe(7 * MIN);
    expect(timing(a, 'b').responseMs).toBe(1 * MIN);
  });

  it('prefers an action tagged with the inject to an earlier untagged one', () => {
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 5), 'a'], ['action', at(9, 6)], ['action', at(9, 9), 'a'], ['clock.end', at(9, 20)]);
    expect(timing(analyse(script(inject('a', rel(5))), events), 'a').responseMs).toBe(4 * MIN);
  });

  it('follows the last mark of an inject: delivered then skipped is skipped, with no response', () => {
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 5), 'a'], ['action', at(9, 6), 'a'], ['inject.skipped', at(9, 7), 'a'], ['clock.end', at(9, 20)]);
    const a = analyse(script(inject('a', rel(5))), events);
    expect(timing(a, 'a')).toMatchObject({ status: 'skipped', actualMs: null, delayMs: null, responseMs: null });
    expect(a).toMatchObject({ delivered: 0, skipped: 1 });
  });

  it('reports the delay the coordinator recorded for a late inject, the clock delay for the rest', () => {
    const events = log(['clock.start', at(9, 0)], ['inject.late', at(9, 9), 'a', '接收方未到位'], ['inject.delivered', at(9, 12), 'b'], ['clock.end', at(9, 20)]);
    // Pressed at T+9:00 for an inject planned at T+5:00; the controller rounded the delay up to 4½ minutes.
    events[1]!.delaySec = 4.5 * 60;
    const a = analyse(script(inject('a', rel(5)), inject('b', rel(10))), events);
    expect(timing(a, 'a')).toMatchObject({ status: 'late', actualMs: 9 * MIN, delayMs: 4.5 * MIN });
    // Pressed D two minutes after its time: late all the same.
    expect(timing(a, 'b')).toMatchObject({ status: 'late', delayMs: 2 * MIN });
    expect(a).toMatchObject({ delivered: 2, late: 2, meanDelayMs: 3.25 * MIN, maxDelayMs: 4.5 * MIN });
  });

  it('counts a D delivery as on time up to ON_TIME_TOLERANCE_SEC after its planned time, and late (with its delay) past it', () => {
    expect(ON_TIME_TOLERANCE_SEC).toBe(30);
    const events = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 5, 30), 'a'], ['inject.delivered', at(9, 10, 40), 'b'], ['inject.delivered', at(9, 14), 'c'], ['inject.delivered', at(9, 19), 'd'], ['clock.end', at(9, 20)]);
    const a = analyse(script(inject('a', rel(5)), inject('b', rel(10)), inject('c', rel(15)), inject('d', rel(19.5))), events);
    expect(timing(a, 'a')).toMatchObject({ status: 'delivered', delayMs: 30_000 });
    expect(timing(a, 'b')).toMatchObject({ status: 'late', delayMs: 40_000 });
    // Early is not late, nor 按时 past the same margin the other way.
    expect(timing(a, 'c')).toMatchObject({ status: 'early', delayMs: -MIN });
    expect(timing(a, 'd')).toMatchObject({ status: 'delivered', delayMs: -30_000 });
    expect(a).toMatchObject({ delivered: 4, early: 1, late: 1 });
  });

  it('reads the delay off the clock when the recorded one contradicts it (an entry logged before run.log checked it)', () => {
    // The tester's log: planned T+18:00, delivered at T+1:03, recorded "5 minutes late".
    const events = log(['clock.start', at(9, 0)], ['inject.late', at(9, 1, 3), 'a'], ['clock.end', at(9, 20)]);
    events[1]!.delaySec = 5 * 60;
    const a = analyse(script(inject('a', rel(18))), events);
    expect(timing(a, 'a')).toMatchObject({ status: 'early', plannedMs: 18 * MIN, actualMs: 63_000, delayMs: 63_000 - 18 * MIN });
  });
});
