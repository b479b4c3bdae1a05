import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { countiesUnder, PROVINCE_CODE } from '@rg/regions';
import { personKeyPrefix } from '@rg/person-key';
import { expectedRegionFigures, expectedScorecard, type Trainee, type World } from '@rg/demo-province';
import { decodeKeySet, encodeKeySet, flagsOfSubset, keySetBytes } from '@rg/region-scorecard';
import { povertySubgraph } from './index';

let pov: SubgraphHarness;
beforeAll(async () => {
  pov = await startSubgraphHarness(povertySubgraph);
});
afterAll(() => pov?.stop());

const XUZHOU = '320300';
const NO_TARGET = 'no policy target set for this region and year: reported, not judged';
const under = (code: string) => new Set(countiesUnder(code));

/** hr's trained cohort as hr computes it: trainees of the region with a course completed in the year. */
function cohort(world: World, regionCode: string, year: number): Trainee[] {
  const counties = under(regionCode);
  const byId = new Map(world.hr.trainees.map((t) => [t.id, t]));
  const ids = new Set<number>();
  for (const e of world.hr.enrolments) {
    if (e.completedOn?.startsWith(`${year}-`) && counties.has(byId.get(e.traineeId)!.regionCode)) ids.add(e.traineeId);
  }
  return [...ids].map((id) => byId.get(id)!);
}

const keySetOf = (people: Array<{ personKey: string }>) => encodeKeySet(people.map((p) => personKeyPrefix(p.personKey)));
/** hr's women among a key set's people: a bit per prefix of the set (key-set-flags.ts). */
const flagsOf = (keySet: string, womenKeySet: string) => flagsOfSubset(keySetBytes(keySet), keySetBytes(womenKeySet)).toString('base64');

/** Person keys of members of households registered in or before the year. */
function registryKeys(world: World, year: number): Set<string> {
  const registered = new Map(world.poverty.households.map((h) => [h.id, h.registeredYear]));
  return new Set(world.poverty.members.filter((m) => registered.get(m.householdId)! <= year).map((m) => m.personKey));
}

