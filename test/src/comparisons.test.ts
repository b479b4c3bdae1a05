import { DEPARTMENTS } from '@rg/departments';
import { expectedMonthlyStatistics, generateWorld, type MonthFigures } from '@rg/demo-province';
import { allCities, childrenOf, countiesUnder } from '@rg/regions';
import { E2E_TRAINEES, startStackHarness, type StackHarness } from './stack-harness';
import { expectedIndicators, INDICATORS, REFUSED, SMALL, THRESHOLD } from './disclosure-expectations';

/**
 * The comparison API through the gateway: the region tree, scorecards for many region-years
 * at once and monthly statistics, checked against the generator's ground truth. Aggregates are
 * not cached across requests here (AGGREGATE_CACHE_MS=0), so every request is answered from
 * the databases and its SQL statements can be counted.
 */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness({ env: { AGGREGATE_CACHE_MS: '0' } });
}, 180_000);
afterAll(() => h?.stop());

const small = (n: number) => n > 0 && n < THRESHOLD;
const INDICATOR = '{ value target met suppressed note }';
const CARD = `regionCode year ${INDICATORS.map((name) => `${name} ${INDICATOR}`).join(' ')}`;
const SCORECARDS = `query($r: [ID!]!, $y: [Int!]!) { scorecards(regionCodes: $r, years: $y) { ${CARD} } }`;
const SCORECARD = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) { ${CARD} } }`;
const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020];

/** The county with the most loans in the plan's years: months with records to compare, and some small ones. */
const BUSY_COUNTY = (() => {
  const world = generateWorld({ trainees: E2E_TRAINEES });
  const region = new Map(world.hr.trainees.map((t) => [t.id, t.regionCode]));
  const loans = new Map<string, number>();
  for (const l of world.hr.loans) loans.set(region.get(l.borrowerId)!, (loans.get(region.get(l.borrowerId)!) ?? 0) + 1);
  return [...loans].sort((a, b) => b[1] - a[1])[0][0];
})();

describe('the region tree', () => {
  it('gives the province its 13 cities, Xuzhou its ten counties, and every county its city as parent', async () => {
    const { data, errors } = await h.query(`{ region(code: "320000") { code parent { code } children { code name level parent { code }
      children { code name level parent { code name } children { code } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.region.parent).toBeNull();
    expect(data.region.children.map((c: any) => c.code).sort()).toEqual(allCities().map((c) => c.code).sort());
    expect(data.region.children).toHaveLength(13);
    // Xuzhou's ten counties and districts, and the development zone the statistical code table
    // lists at county level beside them (徐州经济技术开发区, 320371; records may carry its code).
    const xuzhou = data.region.children.find((c: any) => c.code === '320300');
    expect(xuzhou.children.filter((c: any) => !c.name.endsWith('开发区')).map((c: any) => c.code)).toEqual([
      '320302', '320303', '320305', '320311', '320312', '320321', '320322', '320324', '320381', '320382']);
    expect(xuzhou.children.map((c: any) => c.code).sort()).toEqual([...countiesUnder('320300')].sort());
    expect(xuzhou.children.map((c: any) => c.code)).toContain('320371');
    let counties = 0;
    for (const city of data.region.children) {
      expect(city).toMatchObject({ level: 'CITY', parent: { code: '320000' } });
      expect(city.children.map((c: any) => c.code)).toEqual(childrenOf(city.code).map((c) => c.code));
      for (const county of city.children) {
        counties++;
        expect({ county: county.code, level: county.level, parent: county.parent.code, children: county.children })
          .toEqual({ county: county.code, level: 'COUNTY', parent: city.code, children: [] });
      }
    }
    expect(counties).toBe(104);
  });

  it('goes up from a county to the province', async () => {
    const { data, errors } = await h.query(`{ region(code: "320321") { name parent { code level parent { code level parent { code } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.region.parent).toEqual({ code: '320300', level: 'CITY', parent: { code: '320000', level: 'PROVINCE', parent: null } });
  });
});

describe('scorecards for many region-years', () => {
  const regions = ['320000', '320300', '320321', '321300'];

  it.each([['analyst', true], ['the public', false]] as const)(
    'answers %s regions × years in order, each equal to scorecard(regionCode, year) and the ground truth',
    async (caller, exact) => {
      const role = caller === 'analyst' ? 'analyst' : undefined;
      const { data, errors } = await h.query(SCORECARDS, { r: regions, y: PLAN_YEARS }, role);
      expect(errors).toBeUndefined();
      const expectedOrder = regions.flatMap((regionCode) => PLAN_YEARS.map((year) => ({ regionCode, year })));
      expect(data.scorecards.map((c: any) => ({ regionCode: c.regionCode, year: c.year }))).toEqual(expectedOrder);
      for (const card of data.scorecards) {
        const single = await h.query(SCORECARD, { r: card.regionCode, y: card.year }, role);
        expect(single.errors).toBeUndefined();
        expect(card).toEqual(single.data.scorecard);
        const expected = expectedIndicators(h.world, card.regionCode, card.year, exact);
        for (const name of INDICATORS) {
          const { note, value } = expected[name];
          expect({ card: `${card.regionCode}:${card.year}`, name, value: card[name].value, note: card[name].note })
            .toEqual({ card: `${card.regionCode}:${card.year}`, name, value: note ? null : expect.closeTo(value, 9), note });
        }
      }
    },
  );

  it('costs every department the same SQL statements for 2 and for 50 region-years', async () => {
    const cost = async (regionCodes: string[], years: number[]) => {
      const before = await Promise.all(DEPARTMENTS.map((d) => h.statements(d)));
      const { data, errors } = await h.query(SCORECARDS, { r: regionCodes, y: years }, 'analyst');
      expect(errors).toBeUndefined();
      expect(data.scorecards).toHaveLength(regionCodes.length * years.length);
      const after = await Promise.all(DEPARTMENTS.map((d) => h.statements(d)));
      return Object.fromEntries(DEPARTMENTS.map((d, i) => [d, after[i] - before[i]]));
    };
    // The province is in both, so both have a key set for every matching step (a department
    // skips a statement when no set of the batch is large enough to match): only the number of
    // region-years differs.
    const two = await cost(['320000'], [2018, 2019]);
    const fifty = await cost(['320000', ...allCities().slice(0, 9).map((c) => c.code)], PLAN_YEARS);
    expect(Object.values(two).every((n) => n > 0)).toBe(true); // every department did answer from its database
    expect(fifty).toEqual(two);
  });
});

describe('monthly statistics', () => {
  const MONTHLY = `query($r: ID!, $y: Int!) { monthlyStatistics(regionCode: $r, year: $y) { regionCode year month
    trained venturesOpened jobsCreated loansIssuedYuan poorTrained parksOpened storiesPublished
    womenSupportCasesOpened womenSupportCasesClosed
    disclosure { trained { suppressed note } loansIssuedYuan { suppressed note } poorTrained { suppressed note }
      womenSupportCasesOpened { suppressed note } womenSupportCasesClosed { suppressed note } } } }`;

  /** What a caller sees of a month: record-access roles every count, the public none of 1 … 4 people; key sets of 1 … 4 refused for all. */
  function expectedMonth(m: MonthFigures, exact: boolean) {
    const count = (n: number, unit = 'people') => (!exact && small(n) ? SMALL(unit) : null);
    const notes = {
      trained: count(m.trained),
      loansIssuedYuan: count(m.borrowers),
      poorTrained: small(m.trained) ? REFUSED('poverty') : count(m.poorTrained),
      womenSupportCasesOpened: count(m.womenSupportCasesOpened, 'support cases'),
      womenSupportCasesClosed: count(m.womenSupportCasesClosed, 'support cases'),
    };
    const shown = (name: keyof typeof notes) => (notes[name] ? null : m[name]);
    return {
      row: {
        month: m.month, venturesOpened: m.venturesOpened, jobsCreated: m.jobsCreated, parksOpened: m.parksOpened,
        storiesPublished: m.storiesPublished, trained: shown('trained'), loansIssuedYuan: shown('loansIssuedYuan'),
        poorTrained: shown('poorTrained'), womenSupportCasesOpened: shown('womenSupportCasesOpened'),
        womenSupportCasesClosed: shown('womenSupportCasesClosed'),
      },
      disclosure: Object.fromEntries(Object.entries(notes).map(([name, note]) => [name, { suppressed: note !== null, note }])),
    };
  }

  it.each([
    ['320000', 2018, true], ['320300', 2019, true], [BUSY_COUNTY, 2020, true], ['320300', 2019, false], [BUSY_COUNTY, 2019, false],
  ] as const)('answers %s in %i month by month as the records say (record access: %p)', async (regionCode, year, exact) => {
    const { data, errors } = await h.query(MONTHLY, { r: regionCode, y: year }, exact ? 'analyst' : undefined);
    expect(errors).toBeUndefined();
    expect(data.monthlyStatistics.map((m: any) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const months = expectedMonthlyStatistics(h.world, regionCode, year);
    expect(months.some((m) => m.trained > 0 && m.loansIssuedYuan > 0)).toBe(true); // the year has records to compare
    data.monthlyStatistics.forEach((row: any, i: number) => {
      const { row: expected, disclosure } = expectedMonth(months[i], exact);
      const { disclosure: actualDisclosure, ...actual } = row;
      expect(actual).toEqual({ regionCode, year, ...expected });
      expect({ month: row.month, ...actualDisclosure }).toEqual({ month: row.month, ...disclosure });
    });
  });

  it.each([['320000', 2017], ['320300', 2019], [BUSY_COUNTY, 2020]])(
    'adds up the twelve loansIssuedYuan of %s in %i to the scorecard\'s', async (regionCode, year) => {
      const { data, errors } = await h.query(`query($r: ID!, $y: Int!) {
        monthlyStatistics(regionCode: $r, year: $y) { loansIssuedYuan }
        scorecard(regionCode: $r, year: $y) { loansIssuedYuan { value } } }`, { r: regionCode, y: year }, 'analyst');
      expect(errors).toBeUndefined();
      const sum = data.monthlyStatistics.reduce((total: number, m: any) => total + m.loansIssuedYuan, 0);
      expect(data.scorecard.loansIssuedYuan.value).toBeGreaterThan(0);
      expect(sum).toBe(data.scorecard.loansIssuedYuan.value);
    },
  );
});
