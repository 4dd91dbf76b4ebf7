// The run feed every window follows (console and presenter): entries taken in by seq from pushes, the
// window's own answers and catch-up reads in whatever order they come; none twice, none lost, and a late
// read never puts the clock or the next inject back.
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunState, RunUpdate } from '../../electron/shared/schemas/drill';
import { fold, followRun, pushed, start, type RunFeed, type RunNow } from '../../renderer/src/features/scripts/run-feed';

const event = (seq: number, type: RunEvent['type'], injectId: string | null = null): RunEvent => ({ id: `e${seq}`, drillId: 'd1', seq, type, at: '2026-03-10T01:00:00.000Z', injectId, text: '', tags: [], actor: '', delaySec: null });
const state = (status: 'running' | 'paused', elapsedMs: number, next: string | null): RunNow => ({
  drillId: 'd1',
  now: '2026-03-10T01:00:00.000Z',
  clock: { status, elapsedMs, startedAt: '2026-03-10T01:00:00.000Z', pausedMs: 0 },
  injects: [],
  next: next ? [{ injectId: next, plannedMs: 0, dueInMs: 0, status: 'pending', deliveredAt: null, deliveredMs: null, delaySec: null }] : [],
});
const whole = (events: RunEvent[], s: RunNow): RunState => ({ ...s, events });

