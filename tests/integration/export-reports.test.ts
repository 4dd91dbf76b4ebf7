// 评估报告, 总结报告 and the 印发通知 in GB/T 9704 layout, built from a hand-made evaluation and checked in the unzipped XML.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../electron/shared/schemas/evaluation';
import { exportEvaluationReportDocx } from '../../electron/core/export/report-docx';
import { exportNoticeDocx } from '../../electron/core/export/notice-docx';
import { REPORT_OPTIONS, noticeInput } from '../fixtures/document-inputs';
import { forestFireEvaluation as report, improvementItem } from '../fixtures/forest-fire-drill';
import { analyseTimeline } from '../../electron/core/domain/evaluation/timeline';
import { combineScores } from '../../electron/core/domain/evaluation/scores';
import { duration } from '../../electron/shared/drill-clock';
import { attr, eastAsiaFont, element, elements, paragraphs, saveExport, textOf, unzipDocx, type DocxParts } from '../helpers/docx';
import { expectGbt9704Layout, expectGbtTable } from '../helpers/gbt9704-layout';

const headings = (parts: DocxParts, style: string) => paragraphs(parts.document).filter((p) => p.style === style).map((p) => p.text);

// ---- 评估报告 -------------------------------------------------------------------------------------------

describe('exportEvaluationReportDocx — 评估报告', () => {
  let parts: DocxParts;
  let r: EvaluationReport;
  beforeAll(async () => {
    r = report();
    parts = await saveExport('evaluation-report', await exportEvaluationReportDocx(r, REPORT_OPTIONS.evaluation));
  });

  it('is an A4 GB/T 9704 page with the title and the official fonts', () => {
    expectGbt9704Layout(parts, ['portrait']);
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
    // A problem with a 整改 item is suggested as the ledger records it, not as "建议{the finding's unit}制定整改措施".
    expect(texts).toContain('2.针对“医疗救护组到场时间偏晚”，由区应急管理局修订预案4.1，于2025年5月31日前完成。');
    expect(texts.some((t) => t.includes('建议区卫生健康局'))).toBe(false);
    // Every inject of the script is counted once: 6 = 1 on time + 4 late (delivered 40, 80, 120 and 200 s after their time; one flagged with L) + 1 skipped.
    expect(texts.some((t) => t.includes('计划情景6个，其中按时发送1个、延迟发送4个、跳过未发送1个；'))).toBe(true);
    // No conclusion written: one sentence from the total and grade.
    const total = r.scores.total!.toFixed(1);
    expect(texts.some((t) => t.includes(`得分${total}分`) && t.includes(`“${r.scores.grade}”`))).toBe(true);
  });

  it('has the score table (one row per criterion and a total) and the inject timing table', () => {
    const [scores, timing] = elements(parts.document, 'w:tbl');
    const scoreRows = expectGbtTable(scores!, 'portrait', ['评估项', '权重', '平均得分率', '评估人分歧', '得分']);
    expect(scoreRows).toHaveLength(r.criteria.criteria.length + 1);
    expect(scoreRows[scoreRows.length - 1]).toEqual(['合计', '100', '—', '—', r.scores.total!.toFixed(1)]);
    expect(scoreRows[scoreRows.length - 2]!.slice(2)).toEqual(['—', '—', '—']); // the criterion nobody answered
    const timingRows = expectGbtTable(timing!, 'portrait', ['序号', '场景', '计划', '实际', '延迟', '响应用时', '状态']);
    expect(timingRows).toHaveLength(6);
    expect(timingRows[0]).toEqual(['1', r.script.injects[0]!.scene || '—', 'T+00:00', 'T+00:00', '准时', '1分30秒', '按时']);
    // Delivered with D 40 s after its time: later than ON_TIME_TOLERANCE_SEC, so 延迟 whichever key logged it.
    expect(timingRows[1]!.slice(4)).toEqual(['40秒', '1分30秒', '延迟']);
    expect(timingRows[2]![6]).toBe('延迟');
    expect(timingRows[4]!.slice(3)).toEqual(['—', '—', '—', '未发送']);
  });

  it('counts the injects the drill ended before reaching, so the parts add up to the script; quotes several items of one problem', async () => {
    const r2 = report();
    // The drill ended before the last two injects: their entries are dropped from the log.
    const unreached = new Set(r2.script.injects.slice(4).map((i) => i.id));
    r2.timeline = analyseTimeline(r2.script, r2.events.filter((e) => !unreached.has(e.injectId ?? '')), r2.drill.date, r2.drill.startTime);
    r2.items.push(improvementItem('item-2', 'f-3', { unit: '区卫生健康局', measure: '', description: '组织急救人员集结演练。', deadline: '2025-06-30' }));
    const texts = paragraphs((await unzipDocx(await exportEvaluationReportDocx(r2, REPORT_OPTIONS.evaluation))).document).map((p) => p.text);
    expect(texts.some((t) => t.includes('计划情景6个，其中按时发送1个、延迟发送3个、演练结束时未执行2个；'))).toBe(true);
    expect(texts).toContain('2.针对“医疗救护组到场时间偏晚”，由区应急管理局修订预案4.1，于2025年5月31日前完成；由区卫生健康局组织急救人员集结演练，于2025年6月30日前完成。');
  });

  it('counts an inject delivered well before its time as 提前, and averages the delay over the late ones only', async () => {
    const r2 = report();
    // The first inject went out at T+00:00 but was planned for T+72:00: 1 h 12 min early.
    r2.script.injects[0]!.time = { mode: 'relative', offsetSec: 72 * 60 };
    r2.timeline = analyseTimeline(r2.script, r2.events, r2.drill.date, r2.drill.startTime);
    const doc = (await unzipDocx(await exportEvaluationReportDocx(r2, REPORT_OPTIONS.evaluation))).document;
    const texts = paragraphs(doc).map((p) => p.text);
    // Still adding up to the script's 6: 提前 1 + 延迟 4 + 跳过 1.
    const summary = texts.find((t) => t.includes('计划情景6个'))!;
    expect(summary).toContain('计划情景6个，其中提前发送1个、延迟发送4个、跳过未发送1个；');
    expect(summary).toContain(`延迟发送的情景平均延迟${duration(r2.timeline.meanDelayMs)}，最大延迟${duration(r2.timeline.maxDelayMs)}`);
    expect(r2.timeline.meanDelayMs).toBeGreaterThan(0);
    expect(summary).not.toContain('平均延迟提前');
    const timing = expectGbtTable(elements(doc, 'w:tbl')[1]!, 'portrait', ['序号', '场景', '计划', '实际', '延迟', '响应用时', '状态']);
    expect([timing[0]![4], timing[0]![6]]).toEqual(['提前1小时12分', '提前']);
  });

  it('rounds halves in 表1 up, and its 得分 column adds up to the 合计 and the conclusion', async () => {
    const r2 = report();
    const criterion = (id: string, weight: number) => ({ id, group: '', title: id, description: '', weight, scale: { kind: 'score' as const, max: 10 } });
    r2.criteria = { ...r2.criteria, criteria: [criterion('a', 5), criterion('b', 5), criterion('c', 90)] };
    const answers = (a: number, b: number, c: number) => [{ criterionId: 'a', value: a, note: '' }, { criterionId: 'b', value: b, note: '' }, { criterionId: 'c', value: c, note: '' }];
    r2.forms = [{ id: 'x1', evaluator: '甲', unit: '', answers: answers(6, 4.5, 5) }, { id: 'x2', evaluator: '乙', unit: '', answers: answers(7, 4.5, 5) }];
    r2.scores = combineScores(r2.criteria, r2.forms);
    const doc = (await unzipDocx(await exportEvaluationReportDocx(r2, REPORT_OPTIONS.evaluation))).document;
    const rows = expectGbtTable(elements(doc, 'w:tbl')[0]!, 'portrait', ['评估项', '权重', '平均得分率', '评估人分歧', '得分']);
    // (6+7)/2 of 10 × 5 = 3.25 and 4.5 of 10 × 5 = 2.25 both read x.x5 and round up alike.
    expect(rows.map((row) => row[4])).toEqual(['3.3', '2.3', '45.0', '50.6']);
    expect(paragraphs(doc).some((p) => p.text.includes('得分50.6分'))).toBe(true);
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
    parts = await saveExport('summary-report', await exportEvaluationReportDocx(report(), REPORT_OPTIONS.summary));
  });

  it('follows the 2009 指南 outline, with the plans tested and the 署名 and date', () => {
    expectGbt9704Layout(parts, ['portrait']);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts[0]).toBe('小店区2025年森林火灾综合应急演练总结报告');
    expect(headings(parts, 'Heading1')).toEqual(['一、演练概况', '二、预案概述', '三、发现的问题及原因', '四、经验教训', '五、改进建议']);
    expect(texts.some((t) => t.includes('检验应急预案1部') && t.includes('涉及预案条款2处'))).toBe(true);
    expect(texts.some((t) => t.startsWith('参演人员7名：') && t.includes('评估组赵敏、孙伟'))).toBe(true);
    expect(texts).toContain('1.接报后指挥部启动迅速。区森林防灭火指挥部在接报后10分钟内完成启动。（评估项：指挥机构及时启动）');
    expect(elements(parts.document, 'w:tbl')).toHaveLength(0);
    expect(texts.slice(-2)).toEqual(['太原市小店区应急管理局', '2025年4月25日']);
  });
});

