// Script checks and ordering, and “从预案生成” on real plans built from the shipped templates.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScript, spreadOffsets } from '../../electron/core/domain/drills/generate-script';
import { leadUnit, summary } from '../../electron/core/domain/drills/plan-text';
import { checkScript, injectNumbers, moveInject, orderInjects } from '../../electron/shared/script-checks';
import { createPlanFromTemplate } from '../../electron/core/domain/plans/create-plan';
import { findTemplate, loadTemplates } from '../../electron/core/templates/load-templates';
import { DOC_SCHEMA, list, paragraph, text, type PlanDocument, type PlanSection } from '../../electron/shared/doc-model';
import type { DrillTiming } from '../../electron/shared/drill-window';
import { AppError } from '../../electron/shared/errors';
import { scriptSchema, type Inject, type InjectTime, type Script } from '../../electron/shared/schemas/drill';
import type { DistrictProfile } from '../../electron/shared/schemas/profile';

// ---- checks ---------------------------------------------------------------------------------------

function inject(id: string, phaseId: string, time: InjectTime, more: Partial<Inject> = {}): Inject {
  return { id, phaseId, time, scene: '', info: '', sender: '导演组', receiver: '区应急管理局', method: '电话', expectedAction: '组织会商', clauseLinks: [], controller: '', narration: '', ...more };
}
const rel = (offsetSec: number): InjectTime => ({ mode: 'relative', offsetSec });
const clock = (c: string): InjectTime => ({ mode: 'clock', clock: c });
const twoPhases = (...injects: Inject[]): Script => ({ phases: [{ id: 'p1', name: '预警' }, { id: 'p2', name: '处置' }], injects, roster: [] });
/** A drill from 9:00 with no end time: only the start bounds the script. */
const OPEN: DrillTiming = { startTime: '09:00', endTime: null };
const MORNING: DrillTiming = { startTime: '09:00', endTime: '11:30' };

describe('checkScript', () => {
  it('passes a well-formed script', () => {
    expect(checkScript(twoPhases(inject('a', 'p1', rel(0)), inject('b', 'p1', rel(300)), inject('c', 'p2', rel(60)), inject('d', 'p2', rel(60))), OPEN)).toEqual([]);
  });

  it('flags a relative time earlier than the previous inject of the same phase, naming that time', () => {
    const issues = checkScript(twoPhases(inject('a', 'p1', rel(300)), inject('x', 'p2', rel(0)), inject('b', 'p1', rel(120)), inject('c', 'p1', rel(200))), OPEN);
    expect(issues).toEqual([{ injectId: 'b', field: 'time', message: '时间早于同一阶段的上一条注入（T+05:00）' }]);
  });

  it('compares clock-time injects by time of day among themselves, never with relative ones', () => {
    const issues = checkScript(twoPhases(inject('a', 'p1', clock('10:00')), inject('b', 'p1', rel(0)), inject('c', 'p1', clock('09:30:30')), inject('d', 'p1', rel(7200)), inject('e', 'p1', clock('09:45'))), OPEN);
    expect(issues).toEqual([{ injectId: 'c', field: 'time', message: '时刻早于同一阶段的上一条注入（10:00）' }]);
  });

  it('asks for a receiver and an expected action, and for a phase that exists', () => {
    const issues = checkScript(twoPhases(inject('a', 'p1', rel(0), { receiver: '  ', expectedAction: '' }), inject('b', 'gone', rel(0))), OPEN);
    expect(issues).toEqual([
      { injectId: 'a', field: 'receiver', message: '未填写接收方' },
      { injectId: 'a', field: 'expectedAction', message: '未填写预期处置行动' },
      { injectId: 'b', field: 'phaseId', message: '所属阶段不存在，请重新选择阶段' },
    ]);
  });

  it('flags at the inject a time after the drill’s end, by offset or clock, and a clock time before its start', () => {
    const script = twoPhases(
      inject('end', 'p1', rel(9000)),
      inject('late', 'p1', rel(12600)),
      inject('clock-end', 'p2', clock('11:30')),
      inject('clock-late', 'p2', clock('12:00:30')),
      inject('early', 'p2', clock('08:30')),
    );
    expect(checkScript(script, MORNING)).toEqual([
      { injectId: 'late', field: 'time', message: '计划时间 T+3:30:00（12:30）晚于演练结束时间 11:30' },
      { injectId: 'clock-late', field: 'time', message: '时刻 12:00:30 晚于演练结束时间 11:30' },
      { injectId: 'early', field: 'time', message: '时刻早于同一阶段的上一条注入（12:00:30）' },
      { injectId: 'early', field: 'time', message: '时刻 8:30 早于演练开始时间 9:00' },
    ]);
    // Without an end time only the start bounds the script.
    expect(checkScript(script, OPEN).filter((i) => i.message.includes('演练'))).toEqual([{ injectId: 'early', field: 'time', message: '时刻 8:30 早于演练开始时间 9:00' }]);
  });

  it('reads an end before the start (a drill saved before the end had to follow the start) as the next morning, and asks for T+ times there', () => {
    const night: DrillTiming = { startTime: '22:00', endTime: '02:00' };
    const script = twoPhases(inject('a', 'p1', rel(3 * 3600)), inject('b', 'p1', rel(5 * 3600)), inject('c', 'p2', clock('23:30')), inject('d', 'p2', clock('01:00')));
    expect(checkScript(script, night)).toEqual([
      { injectId: 'b', field: 'time', message: '计划时间 T+5:00:00（3:00）晚于演练结束时间 2:00' },
      { injectId: 'd', field: 'time', message: '时刻早于同一阶段的上一条注入（23:30）' },
      { injectId: 'd', field: 'time', message: '时刻 1:00 早于演练开始时间 22:00（跨午夜的演练请改用 T+ 时间）' },
    ]);
  });
});

