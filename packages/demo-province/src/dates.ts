/**
 * Dates as whole UTC days since 1970-01-01. The generator does its arithmetic on day
 * numbers and turns them into ISO strings only at the end, through one shared table, so a
 * million records share a few thousand date strings instead of owning one each.
 */
const MS_PER_DAY = 86_400_000;
const TABLE_FROM_YEAR = 1920;
const TABLE_TO_YEAR = 2040;
const TABLE_START = Date.UTC(TABLE_FROM_YEAR, 0, 1) / MS_PER_DAY;
let table: string[] | null = null;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, as Date.UTC counts them (a month past
 * December or a day past the month's end rolls over alike), by arithmetic alone: it runs
 * several times for each of millions of records, where a Date call and its boxing cost more
 * than the generation around it. After H. Hinnant's days_from_civil, in 400-year eras.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year + Math.floor((month - 1) / 12) - (((month - 1) % 12 + 12) % 12 < 2 ? 1 : 0);
  const m = (((month - 1) % 12 + 12) % 12) + 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function dayOf(year: number, month = 1, day = 1): number {
  return daysFromCivil(year, month, day);
}

/** The digit at `at` of an ISO date; the generator writes only well-formed ones. */
const digit = (iso: string, at: number) => iso.charCodeAt(at) - 48;

/** The day of a YYYY-MM-DD date, read digit by digit: no slices, no numbers parsed from strings. */
export function parseIsoDay(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  return daysFromCivil(year, digit(iso, 5) * 10 + digit(iso, 6), digit(iso, 8) * 10 + digit(iso, 9));
}

function format(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoOf(day: number): string {
  if (table === null) {
    const end = dayOf(TABLE_TO_YEAR + 1);
    table = new Array<string>(end - TABLE_START);
    for (let d = TABLE_START; d < end; d++) table[d - TABLE_START] = format(d);
  }
  return table[day - TABLE_START] ?? format(day);
}

/** Allocation-free: it runs a few times per record in the million-trainee loops. */
export function yearOfDay(day: number): number {
  let year = 1970 + Math.floor(day / 365.2425);
  if (dayOf(year) > day) year--;
  else if (dayOf(year + 1) <= day) year++;
  return year;
}

/** Plan years 2016–2020 and the date the demo data is "as of": nothing happens after it. */
export const PLAN_START = dayOf(2016, 1, 1);
export const PLAN_END = dayOf(2020, 12, 31);
export const DATA_CUTOFF = dayOf(2021, 12, 31);