const SCORECARD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard {
  regionCode year poorTraineeShare { value target met suppressed note } poorWomenTrainees { value suppressed note }
  poorWomenTraineeKeySet } } }`;

describe('poverty registry on PostgreSQL', () => {
  it('lists the households of a city by cause with the total the world holds', async () => {
    const counties = under(XUZHOU);
    const cause = pov.world.poverty.households[0].cause;
    const expected = pov.world.poverty.households.filter((h) => counties.has(h.regionCode) && h.cause === cause);
    const { data, errors } = await pov.query(
      `query($f: PoorHouseholdFilter) { poorHouseholds(filter: $f, first: 3) {
        totalCount edges { node { id householdNo cause regionCode } } pageInfo { hasNextPage } } }`,
      { f: { regionCode: XUZHOU, cause } }, 'analyst',
    );
    expect(errors).toBeUndefined();
    expect(data.poorHouseholds.totalCount).toBe(expected.length);
    expect(data.poorHouseholds.edges.map((e: any) => e.node)).toEqual(expected.slice(0, 3).map((h) => ({
      id: String(h.id), householdNo: h.householdNo, cause, regionCode: h.regionCode,
    })));
    expect(data.poorHouseholds.pageInfo.hasNextPage).toBe(expected.length > 3);
  });

  it('filters by registration year and exit as the world says', async () => {
    const households = pov.world.poverty.households;
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ registeredYear: 2016 }, households.filter((h) => h.registeredYear === 2016).length],
      [{ exited: true }, households.filter((h) => h.exitedYear !== null).length],
      [{ exited: false, regionCode: PROVINCE_CODE }, households.filter((h) => h.exitedYear === null).length],
      [{ exitedYear: 2019 }, households.filter((h) => h.exitedYear === 2019).length],
    ];
    for (const [f, expected] of cases) {
      const { data, errors } = await pov.query(
        'query($f: PoorHouseholdFilter) { poorHouseholds(filter: $f) { totalCount } }', { f }, 'analyst');
      expect(errors).toBeUndefined();
      expect([f, data.poorHouseholds.totalCount]).toEqual([f, expected]);
    }
    const bad = await pov.query('{ poorHouseholds(filter: { regionCode: "110000" }) { totalCount } }', undefined, 'analyst');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('walks every page with cursors without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await pov.query(
        `query($after: String) { poorHouseholds(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after }, 'poverty',
      );
      seen.push(...data.poorHouseholds.edges.map((e: any) => Number(e.node.id)));
      after = data.poorHouseholds.pageInfo.hasNextPage ? data.poorHouseholds.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(pov.world.poverty.households.map((h) => h.id));
  });

  it('costs the same SQL statements for a page of 20 and of 200 with all relations', async () => {
    const query = `query($n: Int) { poorHouseholds(first: $n) { edges { node { id size exited memberPersonKeys
      registeredMembers { id personKey name relation household { id householdNo } } } } } }`;
    const cost = async (n: number) => {
      const before = await pov.statements();
      const { data, errors } = await pov.query(query, { n }, 'poverty');
      expect(errors).toBeUndefined();
      expect(data.poorHouseholds.edges).toHaveLength(n);
      return (await pov.statements()) - before;
    };
    const small = await cost(20);
    const large = await cost(200);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it("serves a household's members and the member keys hr requires", async () => {
    const household = pov.world.poverty.households.find((h) => h.exitedYear !== null)!;
    const members = pov.world.poverty.members.filter((m) => m.householdId === household.id);
    const { data, errors } = await pov.query(
      `query($id: ID!) { poorHousehold(id: $id) { id householdNo size cause registeredYear exitedYear exited perCapitaIncomeYuan
        memberPersonKeys registeredMembers { personKey name gender birthYear relation } } }`,
      { id: String(household.id) }, 'poverty',
    );
    expect(errors).toBeUndefined();
    expect(data.poorHousehold).toEqual({
      id: String(household.id), householdNo: household.householdNo, size: household.size, cause: household.cause,
      registeredYear: household.registeredYear, exitedYear: household.exitedYear, exited: true,
      perCapitaIncomeYuan: household.perCapitaIncomeYuan,
      memberPersonKeys: members.map((m) => m.personKey),
      registeredMembers: members.map(({ personKey, name, gender, birthYear, relation }) => ({ personKey, name, gender, birthYear, relation })),
    });
    expect(data.poorHousehold.registeredMembers[0].relation).toBe('HEAD');
    expect(members).toHaveLength(household.size);
  });

  it('resolves PoorHousehold references with memberPersonKeys, as hr will ask', async () => {
    const [a, b] = pov.world.poverty.households;
    const { data, errors } = await pov.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PoorHousehold { id memberPersonKeys } } }`,
      { r: [{ __typename: 'PoorHousehold', id: String(b.id) }, { __typename: 'PoorHousehold', id: String(a.id) }] }, 'hr',
    );
    expect(errors).toBeUndefined();
    const keys = (id: number) => pov.world.poverty.members.filter((m) => m.householdId === id).map((m) => m.personKey);
    expect(data._entities).toEqual([{ id: String(b.id), memberPersonKeys: keys(b.id) }, { id: String(a.id), memberPersonKeys: keys(a.id) }]);
  });

  it("answers Trainee.povertyHousehold by the registry, not the trainee's category, in one batch", async () => {
    const memberHousehold = new Map(pov.world.poverty.members.map((m) => [m.personKey, m.householdId]));
    const trainees = pov.world.hr.trainees.slice(0, 150);
    const inRegistry = trainees.filter((t) => memberHousehold.has(t.personKey));
    expect(inRegistry.length).toBeGreaterThan(0);
    expect(inRegistry.length).toBeLessThan(trainees.length);
    const ask = async (people: Trainee[]) => {
      const before = await pov.statements();
      const response = await pov.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { personKey povertyHousehold { id } } } }`,
        { r: people.map((t) => ({ __typename: 'Trainee', personKey: t.personKey })) }, 'hr',
      );
      return { ...response, statements: (await pov.statements()) - before };
    };
    const { data, errors, statements } = await ask(trainees);
    expect(errors).toBeUndefined();
    // Members by key, households by id (and hr's read written to the audit trail): as many for 150 people as for 10.
    expect(statements).toBe((await ask(trainees.filter((t) => memberHousehold.has(t.personKey)).slice(0, 10))).statements);
    expect(data._entities).toEqual(trainees.map((t) => ({
      personKey: t.personKey,
      povertyHousehold: memberHousehold.has(t.personKey) ? { id: String(memberHousehold.get(t.personKey)) } : null,
    })));
  });

  it('answers region figures at every level in one grouped statement', async () => {
    const codes = [PROVINCE_CODE, XUZHOU, pov.world.poverty.households[0].regionCode, '320500'];
    const before = await pov.statements();
    const { data, errors } = await pov.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code poorHouseholdCount poorPopulation exitedHouseholdCount } } }`,
      { r: codes.map((code) => ({ __typename: 'Region', code })) }, 'analyst',
    );
    expect(errors).toBeUndefined();
    expect((await pov.statements()) - before).toBe(1);
    data._entities.forEach((region: any, i: number) => {
      const counties = under(codes[i]);
      const households = pov.world.poverty.households.filter((h) => counties.has(h.regionCode));
      const ids = new Set(households.map((h) => h.id));
      expect(region).toEqual({
        code: codes[i],
        poorHouseholdCount: expectedRegionFigures(pov.world, codes[i]).poorHouseholdCount,
        poorPopulation: pov.world.poverty.members.filter((m) => ids.has(m.householdId)).length,
        exitedHouseholdCount: households.filter((h) => h.exitedYear !== null).length,
      });
    });
  });

  it("matches hr's key sets: poorTraineeShare, poorWomenTrainees and the poor women's key set", async () => {
    const cards = [[PROVINCE_CODE, 2019], [PROVINCE_CODE, 2016], [XUZHOU, 2019], ['320100', 2020], ['320321', 2019]] as const;
    // A set of 1 … 4 people is refused unread, whoever asks (disclosure control).
    const refused = (people: unknown[]) => people.length > 0 && people.length < 5;
    const sets = cards.flatMap(([regionCode, year]) => {
      const trained = cohort(pov.world, regionCode, year);
      return [trained, trained.filter((t) => t.gender === 'FEMALE')];
    });
    expect(sets.filter(refused).length).toBeGreaterThan(0);
    expect(sets.filter((s) => !refused(s)).length).toBeGreaterThan(0);
    const representations = cards.map(([regionCode, year]) => {
      const trained = cohort(pov.world, regionCode, year);
      return {
        __typename: 'Scorecard', regionCode, year,
        traineeKeySet: keySetOf(trained), womenTraineeFlags: flagsOf(keySetOf(trained), keySetOf(trained.filter((t) => t.gender === 'FEMALE'))),
      };
    });
    const before = await pov.statements();
    const { data, errors } = await pov.query(SCORECARD, { r: representations }, 'analyst');
    expect(errors).toBeUndefined();
    // One statement for every key set of the request (two sets a card), whatever their number and size;
    // refused sets are not looked up.
    expect((await pov.statements()) - before).toBe(1);
    data._entities.forEach((card: any, i: number) => {
      const [regionCode, year] = cards[i];
      const expected = expectedScorecard(pov.world, regionCode, year);
      const [trained, women] = [sets[2 * i], sets[2 * i + 1]];
      const refusal = { value: null, suppressed: true, note: 'poverty refused a key set of fewer than 5 people: suppressed to protect privacy' };
      if (refused(trained)) expect(card.poorTraineeShare).toEqual({ ...refusal, target: null, met: null });
      else expect(card.poorTraineeShare.value).toBeCloseTo(expected.poorTraineeShare.value!, 12);
      expect(card.poorTraineeShare.target).toBeNull();
      const poor = registryKeys(pov.world, year);
      const poorWomen = women.filter((t) => poor.has(t.personKey));
      if (refused(women)) {
        expect(card.poorWomenTrainees).toEqual({ value: null, suppressed: true, note: refusal.note });
        expect(card.poorWomenTraineeKeySet).toBeNull();
        return;
      }
      // The plan sets no target for it: reported, not judged, and the note says so.
      expect(card.poorWomenTrainees).toEqual({ value: expected.poorWomenTrainees.value, suppressed: false, note: NO_TARGET });
      // Poverty passes the poor women on only when they are not a handful themselves.
      expect(card.poorWomenTraineeKeySet).toBe(refused(poorWomen) ? null : keySetOf(poorWomen));
      if (!refused(poorWomen)) expect(decodeKeySet(card.poorWomenTraineeKeySet)).toHaveLength(expected.poorWomenTrainees.value!);
    });
    expect(data._entities[0].poorTraineeShare.value).toBeGreaterThan(0);
  });

  it('refuses a key set of a handful of people for every caller, without reading the registry', async () => {
    const poor = [...registryKeys(pov.world, 2019)];
    const handful = poor.slice(0, 4).map((personKey) => ({ personKey }));
    // Four registry members, padded with copies of themselves to look like eight: still four people.
    const padded = encodeKeySet([...handful, ...handful].map((p) => personKeyPrefix(p.personKey)));
    for (const keySet of [keySetOf(handful), keySetOf(handful.slice(0, 1)), padded]) {
      for (const role of [undefined, 'analyst', 'admin'] as const) {
        const before = await pov.statements();
        const { data, errors } = await pov.query(SCORECARD, {
          r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2019, traineeKeySet: keySet, womenTraineeFlags: flagsOf(keySet, keySet) }],
        }, role);
        expect(errors).toBeUndefined();
        expect((await pov.statements()) - before).toBe(0);
        const note = 'poverty refused a key set of fewer than 5 people: suppressed to protect privacy';
        expect(data._entities[0]).toMatchObject({
          poorTraineeShare: { value: null, met: null, suppressed: true, note },
          poorWomenTrainees: { value: null, suppressed: true, note },
          poorWomenTraineeKeySet: null,
        });
      }
    }
    // Five people are matched: the threshold is a floor, not a ban.
    const five = await pov.query(SCORECARD, {
      r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2019, traineeKeySet: keySetOf(poor.slice(0, 5).map((personKey) => ({ personKey }))),
        womenTraineeFlags: flagsOf(keySetOf(poor.slice(0, 5).map((personKey) => ({ personKey }))), '') }] }, 'analyst');
    expect(five.data._entities[0].poorTraineeShare).toMatchObject({ value: 1, suppressed: false, note: NO_TARGET });
  });

  it('answers an empty cohort with zero and refuses a missing or broken key set', async () => {
    const empty = await pov.query(SCORECARD, { r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2030, traineeKeySet: '', womenTraineeFlags: '' }] });
    expect(empty.errors).toBeUndefined();
    expect(empty.data._entities[0]).toMatchObject({ poorTraineeShare: { value: 0 }, poorWomenTrainees: { value: 0 }, poorWomenTraineeKeySet: '' });

    const missing = await pov.query('{ scorecard(regionCode: "320000", year: 2019) { poorTraineeShare { value } } }');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'traineeKeySet' });
    const broken = await pov.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard { poorTraineeShare { value } } } }',
      { r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2019, traineeKeySet: 'AAAA' }] });
    expect(broken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'traineeKeySet' });
    // The women's flags must be a bit per prefix of the trainee set: no byte more or less, no bit past its end.
    const people = (n: number) => keySetOf([...registryKeys(pov.world, 2019)].slice(0, n).map((personKey) => ({ personKey })));
    const eight = people(8);
    for (const [traineeKeySet, flags] of [[eight, ''], [eight, 'AAA='], [people(5), 'BA==']]) {
      const wrong = await pov.query(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard { poorWomenTrainees { value } } } }',
        { r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2019, traineeKeySet, womenTraineeFlags: flags }] });
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'womenTraineeFlags' });
      expect(wrong.errors?.[0].message).toContain('is not a bit per prefix of traineeKeySet');
    }
    const noFlags = await pov.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard { poorWomenTrainees { value } } } }',
      { r: [{ __typename: 'Scorecard', regionCode: XUZHOU, year: 2019, traineeKeySet: eight }] });
    expect(noFlags.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'womenTraineeFlags' });
  });

  it('matches a province-scale cohort of 200,000 prefixes and its women flagged in it, one statement for both', async () => {
    const year = 2018;
    const poor = registryKeys(pov.world, year);
    // Deterministic pseudo-random 64-bit prefixes (xorshift), plus every registry member of the year.
    let x = 0x2545f4914f6cdd1dn;
    const mask = (1n << 64n) - 1n;
    const prefixes = new Set<bigint>();
    while (prefixes.size < 200_000) {
      x ^= (x << 13n) & mask;
      x ^= x >> 7n;
      x ^= (x << 17n) & mask;
      prefixes.add(BigInt.asIntN(64, x));
    }
    // Women are about half of a cohort: flagged in the cohort's set, in the same representation.
    const women = new Set([...prefixes].slice(0, 100_000));
    for (const key of poor) {
      prefixes.add(personKeyPrefix(key));
      women.add(personKeyPrefix(key));
    }
    const traineeKeySet = encodeKeySet(prefixes);
    const womenTraineeFlags = flagsOf(traineeKeySet, encodeKeySet(women));
    const before = await pov.statements();
    const started = Date.now();
    const { data, errors } = await pov.query(SCORECARD, {
      r: [{ __typename: 'Scorecard', regionCode: PROVINCE_CODE, year, traineeKeySet, womenTraineeFlags }],
    });
    const elapsed = Date.now() - started;
    expect(errors).toBeUndefined();
    expect((await pov.statements()) - before).toBe(1);
    expect(data._entities[0].poorWomenTrainees.value).toBe(poor.size);
    expect(data._entities[0].poorTraineeShare.value).toBeCloseTo(poor.size / prefixes.size, 12);
    expect(elapsed).toBeLessThan(15_000);
  });
});

describe('poverty access rules', () => {
  it('serves the public no household records, not even whether a trainee is poor', async () => {
    const list = await pov.query('{ poorHouseholds(first: 1) { totalCount } }');
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const member = pov.world.poverty.members[0];
    const ref = await pov.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { povertyHousehold { id } } } }`,
      { r: [{ __typename: 'Trainee', personKey: member.personKey }] });
    expect(ref.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(ref.data ?? {})).not.toContain(`"id":"${member.householdId}"`);
    const figures = await pov.query('{ region(code: "320000") { poorHouseholdCount } }');
    expect(figures.data.region.poorHouseholdCount).toBe(pov.world.poverty.households.length);
  });

  it('gives an analyst the pseudonymous record and FORBIDDEN on names and income only', async () => {
    const { data, errors } = await pov.query(
      '{ poorHousehold(id: "1") { id cause perCapitaIncomeYuan registeredMembers { personKey name } } }', undefined, 'analyst');
    const members = pov.world.poverty.members.filter((m) => m.householdId === 1);
    expect(data.poorHousehold).toEqual({
      id: '1', cause: pov.world.poverty.households[0].cause, perCapitaIncomeYuan: null,
      registeredMembers: members.map((m) => ({ personKey: m.personKey, name: null })),
    });
    const forbidden = errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort();
    expect(forbidden).toEqual([
      ['poorHousehold.perCapitaIncomeYuan', 'FORBIDDEN'],
      ...members.map((_, i) => [`poorHousehold.registeredMembers.${i}.name`, 'FORBIDDEN']),
    ].sort());
  });

  it('audits reads by other departments, one batched event per record type', async () => {
    const count = async () => (await pov.subgraph.dataSource.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;
    const before = await count();
    await pov.query('{ poorHouseholds(first: 50) { edges { node { id registeredMembers { id } } } } }', undefined, 'womens-federation');
    const events = await pov.subgraph.dataSource.query(
      'SELECT role, action, record_type, cardinality(record_ids) AS n FROM audit_event ORDER BY id DESC LIMIT 2');
    expect(await count()).toBe(before + 2);
    const members = pov.world.poverty.members.filter((m) => m.householdId <= 50).length;
    expect(events).toEqual(expect.arrayContaining([
      { role: 'womens-federation', action: 'READ', record_type: 'PoorHousehold', n: 50 },
      { role: 'womens-federation', action: 'READ', record_type: 'HouseholdMember', n: members },
    ]));
    const own = await count();
    await pov.query('{ poorHouseholds(first: 5) { edges { node { id } } } }', undefined, 'poverty');
    expect(await count()).toBe(own);
  });
});
