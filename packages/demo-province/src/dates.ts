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

export function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function parseIsoDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
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
