import { allCities, allCounties, countiesUnder, PROVINCE_CODE } from '@rg/regions';
import { LOANS_PER_CITY_YUAN, noticeTargets } from './notice-targets';

const XUZHOU = '320300';
const FENG = '320321';
const find = (rows: ReturnType<typeof noticeTargets>, regionCode: string, year = 2018) => rows.find((r) => r.regionCode === regionCode && r.year === year);

describe("the notices' targets", () => {
  it('sets people trained per city, their sum for the province and an even share, rounded up, for each county', () => {
    const rows = noticeTargets(['trained']);
    expect(find(rows, XUZHOU)).toMatchObject({ value: 1500, unit: 'people' });
    expect(find(rows, PROVINCE_CODE)!.value).toBe(1500 * allCities().length);
    expect(find(rows, FENG)!.value).toBe(Math.ceil(1500 / countiesUnder(XUZHOU).length));
    // every region, every plan year, nothing outside the plan
    expect(rows).toHaveLength((1 + allCities().length + allCounties().length) * 5);
    expect(rows.every((r) => r.year >= 2016 && r.year <= 2020)).toBe(true);
    for (const city of allCities()) {
      const counties = countiesUnder(city.code).map((c) => find(rows, c)!.value);
      expect(counties.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1500);
    }
  });

  it("derives Jiangsu's loan target from its own training goals and Nanyang's lending per new entrepreneur, not a city's figure", () => {
    expect(LOANS_PER_CITY_YUAN).toBe(20_000_000); // 1,500 trained × 50 % opening × 400 M / 15,000 yuan
    const rows = noticeTargets(['loansIssuedYuan']);
    expect(find(rows, XUZHOU)).toMatchObject({ value: 20_000_000, unit: 'yuan' });
    expect(find(rows, PROVINCE_CODE)!.value).toBe(260_000_000);
    expect(find(rows, XUZHOU)!.source).toMatch(/Nanyang/);
  });

  it('sets rates at every level, four new parks a year for the province only, and nothing for untargeted indicators', () => {
    const rates = noticeTargets(['passRate', 'openingRate6m', 'survivalRate1y', 'jobsPerVenture']);
    for (const code of [PROVINCE_CODE, XUZHOU, FENG]) {
      expect(rates.filter((r) => r.regionCode === code && r.year === 2019).map((r) => [r.indicator, r.value]))
        .toEqual([['passRate', 0.8], ['openingRate6m', 0.5], ['survivalRate1y', 0.8], ['jobsPerVenture', 4]]);
    }
    const parks = noticeTargets(['newParks']);
    expect(parks.map((r) => [r.regionCode, r.year, r.value])).toEqual([2016, 2017, 2018, 2019, 2020].map((y) => [PROVINCE_CODE, y, 4]));
    expect(noticeTargets(['poorTraineeShare', 'storiesPublished'])).toEqual([]);
    expect(rates.every((r) => r.source.trim().length > 0)).toBe(true);
  });
});
