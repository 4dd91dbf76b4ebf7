// Numbers and times as the editor's status bar shows them, without Intl: its first zh-CN call loads
// locale data for 35–55 ms, which would land on the plan's opening.
import { pad } from '@shared/drill-clock';

/** 123456 → "123,456". */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The local time of day, "09:05:07". */
export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
