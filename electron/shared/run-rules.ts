// What the console may log and when: an inject goes out only while the drill clock runs.
//
// A pause is the director stopping the scenario (safety, weather, a visit): nothing is put to the
// players then, and a delivery stamped at a frozen drill time would misplace it on the timeline. So
// delivering (on time, late or ad hoc) waits for 继续; skipping is a director's decision and may be
// taken during the pause. Observations and actions are always welcome, before, during and after.
import { formatOffset, parseOffset } from './drill-clock';
import type { ClockState, RunEventType } from './schemas/drill';
import { MAX_DELAY_SEC } from './vocabulary';

/** What puts an inject to the players: on time, late or ad hoc. */
export const DELIVERY_TYPES: ReadonlySet<RunEventType> = new Set(['inject.delivered', 'inject.late', 'inject.adhoc']);

/** Why an event cannot be logged on a clock in this state, in words for the coordinator; null when it can. */
export function runEventRefusal(type: RunEventType, status: ClockState['status']): string | null {
  if (!DELIVERY_TYPES.has(type) && type !== 'inject.skipped') return null;
  if (status === 'not-started') return '演练尚未开始：请先点击“开始演练”。';
  if (status === 'ended') return '演练已结束，不能再下达或跳过注入。';
  if (status === 'paused' && DELIVERY_TYPES.has(type)) return '演练已暂停：点击“继续”后才能下达注入（暂停期间可按 S 跳过当前注入）。';
  return null;
}

/**
 * Why an inject cannot take this event after the last one recorded for it (delivered, late or skipped;
 * null for none): an inject goes out once. Two consoles on one run can both press D for the same inject;
 * the second would move its delivery time. A skipped inject may still go out late (the director changes
 * their mind), but is not skipped twice.
 */
export function repeatRefusal(type: RunEventType, last: RunEventType | null): string | null {
  if (last === null) return null;
  if (last === 'inject.skipped') return type === 'inject.skipped' ? '这条注入已被跳过（可能已在另一处控制台记录）。' : null;
  return type === 'inject.skipped' ? '这条注入已经下达，不能再跳过。' : '这条注入已经下达（可能已在另一处控制台记录），不能重复下达。';
}

/** The delay to propose for a late inject: how far past its planned time it is now, in seconds. */
export function proposedDelaySec(dueInMs: number | undefined): number {
  return dueInMs === undefined || dueInMs >= 0 ? 0 : Math.round(-dueInMs / 1000);
}

/**
 * How long after its planned drill time an inject may go out and still count as on time (按时): the
 * coordinator finishes the previous exchange, reads the scene out, hands the paper over. Later than
 * this it is late (延迟) with its delay, whichever key logged it: the console turns its countdown red,
 * the timeline tab and the report's timing table say 延迟. The same margin the other way: an inject
 * handed out more than this before its time is 提前 — it did not run to the script either, and an
 * evaluator checking 情景执行 wants it named, not counted as 按时.
 */
export const ON_TIME_TOLERANCE_SEC = 30;

/** Whether an inject that went out `delayMs` after its planned time (negative: early) is late. */
export function isLateBy(delayMs: number): boolean {
  return delayMs > ON_TIME_TOLERANCE_SEC * 1000;
}

/** Whether an inject that went out `delayMs` after its planned time (negative: early) is early (提前). */
export function isEarlyBy(delayMs: number): boolean {
  return delayMs < -ON_TIME_TOLERANCE_SEC * 1000;
}

/**
 * How far a recorded delay may stray from the drill clock's figure: the coordinator may round it, and
 * the clock runs on while the reason is typed.
 */
export const LATE_TOLERANCE_SEC = 60;

/**
 * Why L does not fit an inject `dueInMs` from now (planned minus elapsed drill time; negative when
 * overdue); null when it is due. One not yet due is not late: it goes out early with D, and a "late"
 * entry before its time would show a delay the timeline contradicts.
 */
export function lateRefusal(dueInMs: number): string | null {
  if (dueInMs <= 0) return null;
  return `这条注入还没到计划时间（还差 ${formatDelay(Math.ceil(dueInMs / 1000))}），不算延迟下达：现在下达请按 D。`;
}

/** Why a recorded delay contradicts the drill clock (by which it is `actualSec` late); null when it agrees within the tolerance. */
export function delayMismatch(delaySec: number, actualSec: number): string | null {
  if (Math.abs(delaySec - actualSec) <= LATE_TOLERANCE_SEC) return null;
  return `填写的延迟（${formatDelay(delaySec)}）与演练时钟不符：按时钟这条注入比计划晚 ${formatDelay(actualSec)}。`;
}

/**
 * A delay as the coordinator types it: whole minutes ("5"), minutes and seconds ("3:20", full-width
 * colon too) or h:mm:ss; null when it is none of these or longer than a drill day.
 */
export function parseDelay(input: string): number | null {
  const s = input.trim().replace(/分钟?$/, '');
  const sec = /^\d{1,4}$/.test(s) ? Number(s) * 60 : parseOffset(s);
  return sec !== null && sec <= MAX_DELAY_SEC ? sec : null;
}

/** A delay for the input box: m:ss, or h:mm:ss from an hour. */
export function delayInput(sec: number): string {
  return formatOffset(sec).replace(/^T[+-]/, '');
}

/** A delay in words: 45秒, 3分20秒, 5分钟, 1小时2分. */
export function formatDelay(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h}小时${m ? `${m}分` : ''}`;
  if (m) return r ? `${m}分${r}秒` : `${m}分钟`;
  return `${r}秒`;
}
