// 评估报告, 总结报告 and the 印发通知 in GB/T 9704 layout, built from a hand-made evaluation and checked in the unzipped XML.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Drill, RunEvent, Script } from '../../electron/shared/schemas/drill';
import type { CriteriaSet, EvaluationReport, EvaluatorForm, Finding } from '../../electron/shared/schemas/evaluation';
import { generateScript } from '../../electron/core/domain/drills/generate-script';
import { loadCriteriaSets } from '../../electron/core/domain/evaluation/criteria';
import { combineScores } from '../../electron/core/domain/evaluation/scores';
import { analyseTimeline } from '../../electron/core/domain/evaluation/timeline';
import { exportEvaluationReportDocx } from '../../electron/core/export/report-docx';
import { exportNoticeDocx } from '../../electron/core/export/notice-docx';
import { forestFirePlan } from '../fixtures/forest-fire-plan';
import { attr, eastAsiaFont, element, elements, paragraphs, textOf, unzipDocx, type DocxParts } from '../helpers/docx';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'test-results', 'exports');

async function save(name: string, buffer: Buffer): Promise<DocxParts> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, `${name}.docx`), buffer); // for people to open and look at
  return unzipDocx(buffer);
}

// ---- a drill evaluated by hand ------------------------------------------------------------------------

const drill: Drill = {
  id: 'drill-1',
  name: '小店区2025年森林火灾综合应急演练',
  form: 'combined',
  scope: 'comprehensive',
  purpose: 'test',
  hazard: '森林火灾',
  keyIndustry: false,
  majorNaturalDisaster: true,
  planLinks: [{ planId: 'plan-1', sectionIds: ['s-1', 's-2'] }],
  objectives: ['检验森林火灾信息报告和预警发布流程', '检验区森林防灭火指挥部各工作组协同处置能力'],
  date: '2025-04-08',
  startTime: '09:00',
  endTime: '11:30',
  place: '小店区孙家寨村东山林场',
  organizer: '太原市小店区应急管理局',
  participants: ['区应急管理局', '区规划和自然资源局', '区消防救援大队', '孙家寨乡人民政府', '区卫生健康局'],
  notes: '',
  status: 'conducted',
  createdAt: '2025-02-01T08:00:00.000Z',
  updatedAt: '2025-04-08T12:00:00.000Z',
};

function script(): Script {
  let n = 0;
  const s = generateScript(forestFirePlan().doc, 'plan-1', () => `id-${String(++n).padStart(4, '0')}`);
  s.injects = s.injects.slice(0, 6);
  s.roster = [
    { id: 'r1', role: '总指挥', name: '张建国', unit: '太原市小店区人民政府', contact: '0351-7000001' },
    { id: 'r2', role: '导演', name: '李娜', unit: '太原市小店区应急管理局', contact: '13800000002' },
    { id: 'r3', role: '评估组', name: '赵敏', unit: '太原市应急管理局', contact: '13800000004' },
    { id: 'r4', role: '评估组', name: '孙伟', unit: '区消防救援大队', contact: '13800000005' },
  ];
  return s;
}

