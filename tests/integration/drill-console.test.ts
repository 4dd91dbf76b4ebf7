// The console's rules through the core: deliveries wait for a running clock, late injects keep their delay.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, DB_FILE } from '../../electron/core/db/open-database';
import { migrations } from '../../electron/core/db/migrations/index';
import type { Drill, DrillDetail, RunState, RunUpdate, Script } from '../../electron/shared/schemas/drill';
import type { PlanSummary } from '../../electron/shared/schemas/plan';
import type { Core } from '../../electron/core/create-core';
import { data, fixedClock, makeCore } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

const entry = (planId: string) => ({
  name: '森林火灾综合应急演练', form: 'combined' as const, scope: 'comprehensive' as const, purpose: 'test' as const, hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
  planLinks: [{ planId, sectionIds: [] }], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
});

async function setup(core: Core) {
  const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
  const drill = await data<Drill>(core.call('drill.create', entry(plan.id)));
  const script = await data<Script>(core.call('script.generate', { drillId: drill.id, planId: plan.id }));
  await data(core.call('script.save', { drillId: drill.id, script }));
  const log = (e: Record<string, unknown>) => core.call('run.log', { drillId: drill.id, ...e });
  return { drill, script, log, ids: script.injects.map((i) => i.id) };
}

describe('deliveries and the clock', () => {
  it('refuses a delivery while paused, with the reason, but lets the director skip; delivers again after 继续', async () => {
    const clock = fixedClock('2026-03-10T09:00:00+08:00');
    const core = await makeCore({ clock });
    const { drill, log, ids } = await setup(core);
    await data(log({ type: 'clock.start' }));
    clock.advance(60_000);
    await data(log({ type: 'clock.pause' }));
    for (const type of ['inject.delivered', 'inject.late', 'inject.adhoc']) {
      const r = await log({ type, injectId: type === 'inject.adhoc' ? null : ids[0], text: type === 'inject.adhoc' ? '临时：记者到场' : undefined });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('演练已暂停') } });
    }
    await data(log({ type: 'inject.skipped', injectId: ids[1] }));
    clock.advance(10 * 60_000);
    await data(log({ type: 'clock.resume' }));
    await data(log({ type: 'inject.delivered', injectId: ids[0] }));
    const state = await data<RunState>(core.call('run.state', { drillId: drill.id }));
    // Nothing refused reached the log.
    expect(state.events.map((e) => e.type)).toEqual(['clock.start', 'clock.pause', 'inject.skipped', 'clock.resume', 'inject.delivered']);
    expect(state.injects[0]).toMatchObject({ status: 'delivered', deliveredMs: 60_000 });
  });

  it('delivers an inject once: a second console pressing D for it is refused and the first delivery time stands', async () => {
    const clock = fixedClock('2026-03-10T09:00:00+08:00');
    const core = await makeCore({ clock });
    const { drill, log, ids } = await setup(core);
    await data(log({ type: 'clock.start' }));
    clock.advance(60_000);
    await data(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'console-a-1' }));
    clock.advance(2_000);
    expect(await log({ type: 'inject.delivered', injectId: ids[0], clientId: 'console-b-1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能重复下达') } });
    expect(await log({ type: 'inject.late', injectId: ids[0], delaySec: 60 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await log({ type: 'inject.skipped', injectId: ids[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能再跳过') } });
    // The first console retrying its own call is still answered with its entry, not refused.
    await data(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'console-a-1' }));
    // A skipped inject can still go out late, once.
    await data(log({ type: 'inject.skipped', injectId: ids[1] }));
    expect(await log({ type: 'inject.skipped', injectId: ids[1] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已被跳过') } });
    // Planned at T+10:00, it is 3 minutes overdue at T+13:04.
    clock.advance(12 * 60_000);
    await data(log({ type: 'inject.late', injectId: ids[1], delaySec: 180 }));
    const state = await data<RunState>(core.call('run.state', { drillId: drill.id }));
    expect(state.events.map((e) => e.type)).toEqual(['clock.start', 'inject.delivered', 'inject.skipped', 'inject.late']);
    expect(state.injects[0]).toMatchObject({ status: 'delivered', deliveredMs: 60_000 });
    expect(state.injects[1]).toMatchObject({ status: 'late' });
  });

  it('refuses inject events before the start and after the end, and for injects the script does not have', async () => {
    const core = await makeCore();
    const { log, ids } = await setup(core);
    expect(await log({ type: 'inject.delivered', injectId: ids[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('尚未开始') } });
    expect(await log({ type: 'inject.skipped', injectId: ids[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await data(log({ type: 'clock.start' }));
    expect(await log({ type: 'inject.delivered', injectId: 'i-not-in-script' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('脚本中没有这条注入') } });
    expect(await log({ type: 'inject.delivered' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await data(log({ type: 'clock.end' }));
    expect(await log({ type: 'inject.delivered', injectId: ids[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已结束') } });
    // Observations are welcome after the end (evaluators write up).
    await data(log({ type: 'observation', text: '复盘：通信保障不足' }));
  });

  it('records a retried delivery once even when the clock was paused between the two attempts', async () => {
    const core = await makeCore();
    const { drill, log, ids } = await setup(core);
    await data(log({ type: 'clock.start' }));
    const first = await data<RunUpdate>(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'press-d-0001' }));
    await data(log({ type: 'clock.pause' }));
    const retry = await data<RunUpdate>(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'press-d-0001' }));
    expect(retry.event).toEqual(first.event);
    const state = await data<RunState>(core.call('run.state', { drillId: drill.id }));
    expect(state.events.filter((e) => e.type === 'inject.delivered')).toHaveLength(1);
  });

  it('answers an observation or action with the event alone, a clock or inject event with the new state', async () => {
    const core = await makeCore();
    const { log, ids } = await setup(core);
    const started = await data<RunUpdate>(log({ type: 'clock.start' }));
    expect(started.state).toMatchObject({ clock: { status: 'running' } });
    const action = await data<RunUpdate>(log({ type: 'action', text: '启动Ⅳ级响应', injectId: ids[0] }));
    expect(action).toMatchObject({ event: { type: 'action', text: '启动Ⅳ级响应', delaySec: null }, state: null });
    const delivered = await data<RunUpdate>(log({ type: 'inject.delivered', injectId: ids[0] }));
    expect(delivered.state!.injects[0]!.status).toBe('delivered');
    expect(delivered.state).not.toHaveProperty('events');
  });

  it('pushes each committed entry as run.log answered it, and sends a window catching up only the entries after its last', async () => {
    const core = await makeCore();
    const { drill, log, ids } = await setup(core);
    const pushed: RunUpdate[] = [];
    core.events.on('run.logged', (u) => pushed.push(u));
    const answers = [
      await data<RunUpdate>(log({ type: 'clock.start' })),
      await data<RunUpdate>(log({ type: 'observation', text: '指挥部开设' })),
      await data<RunUpdate>(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'deliver-first-1' })),
    ];
    expect(pushed).toEqual(answers);
    // A refused event is not pushed; a retried one is pushed again, with the seq it already had.
    await log({ type: 'inject.delivered', injectId: 'i-none' });
    await data(log({ type: 'inject.delivered', injectId: ids[0], clientId: 'deliver-first-1' }));
    expect(pushed.map((u) => u.event.seq)).toEqual([1, 2, 3, 3]);

    const after = await data<RunState>(core.call('run.state', { drillId: drill.id, afterSeq: 1 }));
    expect(after.events.map((e) => [e.seq, e.type])).toEqual([[2, 'observation'], [3, 'inject.delivered']]);
    expect(after.clock.status).toBe('running');
    expect(after.injects[0]!.status).toBe('delivered');
    expect((await data<RunState>(core.call('run.state', { drillId: drill.id, afterSeq: 3 }))).events).toEqual([]);
    expect((await data<RunState>(core.call('run.state', { drillId: drill.id }))).events).toHaveLength(3);
    expect(await core.call('run.state', { drillId: drill.id, afterSeq: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('says in drill.get whether the clock runs (the script editor locks on it)', async () => {
    const core = await makeCore();
    const { drill, log } = await setup(core);
    const status = async () => (await data<DrillDetail>(core.call('drill.get', { id: drill.id }))).runStatus;
    expect(await status()).toBe('not-started');
    await data(log({ type: 'clock.start' }));
    expect(await status()).toBe('running');
    await data(log({ type: 'clock.pause' }));
    expect(await status()).toBe('paused');
    await data(log({ type: 'clock.end' }));
    expect(await status()).toBe('ended');
  });
});

describe('late injects', () => {
  it('refuses L for an inject not yet due and a delay the clock contradicts; logs one without a delay at the clock figure', async () => {
    const clock = fixedClock('2026-03-10T09:00:00+08:00');
    const core = await makeCore({ clock });
    const { drill, script, log, ids } = await setup(core);
    expect(script.injects[1]!.time).toEqual({ mode: 'relative', offsetSec: 600 });
    await data(log({ type: 'clock.start' }));
    clock.advance(63_000);
    // T+1:03, planned T+10:00: not late, whatever delay is typed.
    for (const delaySec of [300, 0, undefined]) {
      expect(await log({ type: 'inject.late', injectId: ids[1], delaySec })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('还没到计划时间') } });
    }
    clock.advance(15 * 60_000);
    // T+16:03: 6分03秒 late by the clock; 5 minutes is too far off, 5½ is within the tolerance.
    expect(await log({ type: 'inject.late', injectId: ids[1], delaySec: 300 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/与演练时钟不符.*晚 6分3秒/) } });
    expect(await log({ type: 'inject.late', injectId: ids[1], delaySec: 45 * 60 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await data(log({ type: 'inject.late', injectId: ids[1], delaySec: 330 }));
    // Without a stated delay the entry is logged and the analysis reads the delay off the clock.
    await data(log({ type: 'inject.late', injectId: ids[0] }));
    const state = await data<RunState>(core.call('run.state', { drillId: drill.id }));
    expect(state.events.filter((e) => e.type === 'inject.late').map((e) => [e.injectId, e.delaySec])).toEqual([[ids[1], 330], [ids[0], null]]);
    const report = await data<{ timeline: { injects: { injectId: string; plannedMs: number; actualMs: number; delayMs: number | null }[] } }>(core.call('eval.get', { drillId: drill.id }));
    const first = report.timeline.injects.find((t) => t.injectId === ids[0])!;
    expect(first.delayMs).toBe(first.actualMs - first.plannedMs);
    expect(report.timeline.injects.find((t) => t.injectId === ids[1])!.delayMs).toBe(330_000);
  });

  it('keeps the delay and reason recorded with L, through a reopened store, the timeline analysis and a package', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-03-10T09:00:00+08:00');
    const core = await makeCore({ dataDir: dir, clock });
    const { drill, log, ids } = await setup(core);
    await data(log({ type: 'clock.start' }));
    clock.advance(20 * 60_000);
    const late = await data<RunUpdate>(log({ type: 'inject.late', injectId: ids[1], delaySec: 560, text: '接收方未到位' }));
    expect(late.event).toMatchObject({ type: 'inject.late', delaySec: 560, text: '接收方未到位' });
    expect(late.state!.injects[1]).toMatchObject({ status: 'late', delaySec: 560 });
    expect(await log({ type: 'inject.delivered', injectId: ids[0], delaySec: 60 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('延迟下达') } });
    expect(await log({ type: 'inject.late', injectId: ids[0], delaySec: -5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await data(log({ type: 'clock.end' }));
    core.close();

    const reopened = await makeCore({ dataDir: dir, clock });
    const state = await data<RunState>(reopened.call('run.state', { drillId: drill.id }));
    expect(state.events.find((e) => e.type === 'inject.late')).toMatchObject({ delaySec: 560, text: '接收方未到位' });
    const report = await data<{ timeline: { injects: { injectId: string; delayMs: number | null }[] } }>(reopened.call('eval.get', { drillId: drill.id }));
    expect(report.timeline.injects.find((t) => t.injectId === ids[1])!.delayMs).toBe(560_000);

    const file = await data<{ dataBase64: string }>(reopened.call('drill.export-package', { id: drill.id }));
    const content = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    const other = await makeCore();
    const imported = await data<{ drill: Drill }>(other.call('drill.import-package', { content }));
    const back = await data<RunState>(other.call('run.state', { drillId: imported.drill.id }));
    expect(back.events.find((e) => e.type === 'inject.late')).toMatchObject({ delaySec: 560 });

    // A package written before delays were recorded has no delaySec at all: it reads as none.
    const old = JSON.parse(content) as { events: Record<string, unknown>[] };
    for (const e of old.events) delete e.delaySec;
    const fromOld = await data<{ drill: Drill }>(other.call('drill.import-package', { content: JSON.stringify(old) }));
    const oldState = await data<RunState>(other.call('run.state', { drillId: fromOld.drill.id }));
    expect(oldState.events.every((e) => e.delaySec === null)).toBe(true);
  });

  it('migrates a v6 database: its logged events come back with no delay', async () => {
    const dir = tempDir();
    const now = new Date('2026-03-10T01:00:00Z');
    (await openDatabase({ dataDir: dir, now, migrations: migrations.slice(0, 6) })).close();
    const raw = new Database(path.join(dir, DB_FILE));
    raw.prepare("INSERT INTO drills (id, name, date, data_json, created_at, updated_at) VALUES ('d-old', '旧演练', '2026-03-10', ?, ?, ?)").run(JSON.stringify(entry('p-none')), now.toISOString(), now.toISOString());
    raw.prepare("INSERT INTO drill_events (id, drill_id, seq, type, at, inject_id, text, tags_json, actor) VALUES ('e-old', 'd-old', 1, 'inject.late', ?, 'i-1', '', '[]', '')").run(now.toISOString());
    expect(raw.pragma('user_version', { simple: true })).toBe(6);
    raw.close();

    const core = await makeCore({ dataDir: dir });
    const state = await data<RunState>(core.call('run.state', { drillId: 'd-old' }));
    expect(state.events).toMatchObject([{ id: 'e-old', type: 'inject.late', delaySec: null }]);
  });
});