// ---- 印发通知 -------------------------------------------------------------------------------------------

describe('exportNoticeDocx', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await saveExport('notice', await exportNoticeDocx(noticeInput()));
  });

  it('is an A4 GB/T 9704 page', () => expectGbt9704Layout(parts, ['portrait']));

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
    // On the foot of the 版心, its left edge on the 版心's, placed from the page (LibreOffice floats it only so).
    const float = element(tbl, 'w:tblpPr');
    expect([attr(float, 'w:vertAnchor'), attr(float, 'w:tblpYSpec')]).toEqual(['margin', 'bottom']);
    expect([attr(float, 'w:horzAnchor'), attr(float, 'w:tblpX')]).toEqual(['page', '1587']);
    // 抄送 wraps after its colon; the date sits one character in from the right.
    const copyInd = element(elements(tbl, 'w:p')[0]!, 'w:ind');
    expect([attr(copyInd, 'w:left'), attr(copyInd, 'w:hanging'), attr(copyInd, 'w:right')]).toEqual(['1120', '840', '280']);
    expect(attr(element(elements(tbl, 'w:p')[1]!, 'w:tab'), 'w:pos')).toBe('8565');
    expect(elements(tbl, 'w:p')[1]).toContain('<w:tab/>');
    expect(attr(element(element(elements(parts.styles, 'w:style').find((x) => x.includes('w:styleId="Colophon"')) ?? '', 'w:rPr') ?? '', 'w:sz'), 'w:val')).toBe('28');
    expect(eastAsiaFont(parts.styles, 'Colophon')).toBe('仿宋_GB2312');
  });
});
