import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { countiesUnder, PROVINCE_CODE } from '@rg/regions';
import { expectedRegionFigures, expectedScorecard } from '@rg/demo-province';
import { agricultureSubgraph } from './index';

let agri: SubgraphHarness;
beforeAll(async () => {
  agri = await startSubgraphHarness(agricultureSubgraph);
});
afterAll(() => agri?.stop());

const XUZHOU = '320300';
const under = (code: string) => new Set(countiesUnder(code));
const openResidencies = () => agri.world.agriculture.residencies.filter((r) => r.leftOn === null);

describe('agriculture subgraph on PostgreSQL', () => {
  it('lists the parks of a city with the total the world holds, to the public', async () => {
    const counties = under(XUZHOU);
    const expected = agri.world.agriculture.parks.filter((p) => counties.has(p.regionCode));
    const { data, errors } = await agri.query(
      `query($f: IncubatorParkFilter) { incubatorParks(filter: $f, first: 2) {
        totalCount edges { node { id regionCode industries } } pageInfo { hasNextPage } } }`,
      { f: { regionCode: XUZHOU } },
    );
    expect(errors).toBeUndefined();
    expect(expected.length).toBeGreaterThan(0);
    expect(data.incubatorParks.totalCount).toBe(expected.length);
    expect(data.incubatorParks.edges.map((e: any) => Number(e.node.id))).toEqual(expected.slice(0, 2).map((p) => p.id));
    expect(data.incubatorParks.edges[0].node.industries).toEqual(expected[0].industries);
    expect(data.incubatorParks.pageInfo.hasNextPage).toBe(expected.length > 2);
  });

  it('filters by level, opening year and industry as the world says', async () => {
    const parks = agri.world.agriculture.parks;
    const industry = parks[0].industries[0];
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ level: 'COUNTY' }, parks.filter((p) => p.level === 'COUNTY').length],
      [{ openedYear: 2018 }, parks.filter((p) => p.openedOn.startsWith('2018-')).length],
      [{ industry }, parks.filter((p) => p.industries.includes(industry)).length],
      [{ regionCode: PROVINCE_CODE, level: 'CITY', industry },
        parks.filter((p) => p.level === 'CITY' && p.industries.includes(industry)).length],
    ];
    for (const [f, expected] of cases) {
      const { data, errors } = await agri.query(
        'query($f: IncubatorParkFilter) { incubatorParks(filter: $f) { totalCount } }', { f });
      expect(errors).toBeUndefined();
      expect([f, data.incubatorParks.totalCount]).toEqual([f, expected]);
    }
  });

  it('refuses an unknown region code and a page over 500, naming the argument', async () => {
    const unknown = await agri.query('{ incubatorParks(filter: { regionCode: "110105" }) { totalCount } }');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const big = await agri.query('{ incubatorParks(first: 501) { totalCount } }');
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('walks every page with cursors without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await agri.query(
        `query($after: String) { incubatorParks(first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.incubatorParks.edges.map((e: any) => Number(e.node.id)));
      after = data.incubatorParks.pageInfo.hasNextPage ? data.incubatorParks.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(agri.world.agriculture.parks.map((p) => p.id));
  });

  it('costs the same SQL statements for a page of 20 and of 200 with all relations', async () => {
    const query = `query($n: Int) { incubatorParks(first: $n) { edges { node { id occupancy
      residencies { id enteredOn leftOn park { id } venture { id park { id } } }
      residents { id park { id capacity } } } } } }`;
    const cost = async (n: number) => {
      const before = await agri.statements();
      const { data, errors } = await agri.query(query, { n });
      expect(errors).toBeUndefined();
      return { statements: (await agri.statements()) - before, parks: data.incubatorParks.edges.length };
    };
    const small = await cost(20);
    const large = await cost(200);
    expect(small.parks).toBe(20);
    expect(large.parks).toBe(agri.world.agriculture.parks.length);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it("answers a park's occupancy, residents and residencies as the world says", async () => {
    const open = openResidencies();
    const parkId = open[0].parkId;
    const { data, errors } = await agri.query(
      `query($id: ID!) { incubatorPark(id: $id) { id capacity occupancy residents { id }
        residencies { id enteredOn leftOn venture { id } park { id } } } }`,
      { id: String(parkId) },
    );
    expect(errors).toBeUndefined();
    const residents = open.filter((r) => r.parkId === parkId);
    const all = agri.world.agriculture.residencies.filter((r) => r.parkId === parkId);
    expect(data.incubatorPark.occupancy).toBe(residents.length);
    expect(data.incubatorPark.occupancy).toBeLessThanOrEqual(data.incubatorPark.capacity);
    expect(data.incubatorPark.residents).toEqual(residents.map((r) => ({ id: String(r.ventureId) })));
    expect(data.incubatorPark.residencies).toEqual(all.map((r) => ({
      id: String(r.id), enteredOn: r.enteredOn, leftOn: r.leftOn, venture: { id: String(r.ventureId) }, park: { id: String(parkId) },
    })));
    const missing = await agri.query('{ a: incubatorPark(id: "999999") { id } b: incubatorPark(id: "x") { id } }');
    expect(missing.data).toEqual({ a: null, b: null });
  });

  it('resolves Venture.park and IncubatorPark references through _entities in one batch', async () => {
    const resident = openResidencies()[0];
    const left = agri.world.agriculture.residencies.find((r) => r.leftOn !== null);
    const park = agri.world.agriculture.parks[1];
    const representations = [
      { __typename: 'Venture', id: String(resident.ventureId) },
      { __typename: 'Venture', id: '987654' },
      ...(left ? [{ __typename: 'Venture', id: String(left.ventureId) }] : []),
      { __typename: 'IncubatorPark', id: String(park.id) },
    ];
    const before = await agri.statements();
    const { data, errors } = await agri.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Venture { id park { id name } } ... on IncubatorPark { id name level } } }`,
      { r: representations },
    );
    expect(errors).toBeUndefined();
    const residentPark = agri.world.agriculture.parks.find((p) => p.id === resident.parkId)!;
    expect(data._entities[0]).toEqual({ id: String(resident.ventureId), park: { id: String(residentPark.id), name: residentPark.name } });
    expect(data._entities[1]).toEqual({ id: '987654', park: null });
    if (left) expect(data._entities[2]).toEqual({ id: String(left.ventureId), park: null });
    expect(data._entities.at(-1)).toEqual({ id: String(park.id), name: park.name, level: park.level });
    // Parks by id and open residencies by venture, batched: not one statement per reference.
    expect((await agri.statements()) - before).toBeLessThanOrEqual(3);
  });

  it('answers region figures at every level in one grouped statement', async () => {
    const codes = [PROVINCE_CODE, XUZHOU, agri.world.agriculture.parks[0].regionCode, '320100', '320500'];
    const before = await agri.statements();
    const { data, errors } = await agri.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code level parkCount parkCapacity residentVentureCount } } }`,
      { r: codes.map((code) => ({ __typename: 'Region', code })) },
    );
    expect(errors).toBeUndefined();
    expect((await agri.statements()) - before).toBe(1);
    data._entities.forEach((region: any, i: number) => {
      const counties = under(codes[i]);
      const parks = agri.world.agriculture.parks.filter((p) => counties.has(p.regionCode));
      const parkIds = new Set(parks.map((p) => p.id));
      expect(region).toEqual({
        code: codes[i],
        level: region.level,
        parkCount: expectedRegionFigures(agri.world, codes[i]).parkCount,
        parkCapacity: parks.reduce((sum, p) => sum + p.capacity, 0),
        residentVentureCount: openResidencies().filter((r) => parkIds.has(r.parkId)).length,
      });
    });
    expect(data._entities[0].parkCount).toBe(agri.world.agriculture.parks.length);
  });

  it('answers newParks on the scorecard as the generator says, judged at province level', async () => {
    const cards = [2016, 2017, 2018, 2019, 2020].map((year) => ({ __typename: 'Scorecard', regionCode: PROVINCE_CODE, year }))
      .concat([{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2018 }]);
    const before = await agri.statements();
    const { data, errors } = await agri.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard { regionCode year newParks { value target met } } } }`,
      { r: cards },
    );
    expect(errors).toBeUndefined();
    // Six scorecards: one statement for their figures and one for their targets, however many cards.
    expect((await agri.statements()) - before).toBe(2);
    let planTotal = 0;
    data._entities.forEach((card: any) => {
      expect(card.newParks).toEqual(expectedScorecard(agri.world, card.regionCode, card.year).newParks);
      if (card.regionCode === PROVINCE_CODE) planTotal += card.newParks.value;
    });
    expect(data._entities[0].newParks.target).toBe(4);
    expect(data._entities.at(-1).newParks.target).toBeNull();
    expect(planTotal).toBeGreaterThanOrEqual(18);

    const root = await agri.query('{ scorecard(regionCode: "320000", year: 2017) { newParks { value } } }');
    expect(root.data.scorecard.newParks.value).toBe(expectedScorecard(agri.world, PROVINCE_CODE, 2017).newParks.value);
  });

  it('counts returnee parks only toward new parks: the maker spaces planted in the plan years are listed but not counted', async () => {
    const { data, errors } = await agri.query(`{ others: incubatorParks(filter: { kind: OTHER_INCUBATOR }, first: 50) { totalCount edges { node { id kind openedOn } } }
      returnee: incubatorParks(filter: { kind: RETURNEE_PARK }) { totalCount } }`);
    expect(errors).toBeUndefined();
    const others = agri.world.agriculture.parks.filter((p) => p.kind === 'OTHER_INCUBATOR');
    expect(others).toHaveLength(5);
    expect(data.others.totalCount).toBe(5);
    expect(data.others.edges.map((e: any) => Number(e.node.id)).sort((a: number, b: number) => a - b)).toEqual(others.map((p) => p.id));
    expect(data.returnee.totalCount).toBe(agri.world.agriculture.parks.length - 5);
    // 2017 has maker spaces opened: the province's new parks are its returnee parks alone.
    const opened2017 = agri.world.agriculture.parks.filter((p) => p.openedOn.startsWith('2017-'));
    expect(opened2017.some((p) => p.kind === 'OTHER_INCUBATOR')).toBe(true);
    const card = await agri.query('{ scorecard(regionCode: "320000", year: 2017) { newParks { value } } }');
    expect(card.data.scorecard.newParks.value).toBe(opened2017.filter((p) => p.kind === 'RETURNEE_PARK').length);
  });

  it('lists the project library by region, industry and investment', async () => {
    const projects = agri.world.agriculture.projects;
    const industry = projects[0].industry;
    const counties = under('320100');
    const expected = projects.filter((p) => counties.has(p.regionCode) && p.investmentYuan <= 150_000);
    const { data, errors } = await agri.query(
      `query($f: RecommendedProjectFilter) { recommendedProjects(filter: $f, first: 500) {
        totalCount edges { node { id title industry regionCode investmentYuan paybackMonths } } } }`,
      { f: { regionCode: '320100', maxInvestmentYuan: 150_000 } },
    );
    expect(errors).toBeUndefined();
    expect(data.recommendedProjects.totalCount).toBe(expected.length);
    expect(data.recommendedProjects.edges.map((e: any) => e.node)).toEqual(expected.map((p) => ({ ...p, id: String(p.id) })));
    const byIndustry = await agri.query(
      'query($f: RecommendedProjectFilter) { recommendedProjects(filter: $f) { totalCount } }', { f: { industry } });
    expect(byIndustry.data.recommendedProjects.totalCount).toBe(projects.filter((p) => p.industry === industry).length);
  });
});
