// Script checks shown beside each inject (never blocking a save), and the ordering helpers they suggest.
import type { Inject, Script, ScriptIssue } from './schemas/drill';
import { formatOffset } from './drill-clock';
import { clockAt, crossesMidnight, offsetFromStart, outsideWindow, secondsOfDay, shortClock, windowSec, type DrillTiming } from './drill-window';

/**
 * A comparable time for injects of the same mode: relative ones by offset, clock-time ones by time of
 * day. The two modes are never compared with each other: without the actual start time nobody knows
 * which comes first.
 */
function timeKey(inject: Inject): { mode: 'relative' | 'clock'; value: number; label: string } {
  return inject.time.mode === 'relative'
    ? { mode: 'relative', value: inject.time.offsetSec, label: formatOffset(inject.time.offsetSec) }
    : { mode: 'clock', value: secondsOfDay(inject.time.clock), label: inject.time.clock };
}

const blank = (s: string) => s.trim() === '';

/**
 * An inject planned outside the drill's window, said at the inject: after the end time, or (a clock time)
 * before the start, which the console would deliver at the start anyway.
 */
function windowIssue(inject: Inject, drill: DrillTiming, window: number | null): string | null {
  const offset = offsetFromStart(inject.time, drill.startTime);
  if (!outsideWindow(offset, window)) return null;
  const end = drill.endTime === null ? '' : shortClock(drill.endTime);
  if (inject.time.mode === 'relative') return `计划时间 ${formatOffset(offset)}（${clockAt(drill.startTime, offset)}）晚于演练结束时间 ${end}`;
  const clock = shortClock(inject.time.clock);
  if (offset < 0) return `时刻 ${clock} 早于演练开始时间 ${shortClock(drill.startTime)}${crossesMidnight(drill) ? '（跨午夜的演练请改用 T+ 时间）' : ''}`;
  return `时刻 ${clock} 晚于演练结束时间 ${end}`;
}

export function checkScript(script: Script, drill: DrillTiming): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const window = windowSec(drill);
  const phaseIds = new Set(script.phases.map((p) => p.id));
  // The previous inject's time per phase and mode; each decrease is reported once, at the inject that goes back.
  const previous = new Map<string, { value: number; label: string }>();
  for (const inject of script.injects) {
    if (!phaseIds.has(inject.phaseId)) issues.push({ injectId: inject.id, field: 'phaseId', message: '所属阶段不存在，请重新选择阶段' });
    const key = timeKey(inject);
    const slot = `${inject.phaseId}\n${key.mode}`;
    const before = previous.get(slot);
    if (before && key.value < before.value) {
      issues.push({
        injectId: inject.id,
        field: 'time',
        message: key.mode === 'relative' ? `时间早于同一阶段的上一条注入（${before.label}）` : `时刻早于同一阶段的上一条注入（${before.label}）`,
      });
    }
    previous.set(slot, key);
    const outside = windowIssue(inject, drill, window);
    if (outside) issues.push({ injectId: inject.id, field: 'time', message: outside });
    if (blank(inject.receiver)) issues.push({ injectId: inject.id, field: 'receiver', message: '未填写接收方' });
    if (blank(inject.expectedAction)) issues.push({ injectId: inject.id, field: 'expectedAction', message: '未填写预期处置行动' });
  }
  return issues;
}

/** 序号: an inject's 1-based position in script order. */
export function injectNumbers(script: Script): Map<string, number> {
  return new Map(script.injects.map((inject, i) => [inject.id, i + 1]));
}

/**
 * The script with its injects grouped by phase in phase order (injects of a missing phase last, as
 * they were) and each phase's injects sorted by time. Relative and clock-time injects keep the places
 * they hold among each other; only the times within each kind are sorted, so the result passes
 * checkScript's time rule and nothing a planner placed by hand moves further than it must.
 */
export function orderInjects(script: Script): Script {
  const groups = new Map<string, Inject[]>(script.phases.map((p) => [p.id, []]));
  const orphans: Inject[] = [];
  for (const inject of script.injects) (groups.get(inject.phaseId) ?? orphans).push(inject);
  const sorted = [...groups.values()].flatMap(sortWithinPhase);
  return { ...script, injects: [...sorted, ...orphans] };
}

function sortWithinPhase(injects: Inject[]): Inject[] {
  const queues = new Map<string, Inject[]>();
  for (const mode of ['relative', 'clock'] as const) {
    // Array.prototype.sort is stable: equal times keep their order.
    queues.set(mode, injects.filter((i) => i.time.mode === mode).sort((a, b) => timeKey(a).value - timeKey(b).value));
  }
  return injects.map((i) => queues.get(i.time.mode)!.shift()!);
}

/** The script with one inject moved to `toIndex` (clamped) in script order. */
export function moveInject(script: Script, injectId: string, toIndex: number): Script {
  const from = script.injects.findIndex((i) => i.id === injectId);
  if (from < 0) return script;
  const injects = [...script.injects];
  const [moved] = injects.splice(from, 1);
  injects.splice(Math.max(0, Math.min(injects.length, Math.trunc(toIndex))), 0, moved!);
  return { ...script, injects };
}
