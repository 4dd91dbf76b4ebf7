// The presenter's feed: entries taken in by seq, duplicates dropped, a gap read from the core rather than guessed.
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunUpdate } from '../../electron/shared/schemas/drill';
import { fold, pushed, type RunFeed } from '../../renderer/src/features/scripts/use-run-feed';

const event = (seq: number, type: RunEvent['type'], injectId: string | null = null): RunEvent => ({ id: `e${seq}`, drillId: 'd1', seq, type, at: '2026-03-10T01:00:00.000Z', injectId, text: '', tags: [], actor: '', delaySec: null });
const state = (status: 'running' | 'paused', elapsedMs: number, next: string | null): RunUpdate['state'] => ({
  drillId: 'd1',
  now: '2026-03-10T01:00:00.000Z',
  clock: { status, elapsedMs, startedAt: '2026-03-10T01:00:00.000Z', pausedMs: 0 },
  injects: [],
  next: next ? [{ injectId: next, plannedMs: 0, dueInMs: 0, status: 'pending', deliveredAt: null, deliveredMs: null, delaySec: null }] : [],
});

describe('the presenter feed', () => {
  const start = fold(null, [event(1, 'clock.start'), event(2, 'inject.delivered', 'i1'), event(3, 'observation'), event(4, 'inject.skipped', 'i2')], state('running', 60_000, 'i3'));

  it('reads a whole log: the last seq, the last inject delivered, the next one and the clock', () => {
    expect(start).toMatchObject({ seq: 4, lastDelivered: 'i1', next: 'i3', base: { status: 'running', elapsedMs: 60_000 } });
    expect(fold(null, [], state('running', 0, 'i1'))).toMatchObject({ seq: 0, lastDelivered: null, next: 'i1' });
  });

  it('takes in the next entry; an observation keeps the clock and the next inject as they were', () => {
    const observed = pushed(start, { event: event(5, 'observation'), state: null }) as RunFeed;
    expect(observed).toEqual({ ...start, seq: 5 });
    const late = pushed(observed, { event: event(6, 'inject.late', 'i3'), state: state('running', 90_000, 'i4') }) as RunFeed;
    expect(late).toMatchObject({ seq: 6, lastDelivered: 'i3', next: 'i4', base: { elapsedMs: 90_000 } });
    expect(pushed(late, { event: event(7, 'clock.pause'), state: state('paused', 95_000, 'i4') })).toMatchObject({ seq: 7, lastDelivered: 'i3', base: { status: 'paused' } });
  });

  it('drops an entry it has (a retried call is pushed again) and reads from the core when one is missing', () => {
    expect(pushed(start, { event: event(4, 'inject.skipped', 'i2'), state: null })).toBe('had');
    expect(pushed(start, { event: event(6, 'inject.delivered', 'i3'), state: state('running', 1, null) })).toBe('missed');
    expect(pushed(null, { event: event(1, 'clock.start'), state: state('running', 0, 'i1') })).toBe('missed');
  });
});
