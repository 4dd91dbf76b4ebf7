// After the drill: each inject's planned vs actual drill time, delays, response times and the run's totals.
//
// All times are drill times (pauses left out), read through the shared drill clock so that the analysis
// agrees to the millisecond with what the console showed during the run. A drill paused for two hours
// for weather is not two hours late, and players are not two hours slow to respond across the pause.
import { clockState, drillTimeReader, injectStates, localWallTime } from '../../../shared/drill-clock';
import { delayMismatch, DELIVERY_TYPES, isEarlyBy, isLateBy } from '../../../shared/run-rules';
import type { InjectTiming, TimelineAnalysis } from '../../../shared/schemas/evaluation';
import type { InjectRunState, RunEvent, Script } from '../../../shared/schemas/drill';
import { injectNumbers } from '../../../shared/script-checks';

/**
 * A late delivery carries the delay the coordinator stated (she may have rounded it), unless it
 * contradicts the clock beside it: entries logged before run.log checked it could say "5 minutes late"
 * of an inject delivered hours early, and the analysis must not print both.
 */
function delayOf(state: InjectRunState): number | null {
  const clockMs = state.plannedMs !== null && state.deliveredMs !== null ? state.deliveredMs - state.plannedMs : null;
  if (state.delaySec === null) return clockMs;
  return clockMs !== null && delayMismatch(state.delaySec, Math.round(clockMs / 1000)) ? clockMs : state.delaySec * 1000;
}

/**
 * `now` is the time of the latest event, or the planned start when the log is empty: the analysis
 * describes the run as logged, so an unfinished drill (no end event) stops at its last entry rather
 * than running on to whenever the report is opened.
 */
export function analyseTimeline(script: Script, events: readonly RunEvent[], drillDate: string, startTime: string): TimelineAnalysis {
  const log = [...events].filter((e) => !Number.isNaN(Date.parse(e.at))).sort((a, b) => a.seq - b.seq);
  const lastWall = log.reduce((max, e) => Math.max(max, Date.parse(e.at)), -Infinity);
  const now = new Date(Number.isFinite(lastWall) ? lastWall : (localWallTime(drillDate, startTime)?.getTime() ?? 0));
  const clock = clockState(log, now);
  const drillMsAt = drillTimeReader(log);
  const numbers = injectNumbers(script);
  const responses = responseTimes(log, drillMsAt);

  const injects = injectStates(script, log, now, drillDate, startTime).map((state, i): InjectTiming => {
    const delayMs = delayOf(state);
    return {
      injectId: state.injectId,
      seq: numbers.get(state.injectId) ?? i + 1,
      scene: script.injects[i]?.scene ?? '',
      plannedMs: state.plannedMs,
      actualMs: state.deliveredMs,
      delayMs,
      status: timingStatus(state.status, delayMs),
      responseMs: responses.get(state.injectId) ?? null,
    };
  });
  const adhoc = log.filter((e) => e.type === 'inject.adhoc').map((e) => ({ at: e.at, drillMs: drillMsAt(e), text: e.text }));

  // Averaged over the late ones: mixing in early deliveries as negative delays made a run with one
  // inject 1 h 12 min early and two slightly late read "平均延迟 提前36分59秒".
  const delays = injects.flatMap((t) => (t.status === 'late' && t.delayMs !== null ? [t.delayMs] : []));
  const responded = injects.flatMap((t) => (t.responseMs === null ? [] : [t.responseMs]));
  return {
    injects,
    adhoc,
    durationMs: clock.elapsedMs,
    pausedMs: clock.pausedMs,
    delivered: injects.filter((t) => t.status === 'delivered' || t.status === 'early' || t.status === 'late').length,
    skipped: injects.filter((t) => t.status === 'skipped').length,
    early: injects.filter((t) => t.status === 'early').length,
    late: injects.filter((t) => t.status === 'late').length,
    meanDelayMs: mean(delays),
    maxDelayMs: delays.length ? Math.max(...delays) : null,
    meanResponseMs: mean(responded),
    observations: log.filter((e) => e.type === 'observation').length,
    actions: log.filter((e) => e.type === 'action').length,
  };
}

/**
 * Pressed D (delivered) but later than the tolerance: late all the same, in every count and table; more
 * than the tolerance before its time: early, whichever key logged it (an L entry from before run.log
 * checked it can sit before the planned time, and its delay is then read off the clock).
 */
function timingStatus(status: InjectRunState['status'], delayMs: number | null): InjectTiming['status'] {
  if ((status !== 'delivered' && status !== 'late') || delayMs === null) return status;
  if (isEarlyBy(delayMs)) return 'early';
  return status === 'late' || isLateBy(delayMs) ? 'late' : 'delivered';
}

/**
 * For each delivered inject, drill ms from its (last) delivery to the players' first action on it: the
 * first later action logged against the inject, or failing that the first action logged against no
 * inject between this delivery and the next one (ad-hoc injects included: what follows them is taken
 * as an answer to them). An action logged against an inject before it was delivered answers something
 * else and is not counted.
 */
function responseTimes(log: readonly RunEvent[], drillMsAt: (e: RunEvent) => number): Map<string, number> {
  // The delivery that counts is the last delivered/late/skipped event per inject, as in injectStates.
  const finalEvent = new Map<string, RunEvent>();
  for (const e of log) if (e.injectId !== null && (e.type === 'inject.delivered' || e.type === 'inject.late' || e.type === 'inject.skipped')) finalEvent.set(e.injectId, e);

  const out = new Map<string, number>();
  log.forEach((delivery, i) => {
    if (delivery.injectId === null || finalEvent.get(delivery.injectId) !== delivery || delivery.type === 'inject.skipped') return;
    let tagged: RunEvent | undefined;
    let untagged: RunEvent | undefined;
    let inWindow = true;
    for (let k = i + 1; k < log.length; k++) {
      const e = log[k]!;
      if (DELIVERY_TYPES.has(e.type)) inWindow = false;
      if (e.type !== 'action') continue;
      if (e.injectId === delivery.injectId) {
        tagged = e;
        break;
      }
      if (inWindow && e.injectId === null) untagged ??= e;
    }
    const answer = tagged ?? untagged;
    if (answer) out.set(delivery.injectId, Math.max(0, drillMsAt(answer) - drillMsAt(delivery)));
  });
  return out;
}

function mean(values: readonly number[]): number | null {
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}
