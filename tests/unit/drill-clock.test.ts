// The drill clock as a pure function of the run log and an injected `now`: pauses, ends, nonsense, properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockState, duration, formatOffset, injectStates, localWallTime, nextInjects, parseOffset, wallTimeAt } from '../../electron/shared/drill-clock';
import type { Inject, InjectTime, RunEvent, RunEventType, Script } from '../../electron/shared/schemas/drill';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Local wall time on the drill day (tests run in any time zone: the clock reads local time). */
const at = (h: number, m: number, s = 0, day = 1) => new Date(2025, 5, day, h, m, s);
const DRILL_DATE = '2025-06-01';
const START_TIME = '09:00';

function log(...entries: [RunEventType, Date, string?][]): RunEvent[] {
  return entries.map(([type, when, injectId], i) => ({
    id: `e${i + 1}`,
    drillId: 'd1',
    seq: i + 1,
    type,
    at: when.toISOString(),
    injectId: injectId ?? null,
    text: '',
    tags: [],
    actor: '',
    delaySec: null,
  }));
}

function inject(id: string, time: InjectTime): Inject {
  return { id, phaseId: 'p1', time, scene: '', info: '', sender: '导演组', receiver: '区应急管理局', method: '电话', expectedAction: '处置', clauseLinks: [], controller: '', narration: '' };
}
const rel = (offsetSec: number): InjectTime => ({ mode: 'relative', offsetSec });
const clock = (hhmm: string): InjectTime => ({ mode: 'clock', clock: hhmm });
const script = (...injects: Inject[]): Script => ({ phases: [{ id: 'p1', name: '处置' }], injects, roster: [] });

const states = (s: Script, events: RunEvent[], now: Date) => injectStates(s, events, now, DRILL_DATE, START_TIME);
const stateOf = (s: Script, events: RunEvent[], now: Date, id: string) => states(s, events, now).find((x) => x.injectId === id)!;

describe('clockState', () => {
  it('has not started with an empty log', () => {
    expect(clockState([], at(9, 0))).toEqual({ status: 'not-started', elapsedMs: 0, startedAt: null, pausedMs: 0 });
  });

  it('runs from the start event and reads now only while running', () => {
    const events = log(['clock.start', at(9, 0)]);
    expect(clockState(events, at(9, 12, 30))).toEqual({ status: 'running', elapsedMs: 12 * MIN + 30_000, startedAt: at(9, 0).toISOString(), pausedMs: 0 });
  });

  it('leaves pauses out of drill time', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(11, 30)]);
    const s = clockState(events, at(12, 0));
    expect(s).toMatchObject({ status: 'running', elapsedMs: 60 * MIN, pausedMs: 2 * HOUR });
  });

  it('holds still through a pause of many hours, then carries on from where it stopped', () => {
    const paused = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 20)]);
    for (const now of [at(9, 20), at(13, 0), at(17, 20), at(8, 0, 0, 2)]) {
      expect(clockState(paused, now)).toMatchObject({ status: 'paused', elapsedMs: 20 * MIN });
    }
    expect(clockState(paused, at(17, 20)).pausedMs).toBe(8 * HOUR);
    const resumed = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 20)], ['clock.resume', at(17, 20)]);
    expect(clockState(resumed, at(17, 25))).toMatchObject({ status: 'running', elapsedMs: 25 * MIN, pausedMs: 8 * HOUR });
  });

  it('freezes at the end event, whatever now says later', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)], ['clock.end', at(11, 0)]);
    const atEnd = clockState(events, at(11, 0));
    expect(atEnd).toMatchObject({ status: 'ended', elapsedMs: 90 * MIN, pausedMs: 30 * MIN });
    expect(clockState(events, at(15, 0))).toEqual(atEnd);
    expect(clockState(events, at(9, 0, 0, 20))).toEqual(atEnd);
  });

  it('ended during a pause keeps the time at the pause', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 40)], ['clock.end', at(10, 0)]);
    expect(clockState(events, at(12, 0))).toMatchObject({ status: 'ended', elapsedMs: 40 * MIN, pausedMs: 20 * MIN });
  });

  it('gives the same reading live and after reopening the saved log', () => {
    const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 15)], ['inject.delivered', at(10, 20), 'i1']);
    const now = at(10, 40);
    const live = clockState(events, now);
    // Reopened: read back from storage (JSON) in whatever row order the query returns.
    const reopened = (JSON.parse(JSON.stringify(events)) as RunEvent[]).reverse();
    expect(clockState(reopened, now)).toEqual(live);
    expect(live.elapsedMs).toBe(55 * MIN);
    const s = script(inject('i1', rel(600)), inject('i2', rel(3600)));
    expect(states(s, reopened, now)).toEqual(states(s, events, now));
  });

  describe('ignores events that make no sense', () => {
    const normal = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)]);
    const expected = clockState(normal, at(10, 30));

    it.each<[string, [RunEventType, Date][]]>([
      ['pause, resume and end before the start', [['clock.pause', at(8, 0)], ['clock.resume', at(8, 10)], ['clock.end', at(8, 20)], ['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)]]],
      ['a second start', [['clock.start', at(9, 0)], ['clock.start', at(9, 10)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)]]],
      ['resume while running', [['clock.start', at(9, 0)], ['clock.resume', at(9, 5)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)]]],
      ['pause while paused', [['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.pause', at(9, 45)], ['clock.resume', at(10, 0)]]],
      ['start while paused', [['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.start', at(9, 40)], ['clock.resume', at(10, 0)], ['clock.resume', at(10, 5)]]],
    ])('%s', (_name, entries) => {
      expect(clockState(log(...entries), at(10, 30))).toEqual(expected);
    });

    it('anything after the end', () => {
      const ended = log(['clock.start', at(9, 0)], ['clock.end', at(10, 0)]);
      const more = log(['clock.start', at(9, 0)], ['clock.end', at(10, 0)], ['clock.resume', at(10, 10)], ['clock.start', at(10, 20)], ['clock.pause', at(10, 30)], ['clock.end', at(11, 0)]);
      expect(clockState(more, at(12, 0))).toEqual(clockState(ended, at(12, 0)));
      expect(clockState(more, at(12, 0))).toMatchObject({ status: 'ended', elapsedMs: HOUR });
    });

    it('a wall clock set back mid-drill never runs drill time backwards', () => {
      const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(9, 10)]);
      const s = clockState(events, at(9, 40));
      expect(s.elapsedMs).toBe(40 * MIN);
      expect(clockState(events, at(8, 0)).elapsedMs).toBe(30 * MIN);
    });
  });
});

