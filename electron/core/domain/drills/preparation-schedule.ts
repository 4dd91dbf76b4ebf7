// The 工作方案's 进度安排: the usual run-up to a drill dated back from the drill day, never before the
// document that sets it out, and the reports after it.
import { addDays, daysBetween } from '../../clock';
import type { Drill } from '../../../shared/schemas/drill';

export interface ScheduleRow {
  task: string;
  /** YYYY-MM-DD; null for a preparation step of a drill already past on the document date (no date both fits and is true). */
  date: string | null;
  who: string;
}

/** Days before the drill the usual run-up takes, from setting up the organisation to the eve. */
const USUAL_LEAD_DAYS = 30;

function steps(drill: Pick<Drill, 'form' | 'organizer'>): { days: number; task: string; who: string }[] {
  const organizer = drill.organizer || '演练组织单位';
  const live = drill.form !== 'tabletop';
  return [
    { days: -30, task: '成立演练组织机构，印发演练工作方案', who: organizer },
    { days: -20, task: '编制演练脚本、评估方案和安全保障方案', who: '导演组' },
    { days: -14, task: '召开协调会，落实参演队伍、物资装备和演练场地', who: '导演组、各参演单位' },
    { days: -7, task: live ? '组织参演人员培训和预演' : '组织参演人员熟悉演练脚本和桌面推演规则', who: '导演组、各参演单位' },
    { days: -1, task: '检查演练场地、通信设备和安全措施', who: '导演组' },
    { days: 0, task: '组织实施演练，现场点评', who: '演练领导小组' },
    { days: 7, task: '形成书面评估报告', who: '评估组' },
    { days: 15, task: '完成演练总结报告，建立问题整改清单', who: organizer },
  ];
}

/**
 * Where a preparation step `days` before the drill goes when only `lead` days remain: the usual run-up
 * [−30, −1] scaled onto [−lead, −1], so the first step falls on the document date, the eve stays the
 * eve, and the steps keep their order. With no day to spare (lead 0) everything is on the drill day.
 */
function compressed(days: number, lead: number): number {
  const share = (days + USUAL_LEAD_DAYS) / (USUAL_LEAD_DAYS - 1);
  return -lead + Math.round(share * Math.max(lead - 1, 0));
}

/** Rows on one date become one row: the tasks in order, each responsible unit named once. */
function merge(rows: ScheduleRow[]): ScheduleRow[] {
  const out: ScheduleRow[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (!last || last.date !== row.date) {
      out.push({ ...row });
      continue;
    }
    last.task = `${last.task}；${row.task}`;
    last.who = [...new Set([...last.who.split('、'), ...row.who.split('、')])].join('、');
  }
  return out;
}

/**
 * The schedule for a drill on `drill.date` set out in a document dated `documentDate`. Preparation
 * steps keep their usual dates when the document leaves a month; when the drill is closer they are
 * compressed between the document date and the drill, steps landing on one day merged into one row.
 * For a drill already past they carry no date. The drill day and the reports after it keep theirs.
 */
export function preparationSchedule(drill: Pick<Drill, 'date' | 'form' | 'organizer'>, documentDate: string): ScheduleRow[] {
  const lead = daysBetween(documentDate, drill.date);
  const all = steps(drill);
  const before = all.filter((s) => s.days < 0);
  const after = all.filter((s) => s.days >= 0).map((s) => ({ task: s.task, date: addDays(drill.date, s.days), who: s.who }));
  if (lead < 0) return [...before.map((s) => ({ task: s.task, date: null, who: s.who })), ...after];
  const days = (d: number) => (lead >= USUAL_LEAD_DAYS ? d : compressed(d, lead));
  return [...merge(before.map((s) => ({ task: s.task, date: addDays(drill.date, days(s.days)), who: s.who }))), ...after];
}