describe('ordering helpers', () => {
  const s = twoPhases(inject('b2', 'p2', rel(600)), inject('a2', 'p1', rel(900)), inject('o', 'gone', rel(0)), inject('k', 'p1', clock('10:00')), inject('a1', 'p1', rel(60)), inject('k0', 'p1', clock('09:00')), inject('b1', 'p2', rel(0)));

  it('numbers injects by script position', () => {
    expect([...injectNumbers(s)]).toEqual([['b2', 1], ['a2', 2], ['o', 3], ['k', 4], ['a1', 5], ['k0', 6], ['b1', 7]]);
  });

  it('groups by phase, sorts each kind of time in place, and then passes the time check', () => {
    const ordered = orderInjects(s);
    expect(ordered.injects.map((i) => i.id)).toEqual(['a1', 'k0', 'a2', 'k', 'b1', 'b2', 'o']);
    expect(checkScript(ordered, OPEN).filter((i) => i.field === 'time')).toEqual([]);
    expect(orderInjects(ordered)).toEqual(ordered);
  });

  it('moves an inject to a position', () => {
    expect(moveInject(s, 'b1', 0).injects.map((i) => i.id)).toEqual(['b1', 'b2', 'a2', 'o', 'k', 'a1', 'k0']);
    expect(moveInject(s, 'b2', 99).injects.map((i) => i.id)).toEqual(['a2', 'o', 'k', 'a1', 'k0', 'b1', 'b2']);
    expect(moveInject(s, 'none', 0)).toBe(s);
  });
});

// ---- generation -----------------------------------------------------------------------------------

const { templates, problems } = loadTemplates(path.resolve(import.meta.dirname, '..', '..', 'templates'));
const PROFILE: DistrictProfile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '小店区应急管理局', departments: [] };

function planFrom(id: string, revision: string): PlanDocument {
  const t = findTemplate(templates, id, revision);
  if (!t) throw new Error(`${id} ${revision} not loaded: ${JSON.stringify(problems)}`);
  let n = 0;
  return createPlanFromTemplate(t, PROFILE, 'decimal', () => `s${++n}`).doc;
}

const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
const sectionId = (doc: PlanDocument, clauseId: string) => {
  const s = doc.sections.find((x) => x.lineage?.clauseId === clauseId);
  if (!s) throw new Error(`no clause ${clauseId}`);
  return s.id;
};
const stripLineage = (doc: PlanDocument): PlanDocument => ({ ...doc, sections: doc.sections.map(({ lineage: _lineage, ...s }) => s) });
const phaseOf = (script: Script, i: Inject) => script.phases.find((p) => p.id === i.phaseId)?.name;

