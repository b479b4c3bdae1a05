import { PROVINCE_CODE } from '@rg/regions';
import { generateWorld } from './generate';
import { expectedScorecard, expectedScorecardCounts } from './ground-truth';
import { expectedMonthlyStatistics } from './monthly-ground-truth';

/** The monthly ground truth agrees with the yearly one wherever a year is the sum of its months. */
describe('expectedMonthlyStatistics', () => {
  const world = generateWorld({ trainees: 1500 });
  const sum = (months: ReturnType<typeof expectedMonthlyStatistics>, name: 'loansIssuedYuan' | 'venturesOpened' | 'parksOpened' | 'storiesPublished' | 'womenSupportCasesOpened') =>
    months.reduce((total, m) => total + m[name], 0);

  it.each([[PROVINCE_CODE, 2017], ['320300', 2019], ['320321', 2020], ['321000', 2016]])('%s in %i', (regionCode, year) => {
    const months = expectedMonthlyStatistics(world, regionCode, year);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const card = expectedScorecard(world, regionCode, year);
    const counts = expectedScorecardCounts(world, regionCode, year);
    expect(sum(months, 'loansIssuedYuan')).toBe(card.loansIssuedYuan.value);
    expect(sum(months, 'venturesOpened')).toBe(counts.ventures);
    expect(sum(months, 'parksOpened')).toBe(card.newParks.value);
    expect(sum(months, 'storiesPublished')).toBe(card.storiesPublished.value);
    expect(sum(months, 'womenSupportCasesOpened')).toBe(counts.casesOpened);
    // A person trained in two months counts in each: the months bound the year from below and above.
    const trained = months.reduce((total, m) => total + m.trained, 0);
    expect(trained).toBeGreaterThanOrEqual(counts.trained);
    expect(Math.max(...months.map((m) => m.trained))).toBeLessThanOrEqual(counts.trained);
    const poor = months.reduce((total, m) => total + m.poorTrained, 0);
    expect(poor).toBeGreaterThanOrEqual(counts.poorTrainees);
    for (const m of months) expect(m.poorTrained).toBeLessThanOrEqual(m.trained);
  });

  it('finds records in most months of a city year', () => {
    const months = expectedMonthlyStatistics(world, '320300', 2019);
    expect(months.filter((m) => m.trained > 0).length).toBeGreaterThanOrEqual(10);
    expect(months.filter((m) => m.loansIssuedYuan > 0).length).toBeGreaterThanOrEqual(6);
  });
});