describe('injectStates and pauses', () => {
  const s = script(inject('early', rel(10 * 60)), inject('late', rel(60 * 60)));
  const events = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(11, 30)]);

  it('keeps relative injects at their drill time, so a 2 h pause moves the later ones 2 h in wall time', () => {
    const now = at(11, 35);
    expect(states(s, events, now).map((x) => x.plannedMs)).toEqual([10 * MIN, 60 * MIN]);
    const unpaused = log(['clock.start', at(9, 0)]);
    const wall = (ev: RunEvent[], ms: number) => Date.parse(wallTimeAt(ev, ms, now)!);
    expect(wall(events, 60 * MIN) - wall(unpaused, 60 * MIN)).toBe(2 * HOUR);
    expect(wallTimeAt(events, 60 * MIN)).toBe(at(12, 0).toISOString());
    // The one before the pause keeps its wall time.
    expect(wallTimeAt(events, 10 * MIN)).toBe(at(9, 10).toISOString());
    expect(wall(events, 10 * MIN) - wall(unpaused, 10 * MIN)).toBe(0);
  });

  it('counts down to the next inject in drill time', () => {
    const clockNow = clockState(events, at(11, 35));
    expect(nextInjects(states(s, events, at(11, 35)), clockNow, 2)).toMatchObject([
      { injectId: 'early', dueInMs: -25 * MIN },
      { injectId: 'late', dueInMs: 25 * MIN },
    ]);
  });

  it('stamps a delivery with the real time it was recorded, and the drill time then', () => {
    const delivered = [...events, ...log(['inject.delivered', at(11, 40, 7), 'early']).map((e) => ({ ...e, seq: 10 }))];
    const st = stateOf(s, delivered, at(11, 41), 'early');
    expect(st).toEqual({ injectId: 'early', plannedMs: 10 * MIN, status: 'delivered', deliveredAt: at(11, 40, 7).toISOString(), deliveredMs: 40 * MIN + 7000, delaySec: null });
  });

  it('takes the last status event of each inject', () => {
    const ev = log(
      ['clock.start', at(9, 0)],
      ['inject.skipped', at(9, 5), 'early'],
      ['inject.delivered', at(9, 12), 'early'],
      ['inject.delivered', at(9, 50), 'late'],
      ['inject.late', at(10, 5), 'late'],
      ['inject.delivered', at(9, 6), 'unknown'],
      ['observation', at(9, 7), 'early'],
    );
    const all = states(s, ev, at(10, 10));
    expect(all.map((x) => [x.injectId, x.status, x.deliveredMs])).toEqual([
      ['early', 'delivered', 12 * MIN],
      ['late', 'late', 65 * MIN],
    ]);
    const skipped = states(s, log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 5), 'early'], ['inject.skipped', at(9, 6), 'early']), at(9, 7))[0];
    expect(skipped).toMatchObject({ status: 'skipped', deliveredAt: null, deliveredMs: null });
  });

  it('carries the delay recorded with a late delivery, and only with a late one', () => {
    const ev = log(['clock.start', at(9, 0)], ['inject.late', at(10, 4), 'late'], ['inject.delivered', at(9, 12), 'early']);
    ev[1]!.delaySec = 240;
    expect(states(s, ev, at(10, 5)).map((x) => [x.injectId, x.status, x.delaySec])).toEqual([
      ['early', 'delivered', null],
      ['late', 'late', 240],
    ]);
    // Delivered again after being marked late: the last mark wins, and with it no delay.
    const again = [...ev, ...log(['inject.delivered', at(10, 6), 'late']).map((e) => ({ ...e, id: 'e9', seq: 9 }))];
    expect(stateOf(s, again, at(10, 7), 'late')).toMatchObject({ status: 'delivered', delaySec: null });
  });

  it('reads a delivery after the end as delivered at the end in drill time', () => {
    const ev = log(['clock.start', at(9, 0)], ['clock.end', at(9, 30)], ['inject.delivered', at(9, 45), 'early']);
    expect(stateOf(s, ev, at(10, 0), 'early')).toMatchObject({ status: 'delivered', deliveredMs: 30 * MIN });
  });
});