/** The run: injects delivered 0, 40, 80 … seconds late (the third flagged late), the fifth skipped, an action after each. */
function events(s: Script): RunEvent[] {
  const at = (sec: number) => new Date(new Date(2025, 3, 8, 9, 0, 0).getTime() + sec * 1000).toISOString();
  const log: Omit<RunEvent, 'seq' | 'id'>[] = [{ drillId: 'drill-1', type: 'clock.start', at: at(0), injectId: null, text: '', tags: [], actor: '李娜', delaySec: null }];
  s.injects.forEach((inj, i) => {
    const planned = inj.time.mode === 'relative' ? inj.time.offsetSec : i * 300;
    if (i === 4) return log.push({ drillId: 'drill-1', type: 'inject.skipped', at: at(planned + 5), injectId: inj.id, text: '', tags: [], actor: '李娜', delaySec: null });
    log.push({ drillId: 'drill-1', type: i === 2 ? 'inject.late' : 'inject.delivered', at: at(planned + i * 40), injectId: inj.id, text: '', tags: [], actor: '李娜', delaySec: null });
    log.push({ drillId: 'drill-1', type: 'action', at: at(planned + i * 40 + 90), injectId: inj.id, text: '处置', tags: [], actor: '赵敏', delaySec: null });
  });
  const last = Date.parse(log[log.length - 1]!.at) / 1000 - new Date(2025, 3, 8, 9, 0, 0).getTime() / 1000;
  log.push({ drillId: 'drill-1', type: 'clock.end', at: at(last + 60), injectId: null, text: '', tags: [], actor: '李娜', delaySec: null });
  return log.map((e, i) => ({ ...e, id: `e${i + 1}`, seq: i + 1 }));
}

/** Two evaluators: full marks or 达到 from one, a little less from the other; the last criterion left blank. */
function forms(set: CriteriaSet): EvaluatorForm[] {
  const answer = (strict: boolean) =>
    set.criteria.slice(0, -1).map((c) => {
      const value = c.scale.kind === 'score' ? (strict ? c.scale.max - 2 : c.scale.max) : (c.scale.levels[strict ? 1 : 0]?.label ?? null);
      return { criterionId: c.id, value, note: '' };
    });
  return [
    { id: 'f1', evaluator: '赵敏', unit: '太原市应急管理局', answers: answer(false) },
    { id: 'f2', evaluator: '孙伟', unit: '区消防救援大队', answers: answer(true) },
  ];
}

const finding = (id: string, kind: Finding['kind'], title: string, detail: string, criterionId: string | null, unit = ''): Finding => ({
  id,
  drillId: 'drill-1',
  createdAt: '2025-04-08T12:00:00.000Z',
  kind,
  title,
  detail,
  criterionId,
  injectIds: [],
  observationIds: [],
  clauses: kind === 'problem' ? [{ planId: 'plan-1', sectionId: 's-1' }] : [],
  unit,
});

function report(): EvaluationReport {
  const { sets } = loadCriteriaSets(path.join(ROOT, 'templates', 'criteria'));
  const criteria = sets.find((s) => s.id === 'drill-default')!;
  const s = script();
  const log = events(s);
  const f = forms(criteria);
  return {
    drill,
    criteria,
    forms: f,
    conclusion: '',
    scores: combineScores(criteria, f),
    timeline: analyseTimeline(s, log, drill.date, drill.startTime),
    findings: [
      finding('f-1', 'strength', '接报后指挥部启动迅速', '区森林防灭火指挥部在接报后10分钟内完成启动。', 'command-setup'),
      finding('f-2', 'problem', '预警信息发布渠道单一', '仅通过电话通知村委会，未使用应急广播。', 'alert-report', '区应急管理局'),
      finding('f-3', 'problem', '医疗救护组到场时间偏晚', '', null, '区卫生健康局'),
    ],
    events: log,
    script: s,
  };
}

// ---- shared expectations -------------------------------------------------------------------------------

function expectGbtPage(parts: DocxParts): void {
  const sections = elements(parts.document, 'w:sectPr');
  expect(sections).toHaveLength(1);
  const s = sections[0]!;
  const size = element(s, 'w:pgSz');
  expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual(['11906', '16838']);
  const m = element(s, 'w:pgMar');
  expect([attr(m, 'w:top'), attr(m, 'w:bottom'), attr(m, 'w:left'), attr(m, 'w:right')]).toEqual(['2098', '1984', '1587', '1474']);
  expect(attr(element(s, 'w:docGrid'), 'w:linePitch')).toBe('579');
  expect(eastAsiaFont(parts.styles, 'Normal')).toBe('仿宋_GB2312');
  expect(eastAsiaFont(parts.styles, 'Title')).toBe('方正小标宋简体');
  expect(eastAsiaFont(parts.styles, 'Heading1')).toBe('黑体');
  expect(eastAsiaFont(parts.styles, 'Heading2')).toBe('楷体_GB2312');
  expect(eastAsiaFont(parts.styles, 'TableHeader')).toBe('黑体');
}

