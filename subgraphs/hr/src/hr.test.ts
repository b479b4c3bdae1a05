import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { countiesUnder } from '@rg/regions';
import { composeCitizenId } from '@rg/person-key';
import { expectedScorecard } from '@rg/demo-province';
import { hrSubgraph } from './index';

let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

const XUZHOU = '320300';

describe('hr subgraph on PostgreSQL', () => {
  it('lists trainees of a city with the total the world holds', async () => {
    const counties = new Set(countiesUnder(XUZHOU));
    const expected = hr.world.hr.trainees.filter((t) => counties.has(t.regionCode) && t.category === 'VETERAN');
    const { data, errors } = await hr.query(
      `query($f: TraineeFilter) { trainees(filter: $f, first: 5) { totalCount edges { node { id regionCode category } } pageInfo { hasNextPage } } }`,
      { f: { regionCode: XUZHOU, category: 'VETERAN' } }, 'analyst',
    );
    expect(errors).toBeUndefined();
    expect(data.trainees.totalCount).toBe(expected.length);
    expect(data.trainees.edges.map((e: any) => Number(e.node.id))).toEqual(expected.slice(0, 5).map((t) => t.id));
    expect(data.trainees.pageInfo.hasNextPage).toBe(expected.length > 5);
  });

  it('filters by gender, stage, year of registration and person key, counting what the world holds', async () => {
    const trainees = hr.world.hr.trainees;
    const sample = trainees[Math.floor(trainees.length / 2)];
    const year = Number(sample.registeredOn.slice(0, 4));
    const cases: Array<[Record<string, unknown>, typeof trainees]> = [
      [{ gender: 'FEMALE', stage: sample.stage }, trainees.filter((t) => t.gender === 'FEMALE' && t.stage === sample.stage)],
      [{ registeredYear: year, regionCode: XUZHOU }, trainees.filter((t) => t.registeredOn.startsWith(`${year}-`) && countiesUnder(XUZHOU).includes(t.regionCode))],
      [{ personKey: sample.personKey }, [sample]],
    ];
    for (const [f, expected] of cases) {
      expect(expected.length).toBeGreaterThan(0);
      const first = await hr.query(
        `query($f: TraineeFilter) { trainees(filter: $f, first: 3) { totalCount edges { node { id } } pageInfo { endCursor } } }`, { f }, 'analyst');
      expect(first.errors).toBeUndefined();
      expect(first.data.trainees.totalCount).toBe(expected.length);
      expect(first.data.trainees.edges.map((e: any) => Number(e.node.id))).toEqual(expected.slice(0, 3).map((t) => t.id));
      const next = await hr.query(
        `query($f: TraineeFilter, $after: String) { trainees(filter: $f, first: 3, after: $after) { edges { node { id } } } }`,
        { f, after: first.data.trainees.pageInfo.endCursor }, 'analyst');
      expect(next.data.trainees.edges.map((e: any) => Number(e.node.id))).toEqual(expected.slice(3, 6).map((t) => t.id));
    }
  });

  it('walks every page with cursors without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await hr.query(
        `query($after: String) { trainees(first: 250, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after }, 'analyst',
      );
      seen.push(...data.trainees.edges.map((e: any) => Number(e.node.id)));
      after = data.trainees.pageInfo.hasNextPage ? data.trainees.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(hr.world.hr.trainees.map((t) => t.id));
  });

  it('refuses a page over 500 with BAD_USER_INPUT naming first', async () => {
    const { errors } = await hr.query('{ trainees(first: 501) { totalCount } }', undefined, 'analyst');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.field).toBe('first');
  });

  it('costs the same SQL statements for a page of 20 and of 200 with all relations', async () => {
    const query = `query($n: Int) { trainees(first: $n) { edges { node { id ventures { id founder { id } loans { id } }
      enrolments { id course { id institution { id } } } loans { id } followUps { id mentor { id } } } } } }`;
    const cost = async (n: number) => {
      const before = await hr.statements();
      const { errors } = await hr.query(query, { n }, 'hr');
      expect(errors).toBeUndefined();
      return (await hr.statements()) - before;
    };
    const small = await cost(20);
    const large = await cost(200);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it("answers a page's enrolments with course and institution in one statement, ventures and their loans in one each", async () => {
    const { world } = hr;
    const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const courses = byId(world.hr.courses);
    const trainees = world.hr.trainees.slice(0, 200);
    const expected = trainees.map((t) => ({
      id: String(t.id),
      ventures: world.hr.ventures.filter((v) => v.founderId === t.id).sort((a, b) => a.id - b.id).map((v) => ({
        id: String(v.id),
        loans: world.hr.loans.filter((l) => l.ventureId === v.id).sort((a, b) => a.id - b.id).map((l) => ({ id: String(l.id) })),
      })),
      enrolments: world.hr.enrolments.filter((e) => e.traineeId === t.id).sort((a, b) => a.id - b.id).map((e) => ({
        id: String(e.id), course: { id: String(e.courseId), institution: { id: String(courses.get(e.courseId)!.institutionId) } },
      })),
    }));
    // The page must exercise every relation: ventures with and without loans, enrolments, trainees with neither.
    expect(expected.some((t) => t.ventures.some((v) => v.loans.length > 0))).toBe(true);
    expect(expected.some((t) => t.ventures.some((v) => v.loans.length === 0))).toBe(true);
    expect(expected.some((t) => t.enrolments.length > 0)).toBe(true);
    const before = await hr.statements();
    const { data, errors } = await hr.query(
      `{ trainees(first: 200) { edges { node { id ventures { id loans { id } } enrolments { id course { id institution { id } } } } } } }`,
      undefined, 'hr',
    );
    expect(errors).toBeUndefined();
    expect(data.trainees.edges.map((e: any) => e.node)).toEqual(expected);
    // The page, its ventures, their loans, its enrolments, and the courses with their institutions (hr reading its own: no audit).
    expect((await hr.statements()) - before).toBe(5);
  });

  it('resolves entity references by id and by personKey in one batch', async () => {
    const [a, b] = hr.world.hr.trainees;
    const { data, errors } = await hr.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { id personKey } } }`,
      { r: [{ __typename: 'Trainee', id: String(a.id) }, { __typename: 'Trainee', personKey: b.personKey }] }, 'analyst',
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([{ id: String(a.id), personKey: a.personKey }, { id: String(b.id), personKey: b.personKey }]);
  });

  it('answers the scorecard as the generator says (exact figures for a role with record access)', async () => {
    const year = 2018;
    const { data, errors } = await hr.query(
      `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) {
        trained { value target met } passRate { value target met } openingRate6m { value }
        jobsPerVenture { value } survivalRate1y { value } loansIssuedYuan { value } } }`,
      { r: XUZHOU, y: year }, 'analyst',
    );
    expect(errors).toBeUndefined();
    const expected = expectedScorecard(hr.world, XUZHOU, year);
    expect(data.scorecard.trained).toEqual(expected.trained);
    expect(data.scorecard.passRate.value).toBeCloseTo(expected.passRate.value!, 10);
    expect(data.scorecard.passRate.target).toBe(0.8);
    expect(data.scorecard.openingRate6m.value).toBeCloseTo(expected.openingRate6m.value!, 10);
    expect(data.scorecard.jobsPerVenture.value).toBeCloseTo(expected.jobsPerVenture.value!, 10);
    expect(data.scorecard.survivalRate1y.value).toBeCloseTo(expected.survivalRate1y.value!, 10);
    expect(data.scorecard.loansIssuedYuan.value).toBe(expected.loansIssuedYuan.value);
    expect(expected.trained.value).toBeGreaterThan(0);
  });

  it('hides the raw citizen ID and serves only the masked one', async () => {
    const { errors } = await hr.query('{ trainees(first: 1) { edges { node { citizenId } } } }');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { data } = await hr.query('{ trainee(id: "1") { citizenIdMasked } }', undefined, 'hr');
    expect(data.trainee.citizenIdMasked).toMatch(/^\d{3}\*{11}\d{3}\*$/);
  });
});

