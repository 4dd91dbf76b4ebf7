// The clock the core reads time from; tests inject a fixed or stepping one.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const p = (n: number) => String(n).padStart(2, '0');

/** The calendar date in local time as YYYY-MM-DD (users and their deadlines live in local time). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The time of day in local time as HH:MM. */
export function localClock(d: Date): string {
  return `${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `iso` (before it when negative), both YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
