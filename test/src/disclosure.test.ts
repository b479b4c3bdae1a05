import { allCounties } from '@rg/regions';
import { expectedScorecardCounts, type ScorecardCounts } from '@rg/demo-province';
import { startStackHarness, type StackHarness } from './stack-harness';
import {
  CONTROLLED_REGION_FIGURES, INDICATORS, KEY_SET_INDICATORS, PUBLIC_RECORD_REGION_FIGURES, REFUSED, SMALL, expectedIndicators, expectedRegion,
  type Expected,
} from './disclosure-expectations';

/**
 * Disclosure control through the gateway, county by county: the demo province's counties hold
 * a dozen trainees or so, so small cells are everywhere. The public must see a figure withheld
 * exactly where the ground truth's count is 1 … 4, and the exact figure elsewhere; a role with
 * record access sees every figure exactly, except where a department refused a small key set.
 * Aggregates are not cached here, so a refused set is seen not to reach the registry.
 */
let h: StackHarness;
const COUNTIES = allCounties().map((c) => c.code);
const YEAR = 2019;
const regions = new Map<boolean, Map<string, ReturnType<typeof expectedRegion>>>();
const indicators = new Map<boolean, Map<string, ReturnType<typeof expectedIndicators>>>();
const counts = new Map<string, ScorecardCounts>();
beforeAll(async () => {
  // Correctness, not speed: a generous deadline so a busy CI machine does not cut a department off.
  h = await startStackHarness({ env: { AGGREGATE_CACHE_MS: '0', SUBGRAPH_TIMEOUT_MS: '60000' } });
  // The ground truth is worked out before any request, so no test leaves its connections idle
  // for seconds while it computes (an idle keep-alive socket may be closed under it).
  for (const exact of [false, true]) {
    regions.set(exact, new Map(COUNTIES.map((code) => [code, expectedRegion(h.world, code, exact)])));
    indicators.set(exact, new Map(COUNTIES.map((code) => [code, expectedIndicators(h.world, code, YEAR, exact)])));
  }
  for (const code of COUNTIES) counts.set(code, expectedScorecardCounts(h.world, code, YEAR));
  // Every department's first request (pools, plans) is slow on a busy machine; pay it here, not in a test.
  await h.query(`{ region(code: "320321") { traineeCount parkCount poorHouseholdCount storyCount womenSupportCaseCount }
    scorecard(regionCode: "320321", year: 2019) { trained { value } poorWomenSupportedShare { value } } }`);
}, 240_000);
afterAll(() => h?.stop());

type Caller = 'public' | 'analyst' | 'admin';
const ask = (query: string, variables: Record<string, unknown>, caller: Caller) =>
  h.query(query, variables, caller === 'public' ? undefined : caller);

/**
 * Asks for many regions or scorecards at once, a dozen aliases a request (the gateway allows
 * 15; a scorecard's full selection takes fewer, to stay under the gateway's token limit): each
 * answer is checked as if asked alone, in a fraction of the requests.
 */
async function askEach<T>(items: readonly T[], field: (item: T) => string, selection: string, caller: Caller, perRequest = 12): Promise<Array<{ data: any; errors: unknown }>> {
  const results: Array<{ data: any; errors: unknown }> = [];
  for (let i = 0; i < items.length; i += perRequest) {
    const chunk = items.slice(i, i + perRequest);
    const { data, errors } = await ask(`{ ${chunk.map((item, j) => `a${j}: ${field(item)} ${selection}`).join(' ')} }`, {}, caller);
    results.push(...chunk.map((_, j) => ({ data: data?.[`a${j}`], errors })));
  }
  return results;
}

const REGION = `{ code ${[...PUBLIC_RECORD_REGION_FIGURES, ...CONTROLLED_REGION_FIGURES.map(([name]) => name)].join(' ')}
  disclosure { ${CONTROLLED_REGION_FIGURES.map(([name]) => `${name} { suppressed note }`).join(' ')} } }`;