describe('the run feed', () => {
  const first = start(whole([event(1, 'clock.start'), event(2, 'inject.delivered', 'i1'), event(3, 'observation'), event(4, 'inject.skipped', 'i2')], state('running', 60_000, 'i3')), 1000);

  it('reads a whole log: the last seq, the entries, the clock and the next inject', () => {
    expect(first).toMatchObject({ seq: 4, state: { next: [{ injectId: 'i3' }] }, base: { status: 'running', elapsedMs: 60_000, fetchedAt: 1000 } });
    expect(first.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(start(whole([], state('running', 0, 'i1')), 0)).toMatchObject({ seq: 0, events: [] });
  });

  it('takes in the next entry; an observation keeps the clock (the same object: nothing re-renders for it) and the next inject', () => {
    const observed = pushed(first, { event: event(5, 'observation'), state: null }, 2000) as RunFeed;
    expect(observed.seq).toBe(5);
    expect(observed.events.at(-1)!.type).toBe('observation');
    expect(observed.base).toBe(first.base);
    expect(observed.state).toBe(first.state);
    const late = pushed(observed, { event: event(6, 'inject.late', 'i3'), state: state('running', 90_000, 'i4') }, 3000) as RunFeed;
    expect(late).toMatchObject({ seq: 6, state: { next: [{ injectId: 'i4' }] }, base: { elapsedMs: 90_000, fetchedAt: 3000 } });
    expect(pushed(late, { event: event(7, 'clock.pause'), state: state('paused', 95_000, 'i4') }, 4000)).toMatchObject({ seq: 7, base: { status: 'paused' } });
  });

  it('drops an entry it has (its own answer and its push both come) and reads from the core when one is missing', () => {
    expect(pushed(first, { event: event(4, 'inject.skipped', 'i2'), state: null }, 0)).toBe('had');
    expect(pushed(first, { event: event(6, 'inject.delivered', 'i3'), state: state('running', 1, null) }, 0)).toBe('missed');
    expect(pushed(null, { event: event(1, 'clock.start'), state: state('running', 0, 'i1') }, 0)).toBe('missed');
  });

  it('a read that set out before entries the feed has since taken adds only what is new and does not put the state back', () => {
    const ahead = pushed(first, { event: event(5, 'inject.delivered', 'i3'), state: state('running', 70_000, 'i4') }, 2000) as RunFeed;
    // Read after 4, answered as of 4: nothing new, and its state (i3 still next) is older than the feed's.
    expect(fold(ahead, { events: [], state: state('running', 65_000, 'i3'), asOf: 4 }, 3000)).toBe(ahead);
    // Read after 4, answered as of 6: 5 is had, 6 is taken, and so is the state.
    const caught = fold(ahead, { events: [event(5, 'inject.delivered', 'i3'), event(6, 'observation')], state: state('running', 80_000, 'i4'), asOf: 6 }, 3000);
    expect(caught.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(caught.base).toMatchObject({ elapsedMs: 80_000, fetchedAt: 3000 });
  });
});

/** A core's run log and run.state reads whose answers the test lets through one at a time. */
function fakeCore(log: RunEvent[]) {
  const pending: { afterSeq: number | undefined; answer: () => void; fail: (e: Error) => void }[] = [];
  const read = (afterSeq: number | undefined) =>
    new Promise<RunState>((resolve, reject) => {
      // Answered as of the moment the read reaches the core, delivered when the test says.
      const snapshot = whole(log.filter((e) => e.seq > (afterSeq ?? 0)), state('running', log.length * 1000, `next-after-${log.length}`));
      pending.push({ afterSeq, answer: () => resolve(snapshot), fail: reject });
    });
  /** Lets the oldest read's answer through and waits for the follower to take it. */
  const answer = async () => {
    pending.shift()!.answer();
    await new Promise((r) => setTimeout(r, 0));
  };
  const append = (type: RunEvent['type'], injectId: string | null = null): RunUpdate => {
    const e = event(log.length + 1, type, injectId);
    log.push(e);
    return { event: e, state: type === 'observation' || type === 'action' ? null : state('running', log.length * 1000, `next-after-${log.length}`) };
  };
  return { read, pending, answer, append };
}

function follow(core: ReturnType<typeof fakeCore>) {
  const seen: RunFeed[] = [];
  const errors: boolean[] = [];
  const f = followRun({ read: core.read, onChange: (feed) => seen.push(feed), onReadError: (_e, first) => errors.push(first), now: () => 0 });
  const last = () => seen.at(-1)!;
  const seqs = () => last().events.map((e) => e.seq);
  return { f, seen, errors, last, seqs };
}

/** A window following a run whose clock has started, its first read done. */
async function following() {
  const core = fakeCore([event(1, 'clock.start')]);
  const w = follow(core);
  void w.f.catchUp();
  await core.answer();
  return { core, w };
}

describe('following a run', () => {
  it('takes a window’s own entry once, whether its answer or its push comes first', async () => {
    const { core, w } = await following();
    const mine = core.append('observation');
    w.f.take(mine); // the answer
    w.f.push(mine); // its push
    const theirs = core.append('inject.adhoc');
    w.f.push(theirs); // the push first (nothing held: a call that is not the console's own)
    w.f.take(theirs); // then the answer
    expect(w.seqs()).toEqual([1, 2, 3]);
    expect(core.pending).toHaveLength(0);
  });

  it('while its own call is open, holds pushes: its entry shows with its answer, another window’s right after it', async () => {
    const { core, w } = await following();
    const release = w.f.hold();
    const mine = core.append('action');
    w.f.push(mine); // the push outruns the answer
    const theirs = core.append('observation'); // the deputy's, meanwhile
    w.f.push(theirs);
    expect(w.seqs()).toEqual([1]);
    w.f.take(mine);
    expect(w.seqs()).toEqual([1, 2]);
    release();
    expect(w.seqs()).toEqual([1, 2, 3]);
    expect(core.pending).toHaveLength(0);
    // Released, pushes go straight in again.
    w.f.push(core.append('observation'));
    expect(w.seqs()).toEqual([1, 2, 3, 4]);
  });

  it('reads the entries after its last when a push shows one was missed, and takes both in order', async () => {
    const { core, w } = await following();
    core.append('observation'); // its push was lost
    w.f.push(core.append('inject.adhoc'));
    expect(core.pending.map((p) => p.afterSeq)).toEqual([1]);
    await core.answer();
    expect(w.seqs()).toEqual([1, 2, 3]);
    expect(w.last().state.next[0]!.injectId).toBe('next-after-3');
  });

  it('takes pushes while a read is on its way, and the read, landing later, neither repeats them nor puts the state back', async () => {
    const { core, w } = await following();
    void w.f.catchUp(); // a heal sets out: the core answers "nothing after 1"
    w.f.push(core.append('inject.delivered', 'i1'));
    expect(w.seqs()).toEqual([1, 2]);
    await core.answer();
    expect(w.seqs()).toEqual([1, 2]);
    expect(w.last().state.next[0]!.injectId).toBe('next-after-2');
  });

  it('reads once more when a gap is seen while a read is on its way', async () => {
    const { core, w } = await following();
    void w.f.catchUp();
    core.append('observation'); // lost
    w.f.push(core.append('observation')); // a gap: noted, the read under way may predate it
    expect(core.pending).toHaveLength(1);
    await core.answer();
    expect(core.pending.map((p) => p.afterSeq)).toEqual([1]);
    await core.answer();
    expect(w.seqs()).toEqual([1, 2, 3]);
  });

  it('says when the first read fails, tries again on the next push, and tells nothing after it has left', async () => {
    const core = fakeCore([event(1, 'clock.start')]);
    const w = follow(core);
    void w.f.catchUp();
    core.pending.shift()!.fail(new Error('down'));
    await new Promise((r) => setTimeout(r, 0));
    expect(w.errors).toEqual([true]);
    w.f.push(core.append('observation'));
    expect(core.pending.map((p) => p.afterSeq)).toEqual([undefined]);
    await core.answer();
    expect(w.seqs()).toEqual([1, 2]);
    w.f.stop();
    w.f.push(core.append('observation'));
    expect(w.seen).toHaveLength(1);
  });
});
