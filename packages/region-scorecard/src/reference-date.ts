import { todayInBeijing } from '@rg/beijing-date';

/**
 * The day a scorecard is "as of": an outcome that needs time (a venture surviving a year, a
 * trainee opening within six months) is judged only for the people whose time has passed by
 * then. Today in Beijing, or SCORECARD_REFERENCE_DATE (YYYY-MM-DD) for records that stop at
 * an earlier day, as the demo province does.
 */
export function scorecardReferenceDate(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.SCORECARD_REFERENCE_DATE;
  if (raw === undefined || raw.trim() === '') return todayInBeijing();
  const date = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new Error(`SCORECARD_REFERENCE_DATE must be a calendar date YYYY-MM-DD, not "${raw}"`);
  }
  return raw;
}

/** ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