const headings = (parts: DocxParts, style: string) => paragraphs(parts.document).filter((p) => p.style === style).map((p) => p.text);

/** Header row repeated and rows whole; columns adding up to the portrait 版心. */
function expectTable(tbl: string, headers: string[]): string[][] {
  const rows = elements(tbl, 'w:tr');
  expect(element(rows[0]!, 'w:tblHeader')).toBe('<w:tblHeader/>');
  expect(elements(rows[0]!, 'w:tc').map(textOf)).toEqual(headers);
  for (const r of rows) expect(r).toContain('<w:cantSplit/>');
  expect(elements(tbl, 'w:gridCol').reduce((a, g) => a + Number(attr(g, 'w:w')), 0)).toBe(8845);
  return rows.slice(1).map((r) => elements(r, 'w:tc').map(textOf));
}

// ---- 评估报告 -------------------------------------------------------------------------------------------

describe('exportEvaluationReportDocx — 评估报告', () => {
  let parts: DocxParts;
  let r: EvaluationReport;
  beforeAll(async () => {
    r = report();
    parts = await save('evaluation-report', await exportEvaluationReportDocx(r, { kind: '评估报告', issuer: '小店区森林火灾综合应急演练评估组', date: '2025-04-18' }));
  });

  it('is an A4 GB/T 9704 page with the title and the official fonts', () => {
    expectGbtPage(parts);
    const first = paragraphs(parts.document)[0]!;
    expect(first.style).toBe('Title');
    expect(first.text).toBe('小店区2025年森林火灾综合应急演练评估报告');
  });

  it('has the five sections and the analysis sub-sections in order', () => {
    expect(headings(parts, 'Heading1')).toEqual(['一、演练基本情况', '二、评估过程', '三、情况分析', '四、改进意见建议', '五、评估结论']);
    expect(headings(parts, 'Heading2')).toEqual(['（一）亮点', '（二）问题', '（三）评估得分', '（四）情景执行情况']);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain('演练时间：2025年4月8日 9:00—11:30');
    expect(texts.some((t) => t.includes('《综合应急演练评估标准（默认）》') && t.includes('2名评估人'))).toBe(true);
    expect(texts).toContain('1.接报后指挥部启动迅速。区森林防灭火指挥部在接报后10分钟内完成启动。（评估项：指挥机构及时启动）');
    expect(texts.some((t) => t.startsWith('2.医疗救护组到场时间偏晚。') && t.includes('涉及单位：区卫生健康局'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1.针对“预警信息发布渠道单一”，建议区应急管理局'))).toBe(true);
    // No conclusion written: one sentence from the total and grade.
    const total = r.scores.total!.toFixed(1);
    expect(texts.some((t) => t.includes(`得分${total}分`) && t.includes(`“${r.scores.grade}”`))).toBe(true);
  });

  it('has the score table (one row per criterion and a total) and the inject timing table', () => {
    const [scores, timing] = elements(parts.document, 'w:tbl');
    const scoreRows = expectTable(scores!, ['评估项', '权重', '平均得分率', '评估人分歧', '得分']);
    expect(scoreRows).toHaveLength(r.criteria.criteria.length + 1);
    expect(scoreRows[scoreRows.length - 1]).toEqual(['合计', '100', '—', '—', r.scores.total!.toFixed(1)]);
    expect(scoreRows[scoreRows.length - 2]!.slice(2)).toEqual(['—', '—', '—']); // the criterion nobody answered
    const timingRows = expectTable(timing!, ['序号', '场景', '计划', '实际', '延迟', '响应用时', '状态']);
    expect(timingRows).toHaveLength(6);
    expect(timingRows[0]).toEqual(['1', r.script.injects[0]!.scene || '—', 'T+00:00', 'T+00:00', '准时', '1分30秒', '按时']);
    expect(timingRows[1]!.slice(4)).toEqual(['40秒', '1分30秒', '按时']);
    expect(timingRows[2]![6]).toBe('延迟');
    expect(timingRows[4]!.slice(3)).toEqual(['—', '—', '—', '未发送']);
  });

  it('ends with the 署名 and the 成文日期 written without leading zeros', () => {
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts.slice(-2)).toEqual(['小店区森林火灾综合应急演练评估组', '2025年4月18日']);
  });
});

// ---- 总结报告 -------------------------------------------------------------------------------------------

describe('exportEvaluationReportDocx — 总结报告', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await save('summary-report', await exportEvaluationReportDocx(report(), { kind: '总结报告', issuer: '太原市小店区应急管理局', date: '2025-04-25' }));
  });

  it('follows the 2009 指南 outline, with the plans tested and the 署名 and date', () => {
    expectGbtPage(parts);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts[0]).toBe('小店区2025年森林火灾综合应急演练总结报告');
    expect(headings(parts, 'Heading1')).toEqual(['一、演练概况', '二、预案概述', '三、发现的问题及原因', '四、经验教训', '五、改进建议']);
    expect(texts.some((t) => t.includes('检验应急预案1部') && t.includes('涉及预案条款2处'))).toBe(true);
    expect(texts.some((t) => t.startsWith('参演人员4名：') && t.includes('评估组赵敏、孙伟'))).toBe(true);
    expect(texts).toContain('1.接报后指挥部启动迅速。区森林防灭火指挥部在接报后10分钟内完成启动。（评估项：指挥机构及时启动）');
    expect(elements(parts.document, 'w:tbl')).toHaveLength(0);
    expect(texts.slice(-2)).toEqual(['太原市小店区应急管理局', '2025年4月25日']);
  });
});