describe('hr mutations', () => {
  const REGISTER = `mutation($input: RegisterTraineeInput!) { registerTrainee(input: $input) { id gender birthYear regionCode personKey } }`;

  it('registers a trainee, deriving gender, birth year and region from the ID', async () => {
    const citizenId = composeCitizenId('320321', '1990-05-17', 124);
    const { data, errors } = await hr.query(REGISTER, {
      input: { citizenId, name: '王小红', category: 'MIGRANT_WORKER', stage: 'AWARENESS', phone: '13912345678' },
    }, 'hr');
    expect(errors).toBeUndefined();
    expect(data.registerTrainee).toMatchObject({ gender: 'FEMALE', birthYear: 1990, regionCode: '320321' });
    expect(data.registerTrainee.personKey).toMatch(/^pk_[0-9a-f]{32}$/);
  });

  it.each([
    ['a wrong check character', { citizenId: '320321199005171240' }, 'input.citizenId'],
    ['a region outside Jiangsu', { citizenId: composeCitizenId('110105', '1990-01-01', 11) }, 'input.citizenId'],
    ['a blank name', { name: '  ' }, 'input.name'],
    ['a bad phone', { phone: '12345' }, 'input.phone'],
    ['a future registration date', { registeredOn: '2999-01-01' }, 'input.registeredOn'],
  ])('refuses %s, naming the field and writing nothing', async (_, override, field) => {
    const before = await hr.rowCount('trainee');
    const input = {
      citizenId: composeCitizenId('320322', '1985-03-03', 31), name: '李四', category: 'VETERAN', stage: 'STARTUP', ...override,
    };
    const { errors } = await hr.query(REGISTER, { input }, 'hr');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.field).toBe(field);
    expect(await hr.rowCount('trainee')).toBe(before);
  });

  it('refuses a second registration of the same citizen', async () => {
    const existing = hr.world.hr.trainees[0];
    const before = await hr.rowCount('trainee');
    const { errors } = await hr.query(REGISTER, {
      input: { citizenId: existing.citizenId, name: 'x', category: 'VETERAN', stage: 'STARTUP' },
    }, 'hr');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizenId' });
    expect(await hr.rowCount('trainee')).toBe(before);
  });

  it('runs enrolment, completion with certificate, venture, loan within the cap and follow-up', async () => {
    const trainee = hr.world.hr.trainees[1];
    const course = hr.world.hr.courses.find((c) => c.startsOn > '2020-06-01')!;
    const enrol = await hr.query(
      `mutation($i: EnrolInput!) { enrol(input: $i) { id } }`,
      { i: { traineeId: String(trainee.id), courseId: String(course.id), enrolledOn: course.startsOn } }, 'hr');
    expect(enrol.errors).toBeUndefined();
    const done = await hr.query(
      `mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { passed certificateNo completedOn } }`,
      { i: { enrolmentId: enrol.data.enrol.id, completedOn: course.endsOn, passed: true, satisfaction: 5 } }, 'hr');
    expect(done.errors).toBeUndefined();
    expect(done.data.recordCompletion.certificateNo).toMatch(/^JS\d{4}-E\d{7}$/);

    const venture = await hr.query(
      `mutation($i: RecordVentureInput!) { recordVenture(input: $i) { id regionCode operating } }`,
      { i: { founderId: String(trainee.id), name: '绿野农庄', industry: 'rural tourism', openedOn: '2021-03-01', jobsCreated: 6 } }, 'hr');
    expect(venture.errors).toBeUndefined();
    expect(venture.data.recordVenture).toMatchObject({ regionCode: trainee.regionCode, operating: true });

    const borrowed = hr.world.hr.loans.filter((l) => l.borrowerId === trainee.id).reduce((s, l) => s + l.amountYuan, 0);
    const loan = (amountYuan: number) => hr.query(
      `mutation($i: IssueLoanInput!) { issueLoan(input: $i) { amountYuan } }`,
      { i: { borrowerId: String(trainee.id), ventureId: venture.data.recordVenture.id, amountYuan, bank: '农商银行', issuedOn: '2021-03-15' } }, 'hr');
    const before = await hr.rowCount('loan');
    const tooMuch = await loan(150_000 - borrowed + 1000);
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountYuan' });
    expect(await hr.rowCount('loan')).toBe(before);
    const ok = await loan(150_000 - borrowed);
    expect(ok.errors).toBeUndefined();
    expect(await hr.rowCount('loan')).toBe(before + 1);

    const visit = await hr.query(
      `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { businessStatus } }`,
      { i: { traineeId: String(trainee.id), visitedOn: '2021-06-01', businessStatus: 'OPERATING', helpGiven: '市场对接' } }, 'hr');
    expect(visit.errors).toBeUndefined();
  });

  it('refuses a completion recorded twice', async () => {
    const enrolment = hr.world.hr.enrolments.find((e) => e.completedOn)!;
    const { errors } = await hr.query(
      `mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { id } }`,
      { i: { enrolmentId: String(enrolment.id), completedOn: enrolment.completedOn, passed: true } }, 'hr');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enrolmentId' });
  });
});

