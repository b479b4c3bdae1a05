import 'reflect-metadata';
import { checkScorecardsArgs, DEFAULT_MAX_REGION_YEARS, maxRegionYears, regionYears } from './comparison';
import { cardBatch } from './card-batch';
import { scorecardKey } from './scorecard-figures';

const refusal = (regionCodes: string[], years: number[], limit?: number) => {
  try {
    checkScorecardsArgs(regionCodes, years, limit);
  } catch (error: any) {
    return { field: error.extensions.field, code: error.extensions.code, message: error.message };
  }
  return null;
};

describe('scorecards arguments', () => {
  it('lists every region for every year, regions first', () => {
    expect(regionYears(['320300', '320321'], [2019, 2020])).toEqual([
      { regionCode: '320300', year: 2019 }, { regionCode: '320300', year: 2020 },
      { regionCode: '320321', year: 2019 }, { regionCode: '320321', year: 2020 },
    ]);
  });

  it('refuses empty lists, unknown codes, years outside 2000–2100 and too many region-years, naming the argument', () => {
    expect(refusal([], [2019])).toMatchObject({ field: 'regionCodes', code: 'BAD_USER_INPUT' });
    expect(refusal(['320300'], [])).toMatchObject({ field: 'years' });
    expect(refusal(['320300', '999999'], [2019])).toMatchObject({ field: 'regionCodes', message: expect.stringContaining('999999') });
    expect(refusal(['320300'], [2019, 1999])).toMatchObject({ field: 'years', message: expect.stringContaining('1999') });
    expect(refusal(['320300'], [2101])).toMatchObject({ field: 'years' });
    expect(refusal(['320300', '320321', '320322'], [2018, 2019], 5)).toMatchObject({ field: 'regionCodes', message: expect.stringContaining('at most 5') });
    expect(refusal(['320300', '320321'], [2018, 2019], 4)).toBeNull();
  });

  it('takes its limit from SCORECARDS_MAX_REGION_YEARS, 200 by default, and refuses a malformed one', () => {
    expect(DEFAULT_MAX_REGION_YEARS).toBe(200);
    expect(maxRegionYears({})).toBe(200);
    expect(maxRegionYears({ SCORECARDS_MAX_REGION_YEARS: '520' })).toBe(520);
    for (const value of ['0', '-1', '2.5', 'many']) {
      expect(() => maxRegionYears({ SCORECARDS_MAX_REGION_YEARS: value })).toThrow(/SCORECARDS_MAX_REGION_YEARS must be a whole number/);
    }
  });
});

describe('a batch of cards', () => {
  it('spreads each region-year over its counties, for one grouped statement', () => {
    const batch = cardBatch([scorecardKey('320300', 2019), scorecardKey('320321', 2017)]);
    expect(batch.card.filter((c) => c === 0)).toHaveLength(11); // Xuzhou's county-level divisions
    expect(batch.county.filter((_, i) => batch.card[i] === 1)).toEqual(['320321']);
    expect(new Set(batch.year.filter((_, i) => batch.card[i] === 0))).toEqual(new Set([2019]));
    expect(batch.counties).toHaveLength(11);
    expect([batch.from, batch.to]).toEqual(['2017-01-01', '2020-01-01']);
  });
});