// ---- 印发通知 -------------------------------------------------------------------------------------------

describe('exportNoticeDocx', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    const buffer = await exportNoticeDocx({
      issuerMark: '太原市小店区应急管理局文件',
      docNumber: '小应急发〔2025〕3号',
      title: '太原市小店区应急管理局关于印发小店区2025年森林火灾综合应急演练评估报告的通知',
      recipients: '各乡（街道）人民政府，区直有关单位',
      body: ['现将《小店区2025年森林火灾综合应急演练评估报告》印发给你们，请结合实际认真抓好问题整改。', '整改情况请于2025年5月31日前报区应急管理局。'],
      signer: '太原市小店区应急管理局',
      date: '2025-01-08',
      copyTo: '区委办公室，区人大常委会办公室，区政府办公室',
      printer: '太原市小店区应急管理局办公室',
      printDate: '2025-01-08',
      attachments: ['小店区2025年森林火灾综合应急演练评估报告', '小店区2025年森林火灾综合应急演练问题整改清单（含责任单位、整改措施和完成时限）'],
    });
    parts = await save('notice', buffer);
  });

  it('is an A4 GB/T 9704 page', () => expectGbtPage(parts));

  it('has a red 版头: the mark and the red rule under the 发文字号', () => {
    const ps = paragraphs(parts.document);
    expect(ps[0]!.text).toBe('太原市小店区应急管理局文件');
    for (const run of elements(ps[0]!.xml, 'w:r')) expect(attr(element(run, 'w:color'), 'w:val')).toMatch(/^(C00000|FF0000)$/);
    expect(attr(element(ps[0]!.xml, 'w:rFonts'), 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(element(ps[0]!.xml, 'w:jc') ?? element(parts.styles, 'w:jc'), 'w:val')).toBeDefined();
    expect(ps[1]!.text).toBe('小应急发〔2025〕3号');
    expect(attr(element(ps[1]!.xml, 'w:jc'), 'w:val')).toBe('center');
    const bottom = element(element(ps[2]!.xml, 'w:pBdr') ?? '', 'w:bottom');
    expect(attr(bottom, 'w:val')).toBe('single');
    expect(attr(bottom, 'w:color')).toMatch(/^(C00000|FF0000)$/);
    expect(Number(attr(bottom, 'w:sz'))).toBeGreaterThanOrEqual(8);
    expect(ps[2]!.text).toBe('');
  });

  it('centres the title, ends the 主送机关 with a full-width colon and aligns the 附件说明', () => {
    const ps = paragraphs(parts.document);
    const title = ps.find((p) => p.style === 'Title')!;
    expect(title.text).toContain('关于印发');
    const i = ps.indexOf(title);
    expect(ps[i + 1]!.text).toBe('各乡（街道）人民政府，区直有关单位：');
    expect(ps[i + 1]!.text.endsWith('：')).toBe(true);
    const first = ps.find((p) => p.text.startsWith('附件：'))!;
    expect(first.text).toBe('附件：1.小店区2025年森林火灾综合应急演练评估报告');
    const second = ps[ps.indexOf(first) + 1]!;
    expect(second.text).toBe('2.小店区2025年森林火灾综合应急演练问题整改清单（含责任单位、整改措施和完成时限）');
    // Both names start at the same left indent; the first line hangs back to two characters in.
    const ind = (p: string) => element(p, 'w:ind');
    expect(attr(ind(first.xml), 'w:left')).toBe(attr(ind(second.xml), 'w:left'));
    expect(Number(attr(ind(first.xml), 'w:left')) - Number(attr(ind(first.xml), 'w:hanging'))).toBe(630);
    expect(first.xml).toContain('<w:tab/>');
    expect(ps.map((p) => p.text)).toContain('2025年1月8日');
  });

  it('closes with the 版记: 抄送 and 印发 between rules 8 / 6 / 8, in 4号, floated to the foot of the 版心', () => {
    const tables = elements(parts.document, 'w:tbl');
    expect(tables).toHaveLength(1);
    const tbl = tables[0]!;
    const rows = elements(tbl, 'w:tr').map(textOf);
    expect(rows).toEqual(['抄送：区委办公室，区人大常委会办公室，区政府办公室。', '太原市小店区应急管理局办公室2025年1月8日印发']);
    const borders = element(tbl, 'w:tblBorders') ?? '';
    const sz = (side: string) => attr(element(borders, `w:${side}`), 'w:sz');
    expect([sz('top'), sz('insideH'), sz('bottom')]).toEqual(['8', '6', '8']);
    for (const side of ['left', 'right', 'insideV']) expect(attr(element(borders, `w:${side}`), 'w:val')).toBe('none');
    expect(attr(element(tbl, 'w:tblW'), 'w:w')).toBe('8845');
    expect(attr(element(tbl, 'w:tblpPr'), 'w:tblpYSpec')).toBe('bottom');
    expect(attr(element(tbl, 'w:tblpPr'), 'w:vertAnchor')).toBe('margin');
    // 抄送 wraps after its colon; the date sits one character in from the right.
    const copyInd = element(elements(tbl, 'w:p')[0]!, 'w:ind');
    expect([attr(copyInd, 'w:left'), attr(copyInd, 'w:hanging'), attr(copyInd, 'w:right')]).toEqual(['1120', '840', '280']);
    expect(attr(element(elements(tbl, 'w:p')[1]!, 'w:tab'), 'w:pos')).toBe('8565');
    expect(elements(tbl, 'w:p')[1]).toContain('<w:tab/>');
    expect(attr(element(element(elements(parts.styles, 'w:style').find((x) => x.includes('w:styleId="Colophon"')) ?? '', 'w:rPr') ?? '', 'w:sz'), 'w:val')).toBe('28');
    expect(eastAsiaFont(parts.styles, 'Colophon')).toBe('仿宋_GB2312');
  });
});