describe('generateScript from the forest-fire 2024 plan', () => {
  const doc = planFrom('forest-fire', '2024');
  const script = generateScript(doc, 'plan-1', ids('g'));
  const levelInject = (label: string) => script.injects.find((i) => i.scene.includes(`${label}级响应`))!;

  it('is a valid script with the five phases in order', () => {
    expect(scriptSchema.parse(script)).toEqual(script);
    expect(script.phases.map((p) => p.name)).toEqual(['预警', '响应启动', '处置', '扩大响应', '响应结束']);
    expect(checkScript(script, OPEN)).toEqual([]);
    const all = [...script.phases.map((p) => p.id), ...script.injects.map((i) => i.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('has an inject for each response level, lowest first, linked to its trigger, procedure and measures', () => {
    const levels = ['Ⅳ', 'Ⅲ', 'Ⅱ', 'Ⅰ'].map(levelInject);
    expect(levels.every(Boolean)).toBe(true);
    const order = levels.map((l) => script.injects.indexOf(l));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(levels.map((l) => phaseOf(script, l))).toEqual(['响应启动', '扩大响应', '扩大响应', '扩大响应']);
    [4, 3, 2, 1].forEach((n, k) => {
      expect(levels[k]!.clauseLinks).toEqual(['trigger', 'procedure', 'measures'].map((part) => ({ planId: 'plan-1', sectionId: sectionId(doc, `response.level-${n}.${part}`) })));
    });
  });

  it('describes the start condition in the scenario and takes the action from the measures', () => {
    const iv = levelInject('Ⅳ');
    expect(iv.scene).toBe('Ⅳ级响应启动');
    expect(iv.info.startsWith('事态发展：过火面积1公顷以上10公顷以下的森林火灾')).toBe(true);
    expect(iv.info).not.toContain('符合下列条件之一');
    expect([...iv.info.replace('事态发展：', '')].length).toBeLessThanOrEqual(120);
    expect(iv.expectedAction.split('\n')).toEqual([
      '区森林草原防灭火指挥部办公室组织会商研判后提出启动建议，由常务副指挥长决定启动Ⅳ级响应，并报告指挥长。',
      '区森林草原防灭火指挥部办公室进入应急状态，加强火情监测、会商研判和信息调度。',
      '常务副指挥长或者副指挥长率工作组赶赴火场，指导事发地街道（乡镇）组织扑救。',
      '调派区专业扑火队伍、消防救援力量和事发地半专业扑火队伍参加扑救。',
    ]);
    expect(iv.receiver).toBe('区森林草原防灭火指挥部办公室');
    const iii = levelInject('Ⅲ');
    expect(iii.scene).toBe('升级为Ⅲ级响应');
    expect(iii.info.startsWith('事态升级：')).toBe(true);
    // “在Ⅳ级响应措施的基础上，采取以下措施：” only introduces the list.
    expect(iii.expectedAction).not.toContain('采取以下措施');
    expect(levelInject('Ⅱ').receiver).toBe('区森林草原防灭火指挥部');
    expect(levelInject('Ⅰ').receiver).toBe('区人民政府');
  });

  it('draws warning, first-response, on-site, expansion and termination injects from their clauses', () => {
    const byScene = (scene: string) => script.injects.find((i) => i.scene === scene)!;
    const linked = (scene: string) => byScene(scene).clauseLinks.map((l) => l.sectionId);
    expect(linked('预警发布')).toEqual([sectionId(doc, 'warning.release')]);
    expect(linked('预警响应')).toEqual([sectionId(doc, 'warning.measures')]);
    expect(linked('信息报告')).toEqual([sectionId(doc, 'reporting.time')]);
    expect(linked('先期处置')).toEqual([sectionId(doc, 'response.initial')]);
    expect(linked('扑救火灾')).toEqual([sectionId(doc, 'response.onsite.suppression')]);
    expect(linked('扑火安全')).toEqual([sectionId(doc, 'response.onsite.safety')]);
    expect(linked('扩大响应')).toEqual([sectionId(doc, 'response.expand')]);
    expect(linked('响应终止')).toEqual([sectionId(doc, 'response.termination')]);
    expect(byScene('先期处置').receiver).toBe('事发地街道（乡镇）');
    expect(byScene('预警发布').receiver).toBe('区森林草原防灭火指挥部办公室');
    expect(byScene('响应终止').receiver).toBe('区应急管理局');
    expect(phaseOf(script, byScene('响应终止'))).toBe('响应结束');
    expect(script.injects.every((i) => i.sender === '导演组' && i.method === '电话' && i.clauseLinks.length > 0)).toBe(true);
  });

  it('spaces injects 10 minutes apart within a phase and 20 between phases', () => {
    const times = script.injects.map((i) => (i.time.mode === 'relative' ? i.time.offsetSec : NaN));
    expect(times[0]).toBe(0);
    script.injects.slice(1).forEach((inj, k) => {
      const gap = times[k + 1]! - times[k]!;
      expect(gap).toBe(inj.phaseId === script.injects[k]!.phaseId ? 600 : 1200);
    });
  });

  it('spreads the injects over the drill’s window in the same order, a step apart and two between phases', () => {
    const fitted = generateScript(doc, 'plan-1', ids('g'), MORNING);
    expect(fitted.injects.map((i) => [phaseOf(fitted, i), i.scene])).toEqual(script.injects.map((i) => [phaseOf(script, i), i.scene]));
    const times = fitted.injects.map((i) => (i.time.mode === 'relative' ? i.time.offsetSec : NaN));
    const step = times[1]! - times[0]!;
    // 150 minutes for 21 steps and one after the last inject: six whole minutes.
    expect(step).toBe(6 * 60);
    fitted.injects.slice(1).forEach((inj, k) => expect(times[k + 1]! - times[k]!).toBe(inj.phaseId === fitted.injects[k]!.phaseId ? step : 2 * step));
    expect(times.at(-1)!).toBeLessThanOrEqual(150 * 60 - step);
    expect(checkScript(fitted, MORNING)).toEqual([]);
    // Without the window the same plan runs to T+3:30:00, an hour past 11:30: the check says so at the last inject.
    expect(checkScript(script, MORNING).map((i) => i.message).at(-1)).toBe('计划时间 T+3:30:00（12:30）晚于演练结束时间 11:30');
  });

  it('keeps a quarter of an hour between injects in a long day, and fits a drill saved through midnight', () => {
    const day = generateScript(doc, 'plan-1', ids('g'), { startTime: '08:00', endTime: '18:00' });
    expect(day.injects[1]!.time).toEqual({ mode: 'relative', offsetSec: 15 * 60 });
    const night = generateScript(doc, 'plan-1', ids('g'), { startTime: '23:00', endTime: '01:30' });
    expect(night.injects.map((i) => i.time)).toEqual(generateScript(doc, 'plan-1', ids('g'), MORNING).injects.map((i) => i.time));
  });

  it('refuses a window too short for two-minute steps, naming the end time that would do', () => {
    const short: DrillTiming = { startTime: '09:00', endTime: '09:30' };
    let refusal: unknown;
    try {
      generateScript(doc, 'plan-1', ids('g'), short);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const message = (refusal as AppError).message;
    expect(message).toMatch(/^演练时间 9:00—9:30 只有 30 分钟，排不下从预案生成的 18 条注入（.*共需 44 分钟）。请在演练信息中把结束时间改到 9:44 或更晚，再从预案生成。$/);
    const enough = generateScript(doc, 'plan-1', ids('g'), { startTime: '09:00', endTime: '09:44' });
    expect(enough.injects[1]!.time).toEqual({ mode: 'relative', offsetSec: 2 * 60 });
    expect(checkScript(enough, { startTime: '09:00', endTime: '09:44' })).toEqual([]);
    // A plan with nothing to drill fits any window; the same day without an end time gets the usual steps.
    expect(spreadOffsets([], short)).toEqual([]);
    expect(spreadOffsets(['预警', '预警', '处置'], OPEN)).toEqual([0, 600, 1800]);
    expect(() => spreadOffsets(['预警'], { startTime: '09:00', endTime: '09:00' })).toThrow('只有 0 分钟');
  });

  it('finds the same sections by heading text when the plan has no lineage', () => {
    const plain = generateScript(stripLineage(doc), 'plan-1', ids('g'));
    const summaryOf = (s: Script) => s.injects.map((i) => [phaseOf(s, i), i.scene, i.clauseLinks.map((l) => l.sectionId)]);
    expect(summaryOf(plain)).toEqual(summaryOf(script));
  });
});

describe('generateScript on other plans', () => {
  it.each(templates.map((t) => [t.meta.id, t.meta.revision] as const))('%s %s yields all four levels and a clean script', (id, revision) => {
    const doc = planFrom(id, revision);
    const script = generateScript(doc, 'p', ids('x'));
    expect(scriptSchema.safeParse(script).success).toBe(true);
    expect(checkScript(script, OPEN)).toEqual([]);
    for (const n of [4, 3, 2, 1]) {
      expect(script.injects.some((i) => i.clauseLinks.some((l) => l.sectionId === sectionId(doc, `response.level-${n}.measures`)))).toBe(true);
    }
  });

  it('reads a plan with numbered headings, Chinese level numerals and labelled paragraphs', () => {
    let n = 0;
    const sec = (level: 1 | 2 | 3, title: string, ...body: PlanSection['body']): PlanSection => ({ id: `h${++n}`, level, kind: 'body', title, body });
    const doc: PlanDocument = {
      schema: DOC_SCHEMA,
      numbering: 'official',
      placeholders: [],
      sections: [
        sec(1, '一、预警'),
        sec(2, '（一）预警发布', paragraph([text('区气象局发布暴雨预警。')])),
        sec(2, '（二）四级预警', paragraph([text('蓝色预警。')])),
        sec(1, '二、应急响应'),
        sec(2, '（一）先期处置', paragraph([text('事发后，区住房城乡建设局立即组织抢险。')])),
        sec(2, '（二）四级应急响应', paragraph([text('1. 启动条件：出现积水。')]), paragraph([text('2. 响应措施：')]), list('number', [[text('区城市管理局组织排水。')], [text('各街道巡查。')]])),
        sec(2, '（三）三级应急响应', paragraph([text('启动条件：积水扩大。')])),
        sec(3, '1. 响应措施', paragraph([text('区应急管理局统一调度。')])),
        sec(2, '（四）应急结束', paragraph([text('险情消除后宣布结束。')])),
        { ...sec(1, '附件 流程图'), kind: 'annex' },
      ],
    };
    const script = generateScript(doc, 'p', ids('y'));
    expect(script.phases.map((p) => p.name)).toEqual(['预警', '响应启动', '处置', '扩大响应', '响应结束']);
    expect(script.injects.map((i) => [i.scene, i.receiver, i.clauseLinks.map((l) => l.sectionId)])).toEqual([
      ['预警发布', '区气象局', ['h2']],
      ['Ⅳ级响应启动', '区城市管理局', ['h6']],
      ['先期处置', '区住房城乡建设局', ['h5']],
      ['升级为Ⅲ级响应', '区应急管理局', ['h7', 'h8']],
      ['响应终止', '区应急管理局', ['h9']],
    ]);
    expect(script.injects[1]!.info).toBe('事态发展：出现积水。');
    expect(script.injects[1]!.expectedAction).toBe('区城市管理局组织排水。\n各街道巡查。');
    expect(script.injects[3]!.info).toBe('事态升级：积水扩大。');
    expect(checkScript(script, OPEN)).toEqual([]);
  });

  it('gives an empty script for a plan with nothing to drill', () => {
    const doc: PlanDocument = { schema: DOC_SCHEMA, numbering: 'official', placeholders: [], sections: [{ id: 'a', level: 1, kind: 'body', title: '总则', body: [paragraph([text('目的。')])] }] };
    expect(generateScript(doc, 'p', ids('z'))).toEqual({ phases: [], injects: [], roster: [] });
  });
});

describe('plan text helpers', () => {
  it.each([
    ['区森林草原防灭火指挥部办公室进入应急状态。', '区森林草原防灭火指挥部办公室'],
    ['森林草原火灾发生后，事发地街道（乡镇）和林区经营单位应当立即组织扑救。', '事发地街道（乡镇）'],
    ['蓝色预警由区森林草原防灭火指挥部办公室会同区气象局会商后发布。', '区森林草原防灭火指挥部办公室'],
    ['区自然资源局、区气象局建立会商机制。', '区自然资源局'],
    ['指挥长赶赴火场，成立现场指挥部，统一指挥。', null],
    ['扑救森林草原火灾以国家综合性消防救援队伍为主要力量。', null],
    ['任何单位和个人发现火情，应当立即报告。', null],
    ['责令有关生产经营单位立即采取停产停业措施。', null],
    ['医疗救治组在事故现场设立临时救护点。', '医疗救治组'],
    ['常务副指挥长或者副指挥长率工作组赶赴火场。', null],
  ])('leadUnit(%j) = %j', (line, unit) => {
    expect(leadUnit(line)).toBe(unit);
  });

  it('summarises whole statements within the limit, cutting only a first one that is too long', () => {
    expect(summary('符合下列条件之一的：\n甲情况。\n乙情况。', 5)).toBe('甲情况。');
    expect(summary('很长'.repeat(100), 11)).toBe(`${'很长'.repeat(5)}…`);
  });
});
