// The ticking parts of the console: only these re-render four times a second, never the page around them.
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { formatOffset } from '@shared/drill-clock';
import { isLateBy } from '@shared/run-rules';
import type { ClockState } from '@shared/schemas/drill';

/** The clock as the core last reported it, and when (client time) that report arrived. */
export interface ClockBase {
  status: ClockState['status'];
  elapsedMs: number;
  fetchedAt: number;
}

/** The clock before the run has been read. */
export const CLOCK_NOT_STARTED: ClockBase = { status: 'not-started', elapsedMs: 0, fetchedAt: 0 };

/** Drill ms the clock has run since the core's report: time passes only while it runs. */
export function driftAt(base: ClockBase, now: number): number {
  return base.status === 'running' ? Math.max(0, now - base.fetchedAt) : 0;
}

export function elapsedAt(base: ClockBase, now: number): number {
  return base.elapsedMs + driftAt(base, now);
}

export function clockText(ms: number): string {
  return formatOffset(Math.max(0, Math.floor(ms / 1000)));
}

/** Date.now(), refreshed every `ms` while the component is mounted. */
export function useNow(ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

export function LiveClock({ base, className, testId }: { base: ClockBase; className: string; testId?: string }) {
  const now = useNow();
  return (
    <div className={className} data-testid={testId} data-status={base.status}>
      {clockText(elapsedAt(base, now))}
    </div>
  );
}

function countdown(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const t = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return ms < 0 ? `已超时 ${t}` : `${t} 后`;
}

/** Time to an inject's planned time (dueInMs as of the report): orange once overdue, red once it would count as late. */
export function Countdown({ base, dueInMs, testId }: { base: ClockBase; dueInMs: number; testId?: string }) {
  const left = dueInMs - driftAt(base, useNow());
  return (
    <Tag color={isLateBy(-left) ? 'red' : left < 0 ? 'orange' : 'green'} data-testid={testId}>
      {countdown(left)}
    </Tag>
  );
}
