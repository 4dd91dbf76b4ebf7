// The 评估报告 and 总结报告 of a drill (domain.md §3.8) as GB/T 9704 Word files.
import type { Paragraph, Table } from 'docx';
import { DRILL_FORMS, DRILL_PURPOSES, DRILL_SCOPES } from '../../shared/vocabulary';
import type { EvaluationReport } from '../../shared/schemas/evaluation';
import { formatScore } from '../../shared/score-format';
import { bodyText, heading, packDocument, pushRun, type PageRun } from './document-kit-docx';
import { labelParagraph, signatureParagraphs, titleParagraph } from './official-parts-docx';
import { conclusionParagraphs, findingParagraphs, scoreTable, scoringMethod, suggestionParagraphs, timelineSummary, timingTable } from './report-parts-docx';
import { drillFacts } from './script-docx';

export type ReportKind = '评估报告' | '总结报告';

export interface ReportExportOptions {
  kind: ReportKind;
  /** 署名: the evaluation group or the organising bureau. */
  issuer: string;
  /** Who follows the fixes up (跟踪督办): the district's emergency bureau from 设置. */
  supervisor: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
}

type Block = Paragraph | Table;

const scoreLine = (report: EvaluationReport): string =>
  report.scores.total === null ? '' : `经评估，本次演练得分${formatScore(report.scores.total)}分，评估等级为“${report.scores.grade ?? '—'}”。`;

/** The drill as the report describes it: dated the day and hours it took place, not those it was planned for. */
const asHeld = ({ drill, held }: EvaluationReport) => ({ ...drill, date: held.date, startTime: held.startTime, endTime: held.endTime });

/** 一、演练基本情况 … 五、评估结论: the typical 评估报告 outline of domain.md §3.8. */
function evaluationBody(report: EvaluationReport, supervisor: string): Block[] {
  const { criteria, forms, scores, timeline } = report;
  const evaluators = forms.map((f) => (f.unit ? `${f.evaluator}（${f.unit}）` : f.evaluator)).join('、');
  return [
    heading(1, '一、演练基本情况'),
    ...drillFacts(asHeld(report)),
    heading(1, '二、评估过程'),
    bodyText(
      `评估组依据《${criteria.title}》开展评估${criteria.basis ? `（${criteria.basis.replace(/[。.]$/, '')}）` : ''}。` +
        `评估组由${scores.evaluators}名评估人组成${evaluators ? `（${evaluators}）` : ''}，在演练过程中观察记录关键行动和时间节点，演练结束后分别填写评估表。`,
    ),
    scoringMethod(criteria),
    heading(1, '三、情况分析'),
    heading(2, '（一）亮点'),
    ...findingParagraphs(report, 'strength', '评估组未记录突出亮点。'),
    heading(2, '（二）问题'),
    ...findingParagraphs(report, 'problem', '评估组未发现明显问题。'),
    heading(2, '（三）评估得分'),
    ...(scoreLine(report) ? [bodyText(scoreLine(report))] : []),
    labelParagraph('表1 评估得分'),
    scoreTable(criteria, scores),
    heading(2, '（四）情景执行情况'),
    timelineSummary(timeline),
    labelParagraph('表2 情景执行时间'),
    timingTable(timeline),
    heading(1, '四、改进意见建议'),
    ...suggestionParagraphs(report, supervisor),
    heading(1, '五、评估结论'),
    ...conclusionParagraphs(report),
  ];
}

/** Who took part: units from the drill, people from the script's roster grouped by role. */
function participantParagraphs(report: EvaluationReport): Paragraph[] {
  const { drill, script } = report;
  const byRole = new Map<string, string[]>();
  for (const r of script.roster) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.name]);
  const people = [...byRole].map(([role, names]) => `${role}${names.join('、')}`).join('；');
  return [
    bodyText(`参演单位：${drill.participants.join('、') || '—'}，共${drill.participants.length}个单位。`),
    ...(script.roster.length ? [bodyText(`参演人员${script.roster.length}名：${people}。`)] : []),
  ];
}

/** 一、演练概况 … 五、改进建议: the 总结报告 of 2009 指南 §6.2. */
function summaryBody(report: EvaluationReport, supervisor: string): Block[] {
  const { drill, script } = report;
  const links = drill.planLinks;
  const clauses = links.reduce((n, l) => n + l.sectionIds.length, 0);
  const objectives = drill.objectives.filter((o) => o.trim());
  const phases = script.phases.map((p) => p.name);
  return [
    heading(1, '一、演练概况'),
    bodyText(
      `本次演练为${DRILL_PURPOSES[drill.purpose]}${DRILL_SCOPES[drill.scope]}演练，采用${DRILL_FORMS[drill.form]}形式` +
        `${drill.hazard ? `，以${drill.hazard}为背景` : ''}${objectives.length ? `，目的是${objectives.join('，')}` : ''}。`,
    ),
    ...drillFacts(asHeld(report)).slice(1, 5),
    ...participantParagraphs(report),
    ...(scoreLine(report) ? [bodyText(scoreLine(report))] : []),
    heading(1, '二、预案概述'),
    bodyText(
      `本次演练检验应急预案${links.length}部${clauses ? `，涉及预案条款${clauses}处` : ''}。` +
        `演练脚本${phases.length ? `按${phases.join('、')}${phases.length}个阶段推进，` : ''}共设置情景${script.injects.length}个，重点检验以下内容：`,
    ),
    ...(objectives.length ? objectives.map((o, i) => bodyText(`${i + 1}.${o}。`.replace(/。。$/, '。'))) : [bodyText('演练未列明目标。')]),
    heading(1, '三、发现的问题及原因'),
    ...findingParagraphs(report, 'problem', '本次演练未发现明显问题。'),
    heading(1, '四、经验教训'),
    ...findingParagraphs(report, 'strength', '本次演练未记录突出的经验做法。'),
    heading(1, '五、改进建议'),
    ...suggestionParagraphs(report, supervisor),
  ];
}

/** 「{演练名称}评估报告」 or 「…总结报告」, not doubled when the drill's name already ends so. */
export function reportTitle(drillName: string, kind: ReportKind): string {
  return drillName.endsWith(kind) ? drillName : `${drillName}${kind}`;
}

export async function exportEvaluationReportDocx(report: EvaluationReport, opts: ReportExportOptions): Promise<Buffer> {
  const title = reportTitle(report.drill.name, opts.kind);
  const body = opts.kind === '评估报告' ? evaluationBody(report, opts.supervisor) : summaryBody(report, opts.supervisor);
  const runs: PageRun[] = [];
  pushRun(runs, 'portrait', titleParagraph(title), ...body, ...signatureParagraphs(opts.issuer, opts.date));
  return packDocument(runs, { title, creator: opts.issuer });
}
