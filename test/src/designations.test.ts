import { Client } from 'pg';
import {
  generateWorld, DESIGNATIONS_PER_KIND, ENTERPRISE_AWARDS, REVOKED_KINDS, expectedActiveDesignations, expectedDesignations, expectedEnterpriseAwards,
  revokedIn, type DesignationQuery,
} from '@rg/demo-province';
import { E2E_TRAINEES, startStackHarness, type StackHarness } from './stack-harness';

/**
 * The demonstration designations (hr) and the awards to enterprises (youth-league) through the
 * gateway, checked against the generator's ground truth; then the two writes, their reviews'
 * rules and the audit of a designation that names a person.
 */
/** The world the stack is seeded with, for the regions named before the stack starts. */
const WORLD = generateWorld({ trainees: E2E_TRAINEES });
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness();
}, 180_000);
afterAll(() => h?.stop());

const LIST = `query($f: DesignationFilter) { designations(filter: $f, first: 500) { totalCount edges { node {
  id kind level year title reviewingBody regionCode projectName active revokedIn reviews { year result }
  park { id name } venture { id name } } } } }`;

describe('designations', () => {
  const filters: DesignationQuery[] = [
    {}, { kind: 'COUNTY' }, { kind: 'PARK' }, { kind: 'PROJECT' }, { kind: 'POVERTY_RELIEF_PROJECT' }, { kind: 'VENTURE' }, { kind: 'PERSON' },
    { level: 'CITY' }, { year: 2019 }, { regionCode: '320300' }, { regionCode: '321300', kind: 'PERSON' }, { regionCode: '320000', year: 2018 },
  ];
  it.each(filters)('answer %j as the ground truth has them, reviews included', async (filter) => {
    const { data, errors } = await h.query(LIST, { f: filter }, 'analyst');
    expect(errors).toBeUndefined();
    const expected = expectedDesignations(h.world, filter);
    expect(data.designations.totalCount).toBe(expected.length);
    const reviews = h.world.hr.demonstrationReviews;
    expect(data.designations.edges.map((e: any) => e.node)).toEqual(expected.map((d) => ({
      id: String(d.id), kind: d.kind, level: d.level, year: d.year, title: d.title, reviewingBody: d.reviewingBody,
      regionCode: d.regionCode, projectName: d.projectName, active: revokedIn(h.world, d.id) === null, revokedIn: revokedIn(h.world, d.id),
      reviews: reviews.filter((r) => r.designationId === d.id).map((r) => ({ year: r.year, result: r.result })),
      park: d.parkId === null ? null : { id: String(d.parkId), name: h.world.agriculture.parks[d.parkId - 1].name },
      venture: d.ventureId === null ? null : { id: String(d.ventureId), name: h.world.hr.ventures[d.ventureId - 1].name },
    })));
  });

  it('hold every kind in its planted number, the revoked ones ended by a December review', async () => {
    const { data } = await h.query(LIST, {}, 'analyst');
    const nodes = data.designations.edges.map((e: any) => e.node);
    for (const [kind, n] of Object.entries(DESIGNATIONS_PER_KIND)) {
      expect({ kind, n: nodes.filter((d: any) => d.kind === kind).length }).toEqual({ kind, n });
    }
    const revoked = nodes.filter((d: any) => !d.active);
    expect(revoked.map((d: any) => d.kind).sort()).toEqual([...REVOKED_KINDS].sort());
    for (const d of revoked) expect(d.reviews.at(-1)).toEqual({ year: d.revokedIn, result: 'REVOKED' });
    expect(nodes.every((d: any) => d.reviews.every((r: any) => r.year > d.year))).toBe(true);
  });

  it('name the entrepreneur star to signed-in roles and the name to hr', async () => {
    const query = `{ designations(filter: { kind: PERSON }, first: 50) { edges { node { id trainee { id } personName } } } }`;
    const { data, errors } = await h.query(query, undefined, 'hr');
    expect(errors).toBeUndefined();
    const expected = expectedDesignations(h.world, { kind: 'PERSON' });
    expect(data.designations.edges.map((e: any) => e.node)).toEqual(expected.map((d) => ({
      id: String(d.id), trainee: { id: String(d.traineeId) }, personName: h.world.hr.trainees[d.traineeId! - 1].name,
    })));
  });

  it('link back from the venture and from agriculture\'s park', async () => {
    const venture = expectedDesignations(h.world, { kind: 'VENTURE' })[0];
    const park = expectedDesignations(h.world, { kind: 'PARK' })[0];
    const { data, errors } = await h.query(`query($v: ID!, $p: ID!) { venture(id: $v) { designations { id kind } }
      incubatorPark(id: $p) { name designations { id kind } } }`, { v: String(venture.ventureId), p: String(park.parkId) });
    expect(errors).toBeUndefined();
    expect(data.venture.designations).toEqual(h.world.hr.demonstrations.filter((d) => d.ventureId === venture.ventureId)
      .map((d) => ({ id: String(d.id), kind: 'VENTURE' })));
    expect(data.incubatorPark.designations).toEqual(h.world.hr.demonstrations.filter((d) => d.parkId === park.parkId)
      .map((d) => ({ id: String(d.id), kind: 'PARK' })));
  });

  it.each(['320000', '320300', '321300', expectedDesignations(WORLD, { kind: 'COUNTY' })[0].regionCode])(
    'are counted in force per kind in region %s', async (code) => {
      const { data, errors } = await h.query(`query($c: ID!) { region(code: $c) { activeDesignations { kind count } } }`, { c: code });
      expect(errors).toBeUndefined();
      const expected = expectedActiveDesignations(h.world, code);
      expect(data.region.activeDesignations).toEqual(Object.entries(expected).map(([kind, count]) => ({ kind, count })));
    });
});

