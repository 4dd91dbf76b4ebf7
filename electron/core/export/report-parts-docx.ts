// Pieces of the 评估报告 and 总结报告: findings as numbered paragraphs, suggestions, the score and inject timing tables.
import type { Paragraph, Table } from 'docx';
import { GRADE_BOUNDS } from '../domain/evaluation/scores';
import type { CriteriaSet, EvaluationReport, Finding, ImprovementItem, ScoreSummary, TimelineAnalysis } from '../../shared/schemas/evaluation';
import { formatChineseDate } from './official-parts-docx';
import { bodyText, dataTable, type Column } from './document-kit-docx';
import { duration, formatOffset } from '../../shared/drill-clock';
import { INJECT_TIMING_STATUSES } from '../../shared/vocabulary';
import { formatScore } from '../../shared/score-format';

export const SCORE_COLUMNS: Column[] = [
  { header: '评估项', chars: 12 },
  { header: '权重', chars: 3 },
  { header: '平均得分率', chars: 5.5 },
  { header: '评估人分歧', chars: 5.5 },
  { header: '得分', chars: 3 },
];

export const TIMING_COLUMNS: Column[] = [
  { header: '序号', chars: 2 },
  // Drill times (T+00:00) and durations (1分30秒) need about four characters to stay on one line.
  { header: '场景', chars: 5 },
  { header: '计划', chars: 3.8 },
  { header: '实际', chars: 3.8 },
  { header: '延迟', chars: 4.8 },
  { header: '响应用时', chars: 4.8 },
  { header: '状态', chars: 3.5 },
];