const INDICATOR_SELECTION = `{ ${INDICATORS.map((name) => `${name} { value target met suppressed note }`).join(' ')} }`;
const SCORECARD = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) ${INDICATOR_SELECTION} }`;

/** What the answer shows for one figure, in the expectation's terms. */
function seen(value: number | null, disclosure: { suppressed: boolean; note: string | null }): Expected | { value: null; note: string | null } {
  return { value, note: disclosure.suppressed ? disclosure.note : null };
}

describe('Region figures by county', () => {
  it.each<Caller>(['public', 'analyst'])('as %s: withheld exactly where the count is 1 … 4 for the public, exact otherwise', async (caller) => {
    const answers = await askEach(COUNTIES, (code) => `region(code: "${code}")`, REGION, caller);
    const tally = { withheld: 0, shown: 0 };
    answers.forEach(({ data: region, errors }, i) => {
      const code = COUNTIES[i];
      expect({ code, errors }).toEqual({ code, errors: undefined });
      const data = { region };
      const expected = regions.get(caller !== 'public')!.get(code)!;
      for (const name of PUBLIC_RECORD_REGION_FIGURES) expect({ code, name, value: data.region[name] }).toEqual({ code, name, value: expected[name]!.value });
      for (const [name] of CONTROLLED_REGION_FIGURES) {
        const e = expected[name]!;
        const actual = seen(data.region[name], data.region.disclosure[name]);
        expect({ code, name, ...actual }).toEqual({ code, name, value: e.note ? null : e.value, note: e.note });
        expect(data.region.disclosure[name].suppressed).toBe(e.note !== null);
        tally[e.note ? 'withheld' : 'shown']++;
      }
    });
    // The province has small cells and large ones: neither branch is vacuous for the public.
    if (caller === 'public') expect(tally.withheld).toBeGreaterThan(50);
    else expect(tally.withheld).toBe(0);
    expect(tally.shown).toBeGreaterThan(50);
  }, 120_000);
});

describe('Scorecard indicators by county', () => {
  const cards = COUNTIES.map((code) => [code, YEAR] as const);

  it.each<Caller>(['public', 'analyst'])('as %s: each indicator withheld exactly where its people are 1 … 4, with the reason', async (caller) => {
    const answers = await askEach(cards, ([code, year]) => `scorecard(regionCode: "${code}", year: ${year})`, INDICATOR_SELECTION, caller, 6);
    const withheld = new Map<string, number>();
    answers.forEach(({ data: scorecard, errors }, i) => {
      const [code, year] = cards[i];
      expect({ code, year, errors }).toEqual({ code, year, errors: undefined });
      const data = { scorecard };
      const expected = indicators.get(caller !== 'public')!.get(code)!;
      for (const name of INDICATORS) {
        const actual = data.scorecard[name];
        const e = expected[name];
        if (e.note) {
          expect({ code, year, name, ...actual, target: undefined }).toEqual({
            code, year, name, value: null, met: null, suppressed: true, note: e.note, target: undefined,
          });
          withheld.set(name, (withheld.get(name) ?? 0) + 1);
        } else {
          // Given: the note says only why it is not judged (no target set, or a cohort not yet old enough), if it is not.
          expect({ code, year, name, suppressed: actual.suppressed, note: actual.note }).toEqual({ code, year, name, suppressed: false, note: e.unjudged });
          expect({ code, year, name, value: actual.value }).toEqual({ code, year, name, value: e.value === null ? null : expect.closeTo(e.value, 9) });
        }
      }
    });
    if (caller === 'public') {
      for (const name of ['trained', 'passRate', 'openingRate6m', 'loansIssuedYuan', 'poorTraineeShare', 'womenSupportCasesOpened']) {
        expect({ name, withheld: (withheld.get(name) ?? 0) > 0 }).toEqual({ name, withheld: true });
      }
    }
    for (const name of ['jobsPerVenture', 'survivalRate1y', 'newParks', 'storiesPublished', 'returneeVentures']) expect(withheld.get(name)).toBeUndefined();
    // Record readers lose only what the key-set rule refuses, and it does refuse some county cohorts.
    if (caller === 'analyst') {
      expect([...withheld.keys()]).toEqual(expect.arrayContaining(['poorTraineeShare', 'poorWomenSupportedShare', 'poorWomenTrainees']));
      const refusedSomewhere = KEY_SET_INDICATORS.filter((name) => COUNTIES.some((code) => indicators.get(true)!.get(code)![name].note !== null));
      expect([...withheld.keys()].sort()).toEqual([...refusedSomewhere].sort());
    }
  }, 120_000);

  it('keeps the target of a withheld indicator and never judges it', async () => {
    const [code, year] = cards.find(([c]) => {
      const n = counts.get(c)!;
      return n.completions > 0 && [n.passes, n.completions - n.passes, n.completions].some((x) => x > 0 && x < 5);
    })!;
    const { data } = await ask(SCORECARD, { r: code, y: year }, 'public');
    expect(data.scorecard.passRate).toEqual({ value: null, target: 0.8, met: null, suppressed: true, note: SMALL() });
  });
});

describe('key sets between departments', () => {
  const QUERY = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) { poorTraineeShare { value suppressed note } } }`;
  const find = (small: boolean): [string, number] => {
    const code = COUNTIES.find((c) => { const n = counts.get(c)!.trained; return small ? n > 0 && n < 5 : n >= 5; })!;
    return [code, YEAR];
  };

  it.each<Caller>(['public', 'analyst', 'admin'])('poverty refuses a cohort of 1 … 4 without reading the registry, as %s', async (caller) => {
    const [code, year] = find(true);
    const before = await h.statements('poverty');
    const { data, errors } = await ask(QUERY, { r: code, y: year }, caller);
    expect(errors).toBeUndefined();
    expect(await h.statements('poverty')).toBe(before);
    expect(data.scorecard.poorTraineeShare).toEqual({ value: null, suppressed: true, note: REFUSED('poverty') });
  });

  it('poverty matches a cohort of 5 or more (the registry is read) and answers a record reader exactly', async () => {
    const [code, year] = find(false);
    const before = await h.statements('poverty');
    const { data, errors } = await ask(QUERY, { r: code, y: year }, 'analyst');
    expect(errors).toBeUndefined();
    expect(await h.statements('poverty')).toBeGreaterThan(before);
    const expected = indicators.get(true)!.get(code)!.poorTraineeShare;
    expect(expected.unjudged).toBe('no policy target set for this region and year: reported, not judged');
    expect(data.scorecard.poorTraineeShare).toMatchObject({ suppressed: false, note: expected.unjudged });
    expect(data.scorecard.poorTraineeShare.value).toBeCloseTo(expected.value!, 9);
  });
});