describe('awards to enterprises', () => {
  it('are listed with their venture, beside the awards to people', async () => {
    const { data, errors } = await h.query(`{ awards(filter: { recipientKind: VENTURE }, first: 50) { totalCount edges { node {
      id title level year regionCode recipientKind recipientName recipient { personKey } venture { id name awards { id } } } } } }`,
    undefined, 'youth-league');
    expect(errors).toBeUndefined();
    const expected = expectedEnterpriseAwards(h.world);
    expect(expected.length).toBe(ENTERPRISE_AWARDS);
    expect(data.awards.totalCount).toBe(ENTERPRISE_AWARDS);
    expect(data.awards.edges.map((e: any) => e.node)).toEqual(expected.map((a) => ({
      id: String(a.id), title: a.title, level: a.level, year: a.year, regionCode: a.regionCode, recipientKind: 'VENTURE',
      recipientName: null, recipient: null,
      venture: { id: String(a.ventureId), name: h.world.hr.ventures[a.ventureId! - 1].name, awards: [{ id: String(a.id) }] },
    })));
    const people = await h.query('{ awards(filter: { recipientKind: PERSON }) { totalCount } }');
    expect(people.data.awards.totalCount).toBe(h.world.youthLeague.awards.length - ENTERPRISE_AWARDS);
  });

  it('are granted to a venture by id, once a title a year', async () => {
    const venture = h.world.hr.ventures.find((v) => !h.world.youthLeague.awards.some((a) => a.ventureId === v.id))!;
    const grant = `mutation($i: GrantAwardInput!) { grantAward(input: $i) { id recipientKind recipientName venture { id name } } }`;
    const input = { recipientKind: 'VENTURE', ventureId: String(venture.id), title: '青年创业示范企业', level: 'CITY', year: 2021, regionCode: venture.regionCode };
    const { data, errors } = await h.query(grant, { i: input }, 'youth-league');
    expect(errors).toBeUndefined();
    expect(data.grantAward).toMatchObject({ recipientKind: 'VENTURE', recipientName: null, venture: { id: String(venture.id), name: venture.name } });
    const again = await h.query(grant, { i: input }, 'youth-league');
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });
});

