import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { agricultureSubgraph } from './index';
import { isUniqueViolation } from '@rg/data-helpers';

let agri: SubgraphHarness;
beforeAll(async () => {
  agri = await startSubgraphHarness(agricultureSubgraph);
});
afterAll(() => agri?.stop());

const CREATE = `mutation($input: CreateParkInput!) { createPark(input: $input) {
  id name regionCode level kind openedOn capacity industries occupancy residents { id } } }`;
const ADMIT = `mutation($input: AdmitVentureInput!) { admitVenture(input: $input) { id enteredOn leftOn park { id occupancy } venture { id park { id } } } }`;
const RELEASE = `mutation($input: ReleaseVentureInput!) { releaseVenture(input: $input) { id enteredOn leftOn park { id occupancy } venture { id park { id } } } }`;

const parkInput = (override: Record<string, unknown> = {}) => ({
  name: '丰县返乡创业园', regionCode: '320321', level: 'COUNTY', openedOn: '2019-05-01', capacity: 50,
  industries: ['农村电商', '特色种植'], ...override,
});

async function createPark(override: Record<string, unknown> = {}): Promise<string> {
  const { data, errors } = await agri.query(CREATE, { input: parkInput(override) }, 'agriculture');
  expect(errors).toBeUndefined();
  return data.createPark.id;
}

/** Venture ids far above the world's, so they reside nowhere yet. */
let nextVenture = 900_000;
const freshVenture = () => String(nextVenture++);

describe('createPark', () => {
  it('registers a park, writes its audit event and serves it', async () => {
    const [parks, audit] = [await agri.rowCount('incubator_park'), await agri.rowCount('audit_event')];
    const { data, errors } = await agri.query(CREATE, { input: parkInput({ industries: [' 乡村旅游 ', '餐饮'] }) }, 'agriculture');
    expect(errors).toBeUndefined();
    expect(data.createPark).toMatchObject({
      name: '丰县返乡创业园', regionCode: '320321', level: 'COUNTY', kind: 'RETURNEE_PARK', openedOn: '2019-05-01', capacity: 50,
      industries: ['乡村旅游', '餐饮'], occupancy: 0, residents: [],
    });
    expect(Number(data.createPark.id)).toBeGreaterThan(agri.world.agriculture.parks.length);
    expect(await agri.rowCount('incubator_park')).toBe(parks + 1);
    expect(await agri.rowCount('audit_event')).toBe(audit + 1);
    const listed = await agri.query('{ incubatorParks(filter: { regionCode: "320321", openedYear: 2019 }) { edges { node { id } } } }');
    expect(listed.data.incubatorParks.edges.map((e: any) => e.node.id)).toContain(data.createPark.id);
  });

  it('registers another incubator, listed by its kind', async () => {
    const other = await agri.query(CREATE, { input: parkInput({ name: '丰县众创空间', kind: 'OTHER_INCUBATOR' }) }, 'agriculture');
    expect(other.errors).toBeUndefined();
    expect(other.data.createPark.kind).toBe('OTHER_INCUBATOR');
    const { data } = await agri.query('{ incubatorParks(filter: { kind: OTHER_INCUBATOR, openedYear: 2019 }) { totalCount } }');
    expect(data.incubatorParks.totalCount).toBe(1);
  });

  it.each([
    ['a city code', { regionCode: '320300' }, 'input.regionCode'],
    ['a region outside Jiangsu', { regionCode: '110105' }, 'input.regionCode'],
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a future opening date', { openedOn: '2999-01-01' }, 'input.openedOn'],
    ['an impossible date', { openedOn: '2019-02-30' }, 'input.openedOn'],
    ['no capacity', { capacity: 0 }, 'input.capacity'],
    ['a capacity over 10,000', { capacity: 10_001 }, 'input.capacity'],
    ['no industry', { industries: [] }, 'input.industries'],
    ['eleven industries', { industries: Array.from({ length: 11 }, (_, i) => `industry ${i}`) }, 'input.industries'],
    ['a blank industry', { industries: ['餐饮', '  '] }, 'input.industries'],
    ['a repeated industry', { industries: ['餐饮', ' 餐饮'] }, 'input.industries'],
  ])('refuses %s, naming the field and writing nothing', async (_, override, field) => {
    const [parks, audit] = [await agri.rowCount('incubator_park'), await agri.rowCount('audit_event')];
    const { data, errors } = await agri.query(CREATE, { input: parkInput(override) }, 'agriculture');
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0].message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    expect(await agri.rowCount('incubator_park')).toBe(parks);
    expect(await agri.rowCount('audit_event')).toBe(audit);
  });

  it.each([['the public', undefined], ['hr', 'hr'], ['an analyst', 'analyst']] as const)('refuses a park from %s', async (_, role) => {
    const parks = await agri.rowCount('incubator_park');
    const { errors } = await agri.query(CREATE, { input: parkInput() }, role);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await agri.rowCount('incubator_park')).toBe(parks);
  });
});

