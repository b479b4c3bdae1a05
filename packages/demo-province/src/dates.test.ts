import { dayOf, isoOf, parseIsoDay, yearOfDay } from './dates';

const MS_PER_DAY = 86_400_000;

// Mismatches are collected and compared once: an expect per date would take longer than the dates.
describe('day arithmetic', () => {
  it('counts the days of every date from 1900 to 2060 as Date.UTC does, month and day overflow included', () => {
    const wrong: string[] = [];
    for (let year = 1900; year <= 2060; year++) {
      for (let month = 0; month <= 14; month++) {
        for (const day of [0, 1, 15, 28, 29, 30, 31, 32]) {
          const expected = Date.UTC(year, month - 1, day) / MS_PER_DAY;
          if (dayOf(year, month, day) !== expected) wrong.push(`${year}-${month}-${day}: ${dayOf(year, month, day)}, not ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads back every ISO date it writes, and the year of each day', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let day = dayOf(1915); day < dayOf(2045); day++, checked++) {
      const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (isoOf(day) !== iso || parseIsoDay(iso) !== day || yearOfDay(day) !== Number(iso.slice(0, 4))) {
        wrong.push(`${day}: ${isoOf(day)} ${parseIsoDay(iso)} ${yearOfDay(day)}, not ${iso}`);
      }
    }
    expect(checked).toBe(47_483); // 130 years, 32 of them leap years
    expect(wrong).toEqual([]);
  });
});
