// Drills through the core: programme, script, an append-only log that survives reopening, package round trip.
import { describe, expect, it } from 'vitest';
import type { Drill, RunState, Script } from '../../electron/shared/schemas/drill';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import type { Core } from '../../electron/core/create-core';
import { data, fixedClock, makeCore } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';
import { paragraphs, unzipDocx } from '../helpers/docx';
import { editSection } from '../helpers/plan-edits';

const entry = (planId: string) => ({
  name: '森林火灾综合应急演练', form: 'combined' as const, scope: 'comprehensive' as const, purpose: 'test' as const, hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
  planLinks: [{ planId, sectionIds: [] }], objectives: ['检验响应启动程序'], date: '2026-03-10', startTime: '09:00', endTime: '11:30', place: '东山林场', organizer: '区应急管理局', participants: ['区林业局'], notes: '',
});

async function setup(core: Core) {
  const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
  const drill = await data<Drill>(core.call('drill.create', entry(plan.id)));
  const script = await data<Script>(core.call('script.generate', { drillId: drill.id, planId: plan.id }));
  await data(core.call('script.save', { drillId: drill.id, script }));
  return { plan, drill, script };
}

describe('scripts in the drill’s window', () => {
  it('generates within the drill’s hours, refuses hours too short, and flags the injects an earlier end leaves outside', async () => {
    const core = await makeCore();
    const { plan, drill, script } = await setup(core);
    const last = script.injects.at(-1)!;
    expect(last.time).toEqual({ mode: 'relative', offsetSec: 126 * 60 });
    expect((await data<{ issues: unknown[] }>(core.call('drill.get', { id: drill.id }))).issues).toEqual([]);

    // The coordinators shorten the drill to two hours: the script, saved as it was, now runs past the end.
    await data(core.call('drill.update', { id: drill.id, drill: { ...entry(plan.id), endTime: '11:00' } }));
    const detail = await data<{ issues: { injectId: string; message: string }[] }>(core.call('drill.get', { id: drill.id }));
    expect(detail.issues).toEqual([{ injectId: last.id, field: 'time', message: '计划时间 T+2:06:00（11:06）晚于演练结束时间 11:00' }]);
    const saved = await data<{ issues: unknown[] }>(core.call('script.save', { drillId: drill.id, script }));
    expect(saved.issues).toEqual(detail.issues);

    await data(core.call('drill.update', { id: drill.id, drill: { ...entry(plan.id), endTime: '09:20' } }));
    const refused = await core.call('script.generate', { drillId: drill.id, planId: plan.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请在演练信息中把结束时间改到 9:44 或更晚') } });
  });
});

describe('a drill’s hours', () => {
  it('says what is wrong with an input in words, without the raw field id of our own checks', async () => {
    const core = await makeCore();
    const { plan } = await setup(core);
    const r = await core.call('drill.create', { ...entry(plan.id), name: '   ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: ['演练名称不能为空'], fields: [{ path: ['name'], message: '演练名称不能为空' }] } });
  });

  it('refuses an end at or before the start on create and update, naming both times, and stores nothing', async () => {
    const dir = tempDir();
    const core = await makeCore({ dataDir: dir });
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
    expect(await core.call('drill.create', { ...entry(plan.id), endTime: '08:30' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '结束时间 8:30 早于开始时间 9:00，演练须在当天结束。' },
    });
    expect(await core.call('drill.create', { ...entry(plan.id), endTime: '09:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('结束时间 9:00 与开始时间 9:00 相同') } });
    // A drill through midnight is not one the programme plans: 22:00 to 01:00 reads as an end before the start.
    expect(await core.call('drill.create', { ...entry(plan.id), startTime: '22:00', endTime: '01:00' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('结束时间 1:00 早于开始时间 22:00') } });
    expect(await data<Drill[]>(core.call('drill.list', {}))).toEqual([]);

    const drill = await data<Drill>(core.call('drill.create', entry(plan.id)));
    const refused = await core.call('drill.update', { id: drill.id, drill: { ...entry(plan.id), startTime: '14:00' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('结束时间 11:30 早于开始时间 14:00') } });
    // No end time is still fine, and a refused update left the saved drill as it was, in the file.
    expect(await data<Drill>(core.call('drill.create', { ...entry(plan.id), endTime: null }))).toMatchObject({ endTime: null });
    core.close();
    const reopened = await makeCore({ dataDir: dir });
    expect((await data<{ drill: Drill }>(reopened.call('drill.get', { id: drill.id }))).drill).toMatchObject({ startTime: '09:00', endTime: '11:30' });
  });

  it('still imports a package whose drill was saved through midnight before the rule, and moves it, but editing asks for an end after the start', async () => {
    const a = await makeCore();
    const { drill } = await setup(a);
    const file = await data<{ dataBase64: string }>(a.call('drill.export-package', { id: drill.id }));
    const pkg = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8')) as { drill: Drill };
    pkg.drill.startTime = '22:00';
    pkg.drill.endTime = '01:00';
    const b = await makeCore();
    const imported = (await data<{ drill: Drill }>(b.call('drill.import-package', { content: JSON.stringify(pkg) }))).drill;
    expect(imported).toMatchObject({ startTime: '22:00', endTime: '01:00' });
    expect(await data<Drill>(b.call('drill.move', { id: imported.id, date: '2026-03-11' }))).toMatchObject({ date: '2026-03-11', endTime: '01:00' });
    const { id: _id, status: _s, createdAt: _c, updatedAt: _u, ...input } = imported;
    expect(await b.call('drill.update', { id: imported.id, drill: { ...input, name: '森林火灾夜间演练' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the run log', () => {
  it('keeps every event and the true elapsed time across a reopened store, and records a retried call once', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-03-10T09:00:00+08:00');
    const core = await makeCore({ dataDir: dir, clock });
    const { drill, script } = await setup(core);
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.start' }));
    clock.advance(5 * 60_000);
    await data(core.call('run.log', { drillId: drill.id, type: 'inject.delivered', injectId: script.injects[0]!.id, clientId: 'retry-me-123' }));
    await data(core.call('run.log', { drillId: drill.id, type: 'inject.delivered', injectId: script.injects[0]!.id, clientId: 'retry-me-123' }));
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.pause' }));
    clock.advance(2 * 3600_000);
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.resume' }));
    clock.advance(60_000);
    core.close();

    const reopened = await makeCore({ dataDir: dir, clock });
    const state = await data<RunState>(reopened.call('run.state', { drillId: drill.id }));
    expect(state.events.map((e) => e.type)).toEqual(['clock.start', 'inject.delivered', 'clock.pause', 'clock.resume']);
    expect(state.clock).toMatchObject({ status: 'running', elapsedMs: 6 * 60_000, pausedMs: 2 * 3600_000 });
    expect(state.injects[0]).toMatchObject({ status: 'delivered', deliveredMs: 5 * 60_000 });
  });

  it('refuses events for an unknown drill or of an unknown type', async () => {
    const core = await makeCore();
    expect(await core.call('run.log', { drillId: 'd-none', type: 'clock.start' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('run.log', { drillId: 'd-none', type: 'clock.explode' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('drill packages', () => {
  it('exports a whole drill and imports it on another machine under a new id, dropping links to unknown plans', async () => {
    const a = await makeCore();
    const { drill, script } = await setup(a);
    await data(a.call('run.log', { drillId: drill.id, type: 'clock.start' }));
    await data(a.call('run.log', { drillId: drill.id, type: 'observation', text: '现场指挥部开设及时' }));
    const file = await data<{ fileName: string; dataBase64: string }>(a.call('drill.export-package', { id: drill.id }));
    expect(file.fileName).toBe('森林火灾综合应急演练_20260310.drill.json');
    const content = Buffer.from(file.dataBase64, 'base64').toString('utf8');

    const b = await makeCore();
    const imported = await data<{ drill: Drill; droppedPlanLinks: number; events: number }>(b.call('drill.import-package', { content }));
    expect(imported).toMatchObject({ droppedPlanLinks: 1, events: 2 });
    expect(imported.drill.planLinks).toEqual([]);
    const again = await data<{ drill: Drill }>(b.call('drill.import-package', { content }));
    expect(again.drill.id).not.toBe(imported.drill.id);
    const state = await data<RunState>(b.call('run.state', { drillId: imported.drill.id }));
    expect(state.events.map((e) => e.text)).toContain('现场指挥部开设及时');
    const detail = await data<{ script: Script }>(b.call('drill.get', { id: imported.drill.id }));
    expect(detail.script.injects).toHaveLength(script.injects.length);

    expect(await b.call('drill.import-package', { content: '{"format":"something-else"}' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await b.call('drill.import-package', { content: 'not json' })).toMatchObject({ ok: false, error: { message: '文件不是有效的演练数据包（无法解析）。' } });
    expect((await data<Drill[]>(b.call('drill.list', {})))).toHaveLength(2);
  });
});

describe('compliance', () => {
  it('flags the missing annual comprehensive drill and is met once one is conducted', async () => {
    const core = await makeCore({ clock: fixedClock('2026-06-01T10:00:00+08:00') });
    const before = await data<{ findings: { ruleId: string; state: string }[] }>(core.call('compliance.get', {}));
    // A new data folder in the middle of the year: still to schedule, not overdue (the year is not over).
    expect(before.findings.find((f) => f.ruleId === 'annual-comprehensive')!.state).toBe('unscheduled');
    const { drill } = await setup(core);
    // Its planned date (2026-03-10) is past: it no longer counts as planned.
    const planned = await data<{ findings: { ruleId: string; state: string }[] }>(core.call('compliance.get', {}));
    expect(planned.findings.find((f) => f.ruleId === 'annual-comprehensive')!.state).toBe('unscheduled');
    await data(core.call('drill.set-status', { id: drill.id, status: 'conducted' }));
    const after = await data<{ findings: { ruleId: string; state: string }[] }>(core.call('compliance.get', {}));
    expect(after.findings.find((f) => f.ruleId === 'annual-comprehensive')!.state).toBe('met');
  });
});

describe('spreadsheet round trip', () => {
  it('exports the injects to .xlsx and reads them back unchanged; a malformed sheet gets a per-row report', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const core = await makeCore();
    const { drill, script } = await setup(core);
    const clockInject = { ...script.injects[1]!, time: { mode: 'clock' as const, clock: '09:45' } };
    const edited = { ...script, injects: [script.injects[0]!, clockInject, ...script.injects.slice(2)] };
    await data(core.call('script.save', { drillId: drill.id, script: edited }));
    const file = await data<{ fileName: string; dataBase64: string }>(core.call('script.export-xlsx', { id: drill.id }));
    expect(file.fileName).toMatch(/演练脚本_20260310\.xlsx$/);
    const back = await data<{ script: Script; errors: unknown[] }>(core.call('script.import-xlsx', { drillId: drill.id, dataBase64: file.dataBase64 }));
    expect(back.errors).toEqual([]);
    expect(back.script.injects).toEqual(edited.injects);

    // Break two rows the way people do: an unreadable time and an empty phase.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getRow(3).getCell(3).value = '半小时后';
    ws.getRow(4).getCell(2).value = '';
    const broken = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const report = await data<{ script: Script; errors: { row: number; message: string }[] }>(core.call('script.import-xlsx', { drillId: drill.id, dataBase64: broken }));
    expect(report.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(report.errors[0]!.message).toContain('“时间”无法识别（半小时后）');
    expect(report.errors[1]!.message).toContain('“阶段”为空');
    expect(report.script.injects).toHaveLength(edited.injects.length - 2);

    const notExcel = await data<{ errors: { message: string }[] }>(core.call('script.import-xlsx', { drillId: drill.id, dataBase64: Buffer.from('不是表格').toString('base64') }));
    expect(notExcel.errors[0]!.message).toContain('不是有效的 Excel');
  });
});

describe('spreadsheet 对应预案条款', () => {
  it('names each inject’s clauses as the plan numbers them, as the Word script does, and import leaves the links as stored', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { clauseLabels } = await import('../../electron/shared/numbering');
    const core = await makeCore();
    const { plan, drill, script } = await setup(core);
    const detail = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    const labels = clauseLabels(detail.doc.sections, detail.doc.numbering);
    const linked = script.injects.findIndex((i) => i.clauseLinks.length > 0);
    expect(linked).toBeGreaterThanOrEqual(0);

    const file = await data<{ dataBase64: string }>(core.call('script.export-xlsx', { id: drill.id }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const at = header.indexOf('对应预案条款');
    // After 预期行动 and before 责任控制员, where the Word script has it.
    expect(header.slice(at - 1, at + 2)).toEqual(['预期行动', '对应预案条款', '责任控制员']);
    const cells = script.injects.map((_, n) => String(ws.getRow(n + 2).getCell(at).value ?? ''));
    expect(cells).toEqual(script.injects.map((i) => i.clauseLinks.map((l) => labels.get(l.sectionId)!).join('\n')));
    expect(cells[linked]).toMatch(/^\S+ \S/);

    // A label edited or cleared in Excel changes nothing: the links are the app's, not the sheet's.
    ws.getRow(linked + 2).getCell(at).value = '九、附则';
    const edited = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const back = await data<{ script: Script; errors: unknown[] }>(core.call('script.import-xlsx', { drillId: drill.id, dataBase64: edited }));
    expect(back.errors).toEqual([]);
    expect(back.script.injects).toEqual(script.injects);
  });
});

describe('two windows on one script', () => {
  it('refuses a save made from an outdated copy of the script, keeping what the other window saved', async () => {
    const core = await makeCore();
    const { drill } = await setup(core);
    const opened = await data<{ script: Script; scriptSeq: number }>(core.call('drill.get', { id: drill.id }));
    const scene = (text: string): Script => ({ ...opened.script, injects: opened.script.injects.map((i, n) => (n === 0 ? { ...i, scene: text } : i)) });
    const first = await data<{ saveSeq: number }>(core.call('script.save', { drillId: drill.id, script: scene('甲窗口改写的场景'), baseSeq: opened.scriptSeq }));
    expect(first.saveSeq).toBe(opened.scriptSeq + 1);
    expect(await core.call('script.save', { drillId: drill.id, script: scene('乙窗口改写的场景'), baseSeq: opened.scriptSeq })).toMatchObject({ ok: false, error: { code: 'STALE', message: expect.stringContaining('已在另一个窗口') } });
    const stored = await data<{ script: Script; scriptSeq: number }>(core.call('drill.get', { id: drill.id }));
    expect(stored.script.injects[0]!.scene).toBe('甲窗口改写的场景');
    expect(stored.scriptSeq).toBe(first.saveSeq);
    await data(core.call('script.save', { drillId: drill.id, script: scene('甲窗口再改'), baseSeq: first.saveSeq }));
  });
});

describe('clause exercise', () => {
  it('names the last drill that tested a clause, the injects that test it, and flags a clause changed since', async () => {
    const core = await makeCore({ clock: fixedClock('2026-06-01T10:00:00+08:00') });
    const { plan, drill, script } = await setup(core);
    const linked = script.injects.find((i) => i.clauseLinks.length > 0)!;
    const sectionId = linked.clauseLinks[0]!.sectionId;
    await data(core.call('plan.save-version', { id: plan.id, note: '演练前' }));
    await data(core.call('drill.set-status', { id: drill.id, status: 'conducted' }));
    const rows = await data<{ sectionId: string; lastDrill: { drillId: string } | null; changedSinceDrill: boolean; testedBy: { injectId: string }[] }[]>(core.call('plan.clause-exercise', { planId: plan.id }));
    const row = rows.find((r) => r.sectionId === sectionId)!;
    expect(row.lastDrill?.drillId).toBe(drill.id);
    expect(row.testedBy.map((t) => t.injectId)).toContain(linked.id);
    expect(row.changedSinceDrill).toBe(false);
    expect(rows.filter((r) => r.lastDrill === null).length).toBeGreaterThan(0);
  });

  it('compares a clause with the version in force on the local day the drill was held, not the UTC day of saving', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai'; // the bureau's clock; Node reads TZ again when it is set
    try {
      // Run at 10:00 on 17 March; the clause is revised at 01:00 on 18 March, which is still 17 March in UTC.
      const clock = fixedClock('2026-03-17T02:00:00Z');
      const core = await makeCore({ clock });
      const { plan, drill, script } = await setup(core);
      const linked = script.injects.find((i) => i.clauseLinks.length > 0)!.clauseLinks[0]!.sectionId;
      await data(core.call('plan.save-version', { id: plan.id, note: '演练前' }));
      await data(core.call('run.log', { drillId: drill.id, type: 'clock.start' }));
      clock.advance(60 * 60_000);
      await data(core.call('run.log', { drillId: drill.id, type: 'clock.end' }));
      clock.advance(14 * 60 * 60_000);
      const detail = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
      await editSection(core, detail, detail.doc.sections.find((s) => s.id === linked)!.title, '演练后修订的条文。');
      await data(core.call('plan.save-version', { id: plan.id, note: '演练后修订' }));
      const rows = await data<{ sectionId: string; lastDrill: { date: string } | null; changedSinceDrill: boolean }[]>(core.call('plan.clause-exercise', { planId: plan.id }));
      expect(rows.find((r) => r.sectionId === linked)).toMatchObject({ lastDrill: { date: '2026-03-17' }, changedSinceDrill: true });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('dates a drill that was run by the day its clock started, one never run by its planned date, in 最近演练 and the evaluation', async () => {
    // Midday UTC: the same calendar day on any machine within eleven hours of Greenwich.
    const clock = fixedClock('2026-03-17T12:00:00Z');
    const core = await makeCore({ clock });
    const { plan, drill: ran, script } = await setup(core);
    const sectionId = script.injects.find((i) => i.clauseLinks.length > 0)!.clauseLinks[0]!.sectionId;
    // Planned for 03-10, run a week late; another planned for 03-15, marked conducted but never run here.
    await data(core.call('run.log', { drillId: ran.id, type: 'clock.start' }));
    clock.advance(30 * 60_000);
    await data(core.call('run.log', { drillId: ran.id, type: 'clock.end' }));
    const other = await data<Drill>(core.call('drill.create', { ...entry(plan.id), name: '森林火灾桌面推演', date: '2026-03-15', planLinks: [{ planId: plan.id, sectionIds: [sectionId] }] }));
    await data(core.call('drill.set-status', { id: other.id, status: 'conducted' }));

    const rows = await data<{ sectionId: string; lastDrill: { drillId: string; date: string } | null }[]>(core.call('plan.clause-exercise', { planId: plan.id }));
    expect(rows.find((r) => r.sectionId === sectionId)!.lastDrill).toMatchObject({ drillId: ran.id, date: '2026-03-17' });
    expect(await data<{ held: { date: string } }>(core.call('eval.get', { drillId: ran.id }))).toMatchObject({ held: { date: '2026-03-17' }, drill: { date: '2026-03-10' } });
    expect(await data<{ held: { date: string } }>(core.call('eval.get', { drillId: other.id }))).toMatchObject({ held: { date: '2026-03-15', startTime: '09:00', endTime: '11:30', ran: false } });

    // The evaluation report says when it took place, and quotes the 整改 item the ledger holds for a problem.
    const finding = await data<{ id: string }>(core.call('finding.save', { drillId: ran.id, finding: { kind: 'problem', title: '信息报告时限不明确', detail: '', criterionId: null, injectIds: [], observationIds: [], clauses: [], unit: '事发地街道办事处' } }));
    const item = { findingId: finding.id, drillId: ran.id, description: '明确信息报告时限', measure: '修订预案4.1', category: '', unit: '区应急管理局', owner: '', deadline: '2026-04-30', needsPlanChange: false, clauses: [] };
    await data(core.call('item.save', { item }));
    const file = await data<{ dataBase64: string }>(core.call('eval.export-report', { drillId: ran.id, kind: '评估报告' }));
    const texts = paragraphs((await unzipDocx(Buffer.from(file.dataBase64, 'base64'))).document).map((p) => p.text);
    expect(texts.find((t) => t.startsWith('演练时间'))).toMatch(/^演练时间：?2026年3月17日/);
    expect(texts).toContain('1.针对“信息报告时限不明确”，由区应急管理局修订预案4.1，于2026年4月30日前完成。');
    // Ended before any inject went out: every inject of the script counts as not reached.
    expect(texts.some((t) => t.includes(`计划情景${script.injects.length}个，其中演练结束时未执行${script.injects.length}个`))).toBe(true);
  });

  it('gives a drill run early the same day and hours in the 评估报告, the 总结报告, the 整改清单 and every page', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // Planned for 15 December 09:00–11:30; its clock started on 30 November at 14:05 and ended at 15:40 (Beijing).
      const clock = fixedClock('2026-11-30T06:05:00Z');
      const core = await makeCore({ clock });
      const { plan } = await setup(core);
      const drill = await data<Drill>(core.call('drill.create', { ...entry(plan.id), name: '危化品泄漏综合演练', date: '2026-12-15' }));
      const script = await data<Script>(core.call('script.generate', { drillId: drill.id, planId: plan.id }));
      await data(core.call('script.save', { drillId: drill.id, script }));
      await data(core.call('run.log', { drillId: drill.id, type: 'clock.start' }));
      // Under way: the 工作台 no longer lists it as coming up on 15 December, and its pages say it has started.
      const home = await data<{ upcomingDrills: { drillId: string }[] }>(core.call('home.summary', {}));
      expect(home.upcomingDrills.map((d) => d.drillId)).not.toContain(drill.id);
      expect((await data<{ held: unknown }>(core.call('drill.get', { id: drill.id }))).held).toEqual({ date: '2026-11-30', startTime: '14:05', endTime: null, ran: true });
      clock.advance(95 * 60_000);
      await data(core.call('run.log', { drillId: drill.id, type: 'clock.end' }));

      const held = { date: '2026-11-30', startTime: '14:05', endTime: '15:40', ran: true };
      expect((await data<{ held: unknown }>(core.call('drill.get', { id: drill.id }))).held).toEqual(held);
      expect((await data<{ held: unknown }>(core.call('eval.get', { drillId: drill.id }))).held).toEqual(held);
      expect((await data<{ id: string; held: unknown }[]>(core.call('drill.list', {}))).find((d) => d.id === drill.id)?.held).toEqual(held);

      await data(core.call('item.save', { item: { findingId: null, drillId: drill.id, description: '应急物资清单未更新', measure: '', category: '', unit: '区应急管理局', owner: '', deadline: '2026-12-31', needsPlanChange: false, clauses: [] } }));
      const textOf = async (file: ReturnType<Core['call']>) => paragraphs((await unzipDocx(Buffer.from((await data<{ dataBase64: string }>(file)).dataBase64, 'base64'))).document).map((p) => p.text);
      for (const kind of ['评估报告', '总结报告'] as const) {
        const texts = await textOf(core.call('eval.export-report', { drillId: drill.id, kind }));
        expect(texts.find((t) => t.startsWith('演练时间')), kind).toMatch(/^演练时间：?2026年11月30日 14:05—15:40$/);
      }
      const ledger = (await textOf(core.call('item.export-docx', {}))).join('\n');
      expect(ledger).toContain('来源：2026年11月30日危化品泄漏综合演练');
      expect(ledger).not.toContain('2026年12月15日');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
