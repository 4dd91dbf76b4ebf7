// Numbers and times as the editor's status bar shows them, without Intl: its first zh-CN call loads
// locale data for 35–55 ms, which would land on the plan's opening.
import { pad } from '@shared/drill-clock';
import type { HeldTime } from '@shared/schemas/drill';

/** 123456 → "123,456". */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The local time of day, "09:05:07". */
export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** When a drill was held, as page headers give it: "2026-11-30 10:12—11:05"; a run not yet ended "… 10:12 起". */
export function heldText(h: HeldTime): string {
  return `${h.date} ${h.startTime}${h.endTime ? `—${h.endTime}` : h.ran ? ' 起' : ''}`;
}
