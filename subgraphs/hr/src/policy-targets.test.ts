import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { expectedScorecard, expectedScorecardNotes, expectedTarget } from '@rg/demo-province';
import { hrSubgraph } from './index';

/**
 * hr's policy targets: the notices' figures as records, read by anyone, changed by admins only,
 * and what hr's indicators are judged against; and cohorts judged only once old enough.
 */
let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

const XUZHOU = '320300';
const PROVINCE = '320000';
const TARGETS = `query($r: ID, $y: Int, $i: String) { hrPolicyTargets(regionCode: $r, year: $y, indicator: $i) {
  indicator regionCode year value unit source department } }`;
const SET = `mutation($input: SetHrPolicyTargetInput!) { setHrPolicyTarget(input: $input) { indicator regionCode year value unit source department } }`;
const CARD = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) {
  trained { value target targetSource met note } loansIssuedYuan { value target met note }
  openingRate6m { value target met note } survivalRate1y { value target met note } } }`;

describe('policy targets as records', () => {
  it("answers the notices' figures for a region and year, to the public, each with its source", async () => {
    const { data, errors } = await hr.query(TARGETS, { r: XUZHOU, y: 2019 });
    expect(errors).toBeUndefined();
    const byIndicator = Object.fromEntries(data.hrPolicyTargets.map((t: any) => [t.indicator, t]));
    expect(Object.keys(byIndicator).sort()).toEqual(['jobsPerVenture', 'loansIssuedYuan', 'openingRate6m', 'passRate', 'survivalRate1y', 'trained', 'trainingWishesMet']);
    for (const [indicator, row] of Object.entries<any>(byIndicator)) {
      expect({ indicator, value: row.value }).toEqual({ indicator, value: expectedTarget(indicator as any, XUZHOU, 2019) });
      expect(row).toMatchObject({ regionCode: XUZHOU, year: 2019, department: 'hr' });
      expect(row.source.length).toBeGreaterThan(20);
    }
    expect(byIndicator.loansIssuedYuan).toMatchObject({ value: 20_000_000, unit: 'yuan' });
    const none = await hr.query(TARGETS, { r: XUZHOU, y: 2021 });
    expect(none.data.hrPolicyTargets).toEqual([]);
  });

  it('judges the scorecard against the stored target, and says so where none is set', async () => {
    const { data, errors } = await hr.query(CARD, { r: XUZHOU, y: 2018 }, 'analyst');
    expect(errors).toBeUndefined();
    const expected = expectedScorecard(hr.world, XUZHOU, 2018);
    expect(data.scorecard.trained).toMatchObject({ value: expected.trained.value, target: 1500, met: expected.trained.met, note: null });
    expect(data.scorecard.trained.targetSource).toMatch(/1,500/);
    const after = await hr.query(CARD, { r: XUZHOU, y: 2022 }, 'analyst');
    expect(after.data.scorecard.trained).toMatchObject({
      target: null, targetSource: null, met: null, note: 'no policy target set for this region and year: reported, not judged',
    });
  });

  it("lets an admin change a target, audited, and the scorecard follows; nobody else may", async () => {
    const input = { indicator: 'trained', regionCode: XUZHOU, year: 2017, value: 10, source: 'city plan 2017, revised' };
    const audit = await hr.rowCount('audit_event');
    const refused = await hr.query(SET, { input }, 'hr');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await hr.rowCount('audit_event')).toBe(audit);

    const { data, errors } = await hr.query(SET, { input }, 'admin');
    expect(errors).toBeUndefined();
    expect(data.setHrPolicyTarget).toEqual({ ...input, unit: 'people', department: 'hr' });
    expect(await hr.rowCount('audit_event')).toBe(audit + 1);
    const card = await hr.query(CARD, { r: XUZHOU, y: 2017 }, 'analyst');
    const trained = expectedScorecard(hr.world, XUZHOU, 2017).trained.value!;
    expect(trained).toBeGreaterThanOrEqual(10);
    expect(card.data.scorecard.trained).toMatchObject({ value: trained, target: 10, targetSource: 'city plan 2017, revised', met: true });
  });

  it.each([
    [{ indicator: 'newParks' }, 'input.indicator'],
    [{ indicator: 'nonsense' }, 'input.indicator'],
    [{ regionCode: '110000' }, 'input.regionCode'],
    [{ year: 1999 }, 'input.year'],
    [{ value: -1 }, 'input.value'],
    [{ indicator: 'passRate', value: 1.5 }, 'input.value'],
    [{ source: '   ' }, 'input.source'],
    [{ source: 'x'.repeat(501) }, 'input.source'],
  ])('refuses %p naming %s, and changes nothing', async (override, field) => {
    const input = { indicator: 'trained', regionCode: XUZHOU, year: 2016, value: 1, source: 'test', ...override };
    const [targets, audit] = [await hr.rowCount('policy_target'), await hr.rowCount('audit_event')];
    const { errors } = await hr.query(SET, { input }, 'admin');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect([await hr.rowCount('policy_target'), await hr.rowCount('audit_event')]).toEqual([targets, audit]);
    const still = await hr.query(TARGETS, { r: XUZHOU, y: 2016, i: 'trained' });
    expect(still.data.hrPolicyTargets[0].value).toBe(1500);
  });
});

describe('cohorts judged only once old enough', () => {
  const asOf = async (referenceDate: string, year: number) => {
    const saved = process.env.SCORECARD_REFERENCE_DATE;
    process.env.SCORECARD_REFERENCE_DATE = referenceDate;
    try {
      return await hr.query(CARD, { r: PROVINCE, y: year }, 'analyst');
    } finally {
      process.env.SCORECARD_REFERENCE_DATE = saved;
    }
  };

  it('leaves survival and openings unjudged while part of the cohort is too young, with the reason, as the ground truth has it', async () => {
    // A day when half of the province's 2018 ventures are a year old: the day after the middle one's first anniversary.
    const opened = hr.world.hr.ventures.filter((v) => v.openedOn.startsWith('2018-')).map((v) => v.openedOn).sort();
    expect(opened.length).toBeGreaterThan(2);
    const middle = opened[Math.floor(opened.length / 2)];
    const halfway = new Date(Date.parse(`${middle}T00:00:00Z`) + 366 * 86_400_000).toISOString().slice(0, 10);
    for (const [referenceDate, year] of [[halfway, 2018], ['2018-09-30', 2018], ['2021-12-31', 2020]] as const) {
      const { data, errors } = await asOf(referenceDate, year);
      expect(errors).toBeUndefined();
      const expected = expectedScorecard(hr.world, PROVINCE, year, referenceDate);
      const notes = expectedScorecardNotes(hr.world, PROVINCE, year, referenceDate);
      for (const name of ['openingRate6m', 'survivalRate1y'] as const) {
        const actual = data.scorecard[name];
        const value = expected[name].value;
        expect({ referenceDate, name, ...actual, value: undefined }).toEqual({
          referenceDate, name, value: undefined, target: expected[name].target, met: expected[name].met, note: notes[name],
        });
        expect({ referenceDate, name, value: actual.value }).toEqual({ referenceDate, name, value: value === null ? null : expect.closeTo(value, 9) });
      }
    }
    // The three reference dates cover each case: part of the cohort too young, all of it, none of it.
    const partial = await asOf(halfway, 2018);
    expect(partial.data.scorecard.survivalRate1y.met).toBeNull();
    expect(partial.data.scorecard.survivalRate1y.value).not.toBeNull();
    expect(partial.data.scorecard.survivalRate1y.note).toBe(`not judged: ventures opened in 2018 less than a year before ${halfway} are not counted yet`);
    const young = await asOf('2018-09-30', 2018);
    expect(young.data.scorecard.survivalRate1y).toMatchObject({ met: null });
    const settled = await asOf('2021-12-31', 2020);
    expect(settled.data.scorecard.survivalRate1y.met).not.toBeNull();
    expect(settled.data.scorecard.openingRate6m.met).not.toBeNull();
  });
});