describe('clock-time injects keep their wall-clock time', () => {
  const s = script(inject('c11', clock('11:00')), inject('c0945', clock('09:45')), inject('c0830', clock('08:30')), inject('sec', clock('09:30:30')));

  it('before the start count from the planned start', () => {
    expect(states(s, [], at(8, 0)).map((x) => x.plannedMs)).toEqual([2 * HOUR, 45 * MIN, 0, 30 * MIN + 30_000]);
  });

  it('after a late start count from the actual start', () => {
    const ev = log(['clock.start', at(9, 20)]);
    expect(stateOf(s, ev, at(9, 25), 'c11').plannedMs).toBe(100 * MIN);
    expect(wallTimeAt(ev, 100 * MIN)).toBe(at(11, 0).toISOString());
  });

  it('do not move with a pause: the countdown stays the wall-clock countdown', () => {
    const paused = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)]);
    for (const now of [at(9, 40), at(10, 0), at(10, 50)]) {
      const c = clockState(paused, now);
      const next = nextInjects(states(s, paused, now), c, 10).find((n) => n.injectId === 'c11')!;
      expect(next.dueInMs).toBe(at(11, 0).getTime() - now.getTime());
      expect(wallTimeAt(paused, next.plannedMs, now)).toBe(at(11, 0).toISOString());
    }
    const resumed = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 30)]);
    expect(stateOf(s, resumed, at(10, 35), 'c11').plannedMs).toBe(60 * MIN);
    expect(wallTimeAt(resumed, 60 * MIN)).toBe(at(11, 0).toISOString());
  });

  it('one whose time passed during a pause is due where the clock stopped; one before the start is due at 0', () => {
    const ev = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 30)]);
    expect(stateOf(s, ev, at(10, 35), 'c0945').plannedMs).toBe(30 * MIN);
    expect(stateOf(s, ev, at(10, 35), 'c0830').plannedMs).toBe(0);
  });

  it('has no planned time when the drill date or start time cannot be read', () => {
    expect(injectStates(s, [], at(8, 0), '2025-02-30', '09:00')[0]!.plannedMs).toBeNull();
    expect(injectStates(s, [], at(8, 0), DRILL_DATE, '9点')[0]!.plannedMs).toBeNull();
    expect(injectStates(script(inject('r', rel(60))), [], at(8, 0), DRILL_DATE, '9点')[0]!.plannedMs).toBe(60_000);
  });
});