describe('admitVenture and releaseVenture', () => {
  it('admits a venture, then releases it, keeping occupancy and Venture.park in step', async () => {
    const parkId = await createPark({ capacity: 5 });
    const ventureId = freshVenture();
    const admitted = await agri.query(ADMIT, { input: { parkId, ventureId, enteredOn: '2020-01-10' } }, 'agriculture');
    expect(admitted.errors).toBeUndefined();
    expect(admitted.data.admitVenture).toMatchObject({
      enteredOn: '2020-01-10', leftOn: null, park: { id: parkId, occupancy: 1 }, venture: { id: ventureId, park: { id: parkId } },
    });
    const park = await agri.query('query($id: ID!) { incubatorPark(id: $id) { residents { id } } }', { id: parkId });
    expect(park.data.incubatorPark.residents).toEqual([{ id: ventureId }]);

    const audit = await agri.rowCount('audit_event');
    const released = await agri.query(RELEASE, { input: { parkId, ventureId, leftOn: '2021-03-01' } }, 'agriculture');
    expect(released.errors).toBeUndefined();
    expect(released.data.releaseVenture).toMatchObject({
      id: admitted.data.admitVenture.id, leftOn: '2021-03-01', park: { id: parkId, occupancy: 0 }, venture: { id: ventureId, park: null },
    });
    expect(await agri.rowCount('audit_event')).toBe(audit + 1);

    // Back in later (not before it left): a new residency, the old one kept as history.
    const again = await agri.query(ADMIT, { input: { parkId, ventureId, enteredOn: '2021-03-01' } }, 'agriculture');
    expect(again.errors).toBeUndefined();
    const history = await agri.query('query($id: ID!) { incubatorPark(id: $id) { residencies { leftOn } } }', { id: parkId });
    expect(history.data.incubatorPark.residencies).toEqual([{ leftOn: '2021-03-01' }, { leftOn: null }]);
  });

  it("keeps a venture's park history when it moves from one park to another", async () => {
    const [first, second] = [await createPark({ capacity: 5 }), await createPark({ capacity: 5, name: '沛县返乡创业园', regionCode: '320322' })];
    const ventureId = freshVenture();
    expect((await agri.query(ADMIT, { input: { parkId: first, ventureId, enteredOn: '2019-06-01' } }, 'agriculture')).errors).toBeUndefined();
    expect((await agri.query(RELEASE, { input: { parkId: first, ventureId, leftOn: '2020-02-01' } }, 'agriculture')).errors).toBeUndefined();
    expect((await agri.query(ADMIT, { input: { parkId: second, ventureId, enteredOn: '2020-03-01' } }, 'agriculture')).errors).toBeUndefined();
    const { data, errors } = await agri.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Venture {
      park { id } residencies { enteredOn leftOn park { id } } } } }`, { r: [{ __typename: 'Venture', id: ventureId }] });
    expect(errors).toBeUndefined();
    expect(data._entities[0]).toEqual({
      park: { id: second },
      residencies: [
        { enteredOn: '2019-06-01', leftOn: '2020-02-01', park: { id: first } },
        { enteredOn: '2020-03-01', leftOn: null, park: { id: second } },
      ],
    });
  });

  it("gives a generated venture's whole park history, ended stays included", async () => {
    const ended = agri.world.agriculture.residencies.find((r) => r.leftOn !== null)!;
    const stays = agri.world.agriculture.residencies.filter((r) => r.ventureId === ended.ventureId)
      .sort((a, b) => a.enteredOn.localeCompare(b.enteredOn) || a.id - b.id);
    const { data, errors } = await agri.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Venture {
      residencies { id enteredOn leftOn } } } }`, { r: [{ __typename: 'Venture', id: String(ended.ventureId) }] });
    expect(errors).toBeUndefined();
    expect(data._entities[0].residencies).toEqual(stays.map((r) => ({ id: String(r.id), enteredOn: r.enteredOn, leftOn: r.leftOn })));
  });

  it('refuses bad admissions, naming the field and writing nothing', async () => {
    const resident = agri.world.agriculture.residencies.find((r) => r.leftOn === null)!;
    const left = agri.world.agriculture.residencies.find((r) => r.leftOn !== null);
    const parkId = await createPark({ openedOn: '2019-05-01' });
    const full = await createPark({ capacity: 1 });
    const first = await agri.query(ADMIT, { input: { parkId: full, ventureId: freshVenture(), enteredOn: '2020-01-01' } }, 'agriculture');
    expect(first.errors).toBeUndefined();

    const cases: Array<[Record<string, string>, string]> = [
      [{ parkId, ventureId: String(resident.ventureId), enteredOn: '2020-06-01' }, 'input.ventureId'],
      [{ parkId: full, ventureId: freshVenture(), enteredOn: '2020-06-01' }, 'input.parkId'],
      [{ parkId, ventureId: freshVenture(), enteredOn: '2019-04-30' }, 'input.enteredOn'],
      [{ parkId, ventureId: freshVenture(), enteredOn: '2999-01-01' }, 'input.enteredOn'],
      [{ parkId: '999999', ventureId: freshVenture(), enteredOn: '2020-06-01' }, 'input.parkId'],
      [{ parkId: 'park', ventureId: freshVenture(), enteredOn: '2020-06-01' }, 'input.parkId'],
      [{ parkId, ventureId: '-3', enteredOn: '2020-06-01' }, 'input.ventureId'],
    ];
    if (left) cases.push([{ parkId, ventureId: String(left.ventureId), enteredOn: '2019-05-01' }, 'input.enteredOn']);
    for (const [input, field] of cases) {
      const before = await agri.rowCount('residency');
      const { errors } = await agri.query(ADMIT, { input }, 'agriculture');
      expect([input, errors?.[0].extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      expect(await agri.rowCount('residency')).toBe(before);
    }
  });

  it('refuses bad releases, naming the field and writing nothing', async () => {
    const resident = agri.world.agriculture.residencies.find((r) => r.leftOn === null)!;
    const otherPark = agri.world.agriculture.parks.find((p) => p.id !== resident.parkId)!;
    const cases: Array<[Record<string, string>, string]> = [
      [{ parkId: String(otherPark.id), ventureId: String(resident.ventureId), leftOn: '2021-12-31' }, 'input.ventureId'],
      [{ parkId: String(resident.parkId), ventureId: freshVenture(), leftOn: '2021-12-31' }, 'input.ventureId'],
      [{ parkId: String(resident.parkId), ventureId: String(resident.ventureId), leftOn: '2000-01-01' }, 'input.leftOn'],
      [{ parkId: '999999', ventureId: String(resident.ventureId), leftOn: '2021-12-31' }, 'input.parkId'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await agri.query(RELEASE, { input }, 'agriculture');
      expect([input, errors?.[0].extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    const [{ open }] = await agri.subgraph.dataSource.query(
      'SELECT count(*)::int AS open FROM residency WHERE venture_id = $1 AND left_on IS NULL', [resident.ventureId]);
    expect(open).toBe(1);
  });

  it('holds capacity when many ventures race for the last places', async () => {
    const parkId = await createPark({ capacity: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      agri.query(ADMIT, { input: { parkId, ventureId: freshVenture(), enteredOn: '2020-02-02' } }, 'agriculture')));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    for (const r of results.filter((r) => r.errors)) expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parkId' });
    const park = await agri.query('query($id: ID!) { incubatorPark(id: $id) { occupancy residents { id } } }', { id: parkId });
    expect(park.data.incubatorPark.occupancy).toBe(3);
    expect(park.data.incubatorPark.residents).toHaveLength(3);
  });

  it('lets a venture into only one park when two parks admit it at once', async () => {
    const parks = await Promise.all(Array.from({ length: 4 }, () => createPark()));
    const ventureId = freshVenture();
    const results = await Promise.all(parks.map((parkId) =>
      agri.query(ADMIT, { input: { parkId, ventureId, enteredOn: '2020-03-03' } }, 'agriculture')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ventureId' });
    const [{ open }] = await agri.subgraph.dataSource.query(
      'SELECT count(*)::int AS open FROM residency WHERE venture_id = $1 AND left_on IS NULL', [Number(ventureId)]);
    expect(open).toBe(1);
  });

  it('refuses admissions by other departments', async () => {
    const before = await agri.rowCount('residency');
    const { errors } = await agri.query(ADMIT, { input: { parkId: '1', ventureId: freshVenture(), enteredOn: '2020-01-01' } }, 'hr');
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await agri.rowCount('residency')).toBe(before);
  });
});

describe('unique-index races', () => {
  it('recognises the open-residency index refusing a second open residency', async () => {
    const db = agri.subgraph.dataSource;
    const resident = agri.world.agriculture.residencies.find((r) => r.leftOn === null)!;
    const error = await db.query(
      'INSERT INTO residency (park_id, venture_id, entered_on) VALUES ($1, $2, $3)', [resident.parkId, resident.ventureId, '2021-01-01'],
    ).catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'residency_open_venture_key')).toBe(true);
    expect(isUniqueViolation(error, 'some_other_key')).toBe(false);
    expect(isUniqueViolation(new Error('x'), 'residency_open_venture_key')).toBe(false);
  });
});

describe('seed', () => {
  it('does nothing the second time', async () => {
    const before = await agri.rowCount('incubator_park');
    await agricultureSubgraph.seed(agri.subgraph.dataSource, agri.world);
    expect(await agri.rowCount('incubator_park')).toBe(before);
  });
});
