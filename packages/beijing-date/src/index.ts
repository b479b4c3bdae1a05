/**
 * The departments' records are dated in Beijing time (UTC+8, no daylight saving). A server
 * whose clock runs in UTC would otherwise think "today" is yesterday from 00:00 to 08:00 in
 * Beijing and refuse a record dated today as "in the future".
 */
const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Beijing as YYYY-MM-DD. */
export function todayInBeijing(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps it independent of that convention.
  const parts = Object.fromEntries(BEIJING.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The current year in Beijing. */
export function currentYearInBeijing(now: Date = new Date()): number {
  return Number(todayInBeijing(now).slice(0, 4));
}

/** Whether an ISO date (YYYY-MM-DD) is after today in Beijing. */
export function isAfterToday(date: string, now: Date = new Date()): boolean {
  return date > todayInBeijing(now);
}