describe('nextInjects', () => {
  const s = script(inject('a', rel(600)), inject('b', rel(300)), inject('c', rel(1200)), inject('d', rel(300)), inject('e', rel(1800)));
  const ev = log(['clock.start', at(9, 0)], ['inject.delivered', at(9, 4), 'b']);

  it('lists pending injects by planned time, the most overdue first, ties in script order', () => {
    const now = at(9, 11);
    const next = nextInjects(states(s, ev, now), clockState(ev, now), 3);
    expect(next.map((n) => [n.injectId, n.dueInMs])).toEqual([
      ['d', -6 * MIN],
      ['a', -1 * MIN],
      ['c', 9 * MIN],
    ]);
  });

  it('counts down from the planned times before the start, and gives nothing after the end', () => {
    expect(nextInjects(states(s, [], at(8, 0)), clockState([], at(8, 0)), 1)).toMatchObject([{ injectId: 'b', dueInMs: 5 * MIN }]);
    const ended = log(['clock.start', at(9, 0)], ['clock.end', at(9, 2)]);
    expect(nextInjects(states(s, ended, at(9, 5)), clockState(ended, at(9, 5)), 3)).toEqual([]);
    expect(nextInjects(states(s, ev, at(9, 5)), clockState(ev, at(9, 5)), 0)).toEqual([]);
  });
});

describe('wallTimeAt', () => {
  const ev = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)], ['clock.resume', at(10, 0)]);

  it('is null before the start and for negative drill times', () => {
    expect(wallTimeAt([], 0)).toBeNull();
    expect(wallTimeAt(ev, -1)).toBeNull();
  });

  it('gives the earliest moment when the drill time sits at a pause', () => {
    expect(wallTimeAt(ev, 0)).toBe(at(9, 0).toISOString());
    expect(wallTimeAt(ev, 30 * MIN)).toBe(at(9, 30).toISOString());
    expect(wallTimeAt(ev, 30 * MIN + 1000)).toBe(at(10, 0, 1).toISOString());
  });

  it('while paused needs now to look ahead; after the end there is no ahead', () => {
    const paused = log(['clock.start', at(9, 0)], ['clock.pause', at(9, 30)]);
    expect(wallTimeAt(paused, 40 * MIN)).toBeNull();
    expect(wallTimeAt(paused, 40 * MIN, at(9, 50))).toBe(at(10, 0).toISOString());
    expect(wallTimeAt(paused, 20 * MIN, at(9, 50))).toBe(at(9, 20).toISOString());
    const ended = log(['clock.start', at(9, 0)], ['clock.end', at(9, 30)]);
    expect(wallTimeAt(ended, 40 * MIN, at(9, 50))).toBeNull();
    expect(wallTimeAt(ended, 30 * MIN)).toBe(at(9, 30).toISOString());
  });
});

describe('T+ offsets', () => {
  it.each([
    [0, 'T+00:00'],
    [330, 'T+05:30'],
    [3599, 'T+59:59'],
    [3600, 'T+1:00:00'],
    [3723, 'T+1:02:03'],
    [36 * 3600 + 5, 'T+36:00:05'],
    [330.9, 'T+05:30'],
    [-90, 'T-01:30'],
    [-0.4, 'T+00:00'],
  ])('formatOffset(%s) = %s', (sec, text) => {
    expect(formatOffset(sec)).toBe(text);
  });

  it.each([
    ['T+05:30', 330],
    ['05:30', 330],
    ['5:30', 330],
    ['90:00', 5400],
    ['1:02:03', 3723],
    ['T+1:02:03', 3723],
    [' t+ 00:10 ', 10],
    ['T＋05：30', 330],
    ['05:60', null],
    ['1:60:00', null],
    ['5', null],
    ['', null],
    ['T-05:30', null],
    ['abc', null],
  ])('parseOffset(%j) = %s', (text, sec) => {
    expect(parseOffset(text)).toBe(sec);
  });

  it('round-trips every offset', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 7 * 24 * 3600 }), (sec) => parseOffset(formatOffset(sec)) === sec));
  });
});

describe('localWallTime', () => {
  it('reads local dates and times and rejects impossible ones', () => {
    expect(localWallTime('2025-06-01', '09:30')?.getTime()).toBe(at(9, 30).getTime());
    expect(localWallTime('2025-06-01', '09:30:15')?.getTime()).toBe(at(9, 30, 15).getTime());
    expect(localWallTime('2025-02-29', '09:00')).toBeNull();
    expect(localWallTime('2025-06-01', '24:00')).toBeNull();
    expect(localWallTime('2025/06/01', '09:00')).toBeNull();
  });
});

// ---- properties ---------------------------------------------------------------------------------