describe('hr access rules', () => {
  it('serves the public no trainee records, even through _entities', async () => {
    const list = await hr.query('{ trainees(first: 1) { totalCount } }');
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [t] = hr.world.hr.trainees;
    const ref = await hr.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { id category } } }`,
      { r: [{ __typename: 'Trainee', id: String(t.id) }] });
    expect(ref.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(ref.data ?? {})).not.toContain(t.category);
  });

  it('gives an analyst the pseudonymous record and FORBIDDEN on the name, phone and masked ID only', async () => {
    const { data, errors } = await hr.query('{ trainee(id: "1") { id personKey category name phone citizenIdMasked } }', undefined, 'analyst');
    expect(data.trainee).toMatchObject({ id: '1', personKey: hr.world.hr.trainees[0].personKey, name: null, phone: null, citizenIdMasked: null });
    expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['trainee.citizenIdMasked', 'FORBIDDEN'], ['trainee.name', 'FORBIDDEN'], ['trainee.phone', 'FORBIDDEN'],
    ]);
  });

  it.each(['poverty', 'analyst', 'youth-league'] as const)('refuses writes by %s', async (role) => {
    const before = await hr.rowCount('trainee');
    const { errors } = await hr.query(`mutation { registerTrainee(input: { citizenId: "${composeCitizenId('320321', '1991-01-01', 13)}",
      name: "张三", category: VETERAN, stage: STARTUP }) { id } }`, undefined, role);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await hr.rowCount('trainee')).toBe(before);
  });

  it('audits reads by other departments at hr, one batched event per record type', async () => {
    const before = await hr.rowCount('audit_event');
    await hr.query('{ trainees(first: 300) { edges { node { id enrolments { id } } } } }', undefined, 'poverty');
    const events = await hr.subgraph.dataSource.query('SELECT role, action, record_type, cardinality(record_ids) AS n FROM audit_event WHERE id > (SELECT max(id) - 2 FROM audit_event) ORDER BY id');
    expect(await hr.rowCount('audit_event')).toBe(before + 2);
    expect(events).toEqual(expect.arrayContaining([
      { role: 'poverty', action: 'READ', record_type: 'Trainee', n: 300 },
      expect.objectContaining({ role: 'poverty', action: 'READ', record_type: 'Enrolment' }),
    ]));
    const ownBefore = await hr.rowCount('audit_event');
    await hr.query('{ trainees(first: 5) { edges { node { id } } } }', undefined, 'hr');
    expect(await hr.rowCount('audit_event')).toBe(ownBefore);
  });

  it('refuses the read when its audit cannot be written', async () => {
    await hr.subgraph.dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_away');
    try {
      const { data, errors } = await hr.query('{ trainees(first: 3) { edges { node { id personKey } } } }', undefined, 'analyst');
      expect(data).toBeUndefined();
      expect(errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await hr.subgraph.dataSource.query('ALTER TABLE audit_event_away RENAME TO audit_event');
    }
  });
});