describe('designate and review', () => {
  const DESIGNATE = `mutation($i: DesignateInput!) { designate(input: $i) { id kind regionCode active trainee { id } venture { id } } }`;
  const REVIEW = `mutation($i: RecordDesignationReviewInput!) { recordDesignationReview(input: $i) { id year result note } }`;

  it('designates a star enterprise in its venture\'s county and ends it at a revocation', async () => {
    const venture = h.world.hr.ventures.find((v) => v.closedOn === null && v.openedOn < '2019-01-01')!;
    const made = await h.query(DESIGNATE, { i: {
      kind: 'VENTURE', level: 'CITY', year: 2021, title: '返乡创业明星企业', reviewingBody: '测试市人力资源和社会保障局农民工工作科', ventureId: String(venture.id),
    } }, 'hr');
    expect(made.errors).toBeUndefined();
    expect(made.data.designate).toMatchObject({ kind: 'VENTURE', regionCode: venture.regionCode, active: true, venture: { id: String(venture.id) } });
    const id = made.data.designate.id;
    const review = (year: number, result: string) => h.query(REVIEW, { i: { designationId: id, year, result, note: '年度考核' } }, 'admin');
    expect((await review(2021, 'RECTIFY')).data.recordDesignationReview).toMatchObject({ year: 2021, result: 'RECTIFY' });
    expect((await review(2021, 'PASSED')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    expect((await review(2020, 'PASSED')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    expect((await review(2022, 'REVOKED')).data.recordDesignationReview).toMatchObject({ year: 2022, result: 'REVOKED' });
    const after = await review(2023, 'PASSED');
    expect(after.errors?.[0]).toMatchObject({ message: expect.stringContaining('revoked in 2022'), extensions: { code: 'BAD_USER_INPUT', field: 'input.year' } });
    const { data } = await h.query(`query($id: ID!) { designation(id: $id) { active revokedIn reviews { year result } } }`, { id });
    expect(data.designation).toEqual({ active: false, revokedIn: 2022, reviews: [{ year: 2021, result: 'RECTIFY' }, { year: 2022, result: 'REVOKED' }] });
  });

  it('audits a designation that names a person when another role reads it, and not one of a county', async () => {
    const hr = new Client({ connectionString: h.stack.databaseUrls.hr });
    await hr.connect();
    try {
      const trainee = h.world.hr.trainees[10];
      const made = await h.query(DESIGNATE, { i: {
        kind: 'PERSON', level: 'PROVINCE', year: 2021, title: '返乡创业之星', reviewingBody: '江苏省人力资源和社会保障厅', traineeId: String(trainee.id),
      } }, 'hr');
      expect(made.errors).toBeUndefined();
      expect(made.data.designate).toMatchObject({ kind: 'PERSON', regionCode: trainee.regionCode, trainee: { id: String(trainee.id) } });
      const last = async () => (await hr.query('SELECT role, action, operation, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1')).rows[0];
      expect(await last()).toMatchObject({ role: 'hr', action: 'WRITE', record_type: 'Designation', record_ids: [made.data.designate.id] });

      const read = await h.query(`query ReadStar($id: ID!) { designation(id: $id) { title regionCode } }`, { id: made.data.designate.id }, 'analyst');
      expect(read.errors).toBeUndefined();
      expect(await last()).toEqual({ role: 'analyst', action: 'READ', operation: 'ReadStar', record_type: 'Designation', record_ids: [made.data.designate.id] });

      const before = await last();
      const county = expectedDesignations(h.world, { kind: 'COUNTY' })[0];
      const other = await h.query(`query ReadCounty($id: ID!) { designation(id: $id) { title regionCode } }`, { id: String(county.id) }, 'analyst');
      expect(other.data.designation).toEqual({ title: county.title, regionCode: county.regionCode });
      expect(await last()).toEqual(before);
    } finally {
      await hr.end();
    }
  });
});