const T0 = at(9, 0).getTime();
const CLOCK_TYPES: RunEventType[] = ['clock.start', 'clock.pause', 'clock.resume', 'clock.end', 'inject.delivered', 'observation'];

/** Any sequence of clock events (sensible or not) a few seconds to hours apart. */
const arbLog = fc.array(fc.record({ type: fc.constantFrom(...CLOCK_TYPES), gap: fc.integer({ min: 0, max: 3 * HOUR }) }), { maxLength: 25 }).map((steps) => {
  let t = T0;
  return steps.map(({ type, gap }, i): RunEvent => {
    t += gap;
    return { id: `e${i}`, drillId: 'd', seq: i + 1, type, at: new Date(t).toISOString(), injectId: type === 'inject.delivered' ? 'i1' : null, text: '', tags: [], actor: '', delaySec: null };
  });
});
const lastAt = (events: RunEvent[]) => (events.length ? Date.parse(events[events.length - 1]!.at) : T0);
const arbCase = fc.tuple(arbLog, fc.integer({ min: 0, max: 10 * HOUR }), fc.integer({ min: 0, max: 10 * HOUR }));

describe('clock properties', () => {
  it('elapsed never decreases as now increases', () => {
    fc.assert(
      fc.property(arbCase, ([events, a, b]) => {
        const now1 = lastAt(events) + Math.min(a, b);
        const now2 = lastAt(events) + Math.max(a, b);
        return clockState(events, new Date(now1)).elapsedMs <= clockState(events, new Date(now2)).elapsedMs;
      }),
    );
  });

  it('elapsed is at most the wall time since the start, and never negative', () => {
    fc.assert(
      fc.property(arbCase, ([events, a]) => {
        const now = lastAt(events) + a;
        const s = clockState(events, new Date(now));
        if (s.startedAt === null) return s.elapsedMs === 0 && s.pausedMs === 0;
        return s.elapsedMs >= 0 && s.pausedMs >= 0 && s.elapsedMs <= now - Date.parse(s.startedAt);
      }),
    );
  });

  it('elapsed + paused = wall time since the start while the clock is live', () => {
    fc.assert(
      fc.property(arbCase, ([events, a]) => {
        const now = lastAt(events) + a;
        const s = clockState(events, new Date(now));
        if (s.status !== 'running' && s.status !== 'paused') return true;
        return s.elapsedMs + s.pausedMs === now - Date.parse(s.startedAt!);
      }),
    );
  });

  it('a relative inject falls at start + offset + the pauses before it, in wall time', () => {
    fc.assert(
      fc.property(arbCase, ([events, a, offset]) => {
        const now = new Date(lastAt(events) + a);
        const s = clockState(events, now);
        if (s.status !== 'running' || offset > s.elapsedMs) return true;
        const wall = Date.parse(wallTimeAt(events, offset)!);
        // Pauses before it: its wall time minus its drill time minus the start.
        const pausedBefore = wall - offset - Date.parse(s.startedAt!);
        const later = Date.parse(wallTimeAt(events, offset + 1, now)!);
        return pausedBefore >= 0 && pausedBefore <= s.pausedMs && later > wall;
      }),
    );
  });

  it('a running clock counts down to a clock-time inject in wall time', () => {
    fc.assert(
      fc.property(arbCase, ([events, a, ahead]) => {
        const now = new Date(lastAt(events) + a);
        const s = clockState(events, now);
        if (s.status !== 'running' && s.status !== 'paused') return true;
        const due = new Date(now.getTime() + ahead + 60_000);
        const hhmm = `${String(due.getHours()).padStart(2, '0')}:${String(due.getMinutes()).padStart(2, '0')}:${String(due.getSeconds()).padStart(2, '0')}`;
        const ymd = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
        const st = injectStates(script(inject('c', clock(hhmm))), events, now, ymd, '00:00')[0]!;
        const dueWall = new Date(due).setMilliseconds(0);
        return st.plannedMs! - s.elapsedMs === dueWall - now.getTime();
      }),
    );
  });
});

describe('duration: delays and response times in words', () => {
  it.each([
    [null, true, '—'],
    [0, true, '准时'],
    [400, true, '准时'],
    [-349_000, true, '提前5分49秒'],
    [65_000, true, '1分05秒'],
    [9_000, false, '9秒'],
    [3_780_000, false, '1小时3分'],
  ] as const)('duration(%s, %s) = %s', (ms, signed, text) => {
    expect(duration(ms, signed)).toBe(text);
  });
});