const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
/** Trailing sentence punctuation, so a title can be followed by 。 without doubling it. */
const sentence = (s: string): string => (/[。！？；.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);

/** Drill time as the script shows it (T+mm:ss): readers compare the table with the printed script. */
const clock = (ms: number | null): string => (ms === null ? '—' : formatOffset(Math.round(ms / 1000)));


export function scoreTable(set: CriteriaSet, scores: ScoreSummary): Table {
  const byId = new Map(scores.criteria.map((c) => [c.criterionId, c]));
  const rows = set.criteria.map((c) => {
    const r = byId.get(c.id);
    return [c.group ? `${c.group}：${c.title}` : c.title, String(c.weight), percent(r?.mean ?? null), percent(r?.spread ?? null), formatScore(r?.points ?? null)];
  });
  const weight = set.criteria.reduce((a, c) => a + c.weight, 0);
  rows.push(['合计', String(weight), '—', '—', formatScore(scores.total)]);
  return dataTable(SCORE_COLUMNS, rows, 'portrait');
}

export function timingTable(timeline: TimelineAnalysis): Table {
  const rows = timeline.injects.map((t) => [String(t.seq), t.scene || '—', clock(t.plannedMs), clock(t.actualMs), duration(t.delayMs, true), duration(t.responseMs), INJECT_TIMING_STATUSES[t.status]]);
  return dataTable(TIMING_COLUMNS, rows, 'portrait');
}

/**
 * Every inject of the script counted once, so the parts add up to the total: on time, early, late, skipped,
 * and those the drill ended before reaching (left out, the sum would not match the table above it).
 */
function injectCounts(t: TimelineAnalysis): string {
  const labels = [['delivered', '按时发送'], ['early', '提前发送'], ['late', '延迟发送'], ['skipped', '跳过未发送'], ['pending', '演练结束时未执行']] as const;
  const parts = labels.map(([status, label]) => [label, t.injects.filter((i) => i.status === status).length] as const).filter(([, n]) => n > 0);
  return `计划情景${t.injects.length}个${parts.length ? `，其中${parts.map(([label, n]) => `${label}${n}个`).join('、')}` : ''}`;
}

/** The run in one paragraph: what the table shows, summed up for readers who skip tables. */
export function timelineSummary(t: TimelineAnalysis): Paragraph {
  const parts = [
    `演练实际用时${duration(t.durationMs)}${t.pausedMs ? `（另暂停${duration(t.pausedMs)}）` : ''}`,
    injectCounts(t),
    ...(t.adhoc.length ? [`临时增加情景${t.adhoc.length}个`] : []),
    ...(t.meanDelayMs !== null ? [`延迟发送的情景平均延迟${duration(t.meanDelayMs)}，最大延迟${duration(t.maxDelayMs)}`] : []),
    ...(t.meanResponseMs !== null ? [`平均响应用时${duration(t.meanResponseMs)}`] : []),
    `评估人记录观察${t.observations}条、处置行动${t.actions}条`,
  ];
  return bodyText(`${parts.join('；')}。`);
}

/** How the scores were reached, in one paragraph, with the grade bounds the scores module really uses. */
export function scoringMethod(set: CriteriaSet): Paragraph {
  const bounds = GRADE_BOUNDS.map((b) => `${b.min}分及以上为${b.grade}`).join('，');
  const lowest = GRADE_BOUNDS[GRADE_BOUNDS.length - 1]?.min ?? 60;
  return bodyText(
    `评估项按分值打分或按等级评定，每名评估人的结果折算为该项满分的百分比，取各评估人的平均值作为平均得分率，乘以权重得出该项得分；` +
      `评估人之间最高与最低得分率之差列为分歧，供复核。无人评估的项目不计入总分，总分按已评估项目的权重折算为百分制。` +
      `总分${bounds}，${lowest}分以下为不合格。共${set.criteria.length}个评估项，权重合计${set.criteria.reduce((a, c) => a + c.weight, 0)}。`,
  );
}

/** Findings of one kind as "1.标题。详情（评估项：…）": the criterion lets readers find the score behind it. */
export function findingParagraphs(report: EvaluationReport, kind: Finding['kind'], empty: string): Paragraph[] {
  const criteria = new Map(report.criteria.criteria.map((c) => [c.id, c.title]));
  const list = report.findings.filter((f) => f.kind === kind);
  if (!list.length) return [bodyText(empty)];
  return list.map((f, i) => {
    const criterion = f.criterionId ? criteria.get(f.criterionId) : undefined;
    const notes = [criterion ? `评估项：${criterion}` : '', f.unit ? `涉及单位：${f.unit}` : ''].filter(Boolean).join('；');
    return bodyText(`${i + 1}.${sentence(f.title)}${f.detail.trim() ? sentence(f.detail) : ''}${notes ? `（${notes}）` : ''}`);
  });
}

/** One 整改 item as the ledger records it: who, what (the measure, else the item itself), by when. */
function itemClause(item: ImprovementItem): string {
  const what = (item.measure.trim() || item.description.trim()).replace(/[。；]$/, '');
  const owner = item.owner.trim() ? `（责任人：${item.owner.trim()}）` : '';
  return `由${item.unit}${owner}${what}，于${formatChineseDate(item.deadline)}前完成${item.needsPlanChange ? '，并修订预案相关条款' : ''}`;
}

/**
 * Suggestions from the problems. A problem already in the 整改清单 is quoted from its items (unit, measure,
 * deadline), so the report and the ledger never name different units; one not yet there gets the generic
 * suggestion naming the unit the finding names. `supervisor` is the body that follows the fixes up: the
 * district's own emergency bureau as 设置 names it.
 */
export function suggestionParagraphs(report: EvaluationReport, supervisor: string): Paragraph[] {
  const problems = report.findings.filter((f) => f.kind === 'problem');
  if (!problems.length) return [bodyText('本次演练未发现需要整改的问题，建议各参演单位保持现有工作机制，定期组织演练。')];
  const paragraphs = problems.map((f, i) => {
    const title = `${i + 1}.针对“${f.title.trim().replace(/[。；]$/, '')}”，`;
    const items = report.items.filter((item) => item.findingId === f.id);
    if (items.length) return bodyText(`${title}${items.map(itemClause).join('；')}。`);
    const who = f.unit || '相关单位';
    const plan = f.clauses.length ? `涉及预案条款${f.clauses.length}处，建议同步修订预案相关内容` : '';
    return bodyText(`${title}建议${who}制定整改措施，明确责任人和完成时限${plan ? `；${plan}` : ''}。`);
  });
  return [...paragraphs, bodyText(`以上问题纳入整改清单，由${supervisor.trim() || '应急管理部门'}跟踪督办，整改完成后逐项销号。`)];
}

/** The conclusion as written, or one sentence from the total and grade when the evaluation group left it blank. */
export function conclusionParagraphs(report: EvaluationReport): Paragraph[] {
  const written = report.conclusion.split('\n').map((l) => l.trim()).filter(Boolean);
  if (written.length) return written.map(bodyText);
  const { total, grade, evaluators } = report.scores;
  if (total === null || grade === null) return [bodyText('评估组未提交有效评估结果，本次演练暂不评定等级。')];
  return [bodyText(`经评估组${evaluators}名评估人综合评定，本次演练得分${formatScore(total)}分，评估等级为“${grade}”。`)];
}
