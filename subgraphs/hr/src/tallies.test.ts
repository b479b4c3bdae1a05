import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { countiesUnder } from '@rg/regions';
import { composeCitizenId } from '@rg/person-key';
import { csvFile, sendImport } from '@rg/record-import';
import { signToken } from '@rg/access';
import { hrSubgraph } from './index';
import { VENTURE_TALLY } from './migrations/1764500000000-venture-tally';
import { VENTURE_SURVIVAL_TALLY } from './migrations/1766460000000-venture-survival-tally';
import { LOAN_TALLY } from './migrations/1766000000000-loan-tally';
import { COMPLETION_TALLY } from './migrations/1766100000000-completion-tally';

let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

const COUNT = `query($f: TraineeFilter) { trainees(filter: $f, first: 1) { totalCount } }`;
const totalCount = async (f: Record<string, unknown> | null): Promise<number> => {
  const { data, errors } = await hr.query(COUNT, { f }, 'analyst');
  expect(errors).toBeUndefined();
  return data.trainees.totalCount;
};
/** The tally holds exactly what grouping its source table gives. */
const tallyMatches = async (keys: string, measures: string, source: string, tally: string) => {
  const [difference] = await hr.subgraph.dataSource.query(`
    WITH actual AS (SELECT ${keys}, ${measures} FROM ${source} GROUP BY ${keys.split(',').map((_, i) => i + 1).join(', ')}),
    kept AS (SELECT * FROM ${tally} WHERE ventures <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows`);
  return difference.rows === 0;
};
const ventureTallyMatches = async () => await tallyMatches(
  VENTURE_TALLY.keys.map((k) => k.expression).join(', '),
  VENTURE_TALLY.measures.map((m) => `sum(${m.expression})::${m.type}`).join(', '), 'venture', 'venture_tally')
  && tallyMatches(VENTURE_SURVIVAL_TALLY.keys.map((k) => k.expression).join(', '),
    VENTURE_SURVIVAL_TALLY.measures.map((m) => `sum(${m.expression})::${m.type}`).join(', '), 'venture', 'venture_survival_tally');
const regionFigures = async (code: string) => {
  const { data, errors } = await hr.query(`query($c: ID!) { region(code: $c) { traineeCount ventureCount jobsCreated } }`, { c: code }, 'hr');
  expect(errors).toBeUndefined();
  return data.region;
};

const tallyMatchesTrainees = async () => {
  const [difference] = await hr.subgraph.dataSource.query(`
    WITH actual AS (SELECT region_code, category, extract(year FROM registered_on)::smallint AS registered_year,
        coalesce(extract(year FROM first_completed_on)::smallint, 0::smallint) AS trained_year, count(*)::int AS trainees
      FROM trainee GROUP BY 1, 2, 3, 4),
    kept AS (SELECT region_code, category, registered_year, trained_year, trainees FROM trainee_tally WHERE trainees <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows`);
  return difference.rows === 0;
};

describe('trainee_tally: totalCount from counts kept with the writes', () => {
  it('answers every filter with the count the generated province holds', async () => {
    const trainees = hr.world.hr.trainees;
    const xuzhou = new Set(countiesUnder('320300'));
    const trainedIn = (t: (typeof trainees)[number]) => {
      const completions = hr.world.hr.enrolments.filter((e) => e.traineeId === t.id && e.completedOn).map((e) => e.completedOn!);
      return completions.length ? Number(completions.sort()[0].slice(0, 4)) : null;
    };
    expect(await totalCount(null)).toBe(trainees.length);
    expect(await totalCount({ regionCode: '320300', category: 'REGISTERED_POOR' }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && t.category === 'REGISTERED_POOR').length);
    expect(await totalCount({ regionCode: '320300', trainedYear: 2018 }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && trainedIn(t) === 2018).length);
    expect(await totalCount({ registeredYear: 2017, category: 'VETERAN' }))
      .toBe(trainees.filter((t) => t.registeredOn.startsWith('2017') && t.category === 'VETERAN').length);
    // Not a key of the tally: counted on the trainee table.
    expect(await totalCount({ regionCode: '320300', gender: 'FEMALE' }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && t.gender === 'FEMALE').length);
    expect(await tallyMatchesTrainees()).toBe(true);
  });

  it('counts a registration, a completion and an imported roster as soon as they commit', async () => {
    const filter = { regionCode: '320321', category: 'VETERAN' };
    const before = await totalCount(filter);
    const register = await hr.query(
      `mutation($input: RegisterTraineeInput!) { registerTrainee(input: $input) { id } }`,
      { input: { citizenId: composeCitizenId('320321', '1988-02-02', 57), name: '赵六', category: 'VETERAN', stage: 'STARTUP', registeredOn: '2019-04-01' } },
      'hr');
    expect(register.errors).toBeUndefined();
    expect(await totalCount(filter)).toBe(before + 1);

    const trainedBefore = await totalCount({ ...filter, trainedYear: 2020 });
    const course = hr.world.hr.courses.find((c) => c.startsOn > '2020-03-01' && c.endsOn < '2020-12-01')!;
    const enrol = await hr.query(`mutation($i: EnrolInput!) { enrol(input: $i) { id } }`,
      { i: { traineeId: register.data.registerTrainee.id, courseId: String(course.id), enrolledOn: course.startsOn } }, 'hr');
    expect(enrol.errors).toBeUndefined();
    const done = await hr.query(`mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { id } }`,
      { i: { enrolmentId: enrol.data.enrol.id, completedOn: course.endsOn, passed: true, satisfaction: 4 } }, 'hr');
    expect(done.errors).toBeUndefined();
    expect(await totalCount({ ...filter, trainedYear: 2020 })).toBe(trainedBefore + 1);
    expect(await totalCount(filter)).toBe(before + 1);

    const roster = [1, 2, 3].map((n) => [composeCitizenId('320321', `1991-0${n}-11`, 70 + n), `钱${n}`, '退役军人', '初创期', '2019-06-01']);
    const answer = await sendImport(hr.subgraph.url.replace('/graphql', '/import/trainees'),
      csvFile([['身份证号', '姓名', '人员类别', '创业阶段', '登记日期'], ...roster]), { token: await signToken('hr') });
    expect(answer.counts).toEqual({ rows: 3, imported: 3, unchanged: 0, rejected: 0 });
    expect(await totalCount(filter)).toBe(before + 4);
    expect(await totalCount({ ...filter, registeredYear: 2019 })).toBeGreaterThanOrEqual(4);
    expect(await tallyMatchesTrainees()).toBe(true);
  });
});

describe('venture_tally: region figures from counts kept with the writes', () => {
  it('gives each region the figures the generated province holds', async () => {
    const counties = new Set(countiesUnder('320500'));
    const ventures = hr.world.hr.ventures.filter((v) => counties.has(v.regionCode));
    expect(await regionFigures('320500')).toEqual({
      traineeCount: hr.world.hr.trainees.filter((t) => counties.has(t.regionCode)).length,
      ventureCount: ventures.length,
      jobsCreated: ventures.reduce((sum, v) => sum + v.jobsCreated, 0),
    });
    expect(await ventureTallyMatches()).toBe(true);
  });

  it('counts a recorded venture and an imported one in the region at once', async () => {
    const founders = hr.world.hr.trainees.filter((t) => t.regionCode === '320322').slice(0, 2);
    const before = await regionFigures('320322');
    const recorded = await hr.query(`mutation($i: RecordVentureInput!) { recordVenture(input: $i) { id } }`,
      { i: { founderId: String(founders[0].id), name: '湖畔民宿', industry: 'rural tourism', openedOn: '2020-05-01', jobsCreated: 4 } }, 'hr');
    expect(recorded.errors).toBeUndefined();
    expect(await regionFigures('320322')).toEqual({ ...before, ventureCount: before.ventureCount + 1, jobsCreated: before.jobsCreated + 4 });

    const answer = await sendImport(hr.subgraph.url.replace('/graphql', '/import/ventures'),
      csvFile([['创办人身份证号', '企业名称', '所属行业', '开业日期', '带动就业人数'], [founders[1].citizenId, '果园合作社', 'agriculture', '2020-07-01', '9']]),
      { token: await signToken('hr') });
    expect(answer.counts).toEqual({ rows: 1, imported: 1, unchanged: 0, rejected: 0 });
    expect(await regionFigures('320322')).toEqual({ ...before, ventureCount: before.ventureCount + 2, jobsCreated: before.jobsCreated + 13 });
    expect(await ventureTallyMatches()).toBe(true);
  });

  it('moves a venture closed within its first year out of the survivors of its day', async () => {
    const survivors = async () => (await hr.subgraph.dataSource.query(
      `SELECT coalesce(sum(survived), 0)::int AS n FROM venture_survival_tally WHERE region_code = '320322'`))[0].n;
    const [venture] = await hr.subgraph.dataSource.query(
      `SELECT id FROM venture WHERE region_code = '320322' AND closed_on IS NULL ORDER BY id LIMIT 1`);
    const before = await survivors();
    await hr.subgraph.dataSource.query('UPDATE venture SET closed_on = opened_on + 30 WHERE id = $1', [venture.id]);
    expect(await survivors()).toBe(before - 1);
    expect(await ventureTallyMatches()).toBe(true);
  });
});

describe('loan_tally: loans by the borrower\'s county from counts kept with the writes', () => {
  /** The tally holds exactly what grouping the loans joined to their borrowers gives. */
  const loanTallyMatches = async () => {
    const keys = LOAN_TALLY.keys.map((k) => k.expression).join(', ');
    const measures = LOAN_TALLY.measures.map((m) => `sum(${m.expression})::${m.type}`).join(', ');
    const [difference] = await hr.subgraph.dataSource.query(`
      WITH actual AS (SELECT ${keys}, ${measures} FROM loan src ${LOAN_TALLY.join} GROUP BY 1, 2, 3),
      kept AS (SELECT region_code, issued_year, borrower_id, loans, amount_yuan FROM loan_tally WHERE loans <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows`);
    return difference.rows === 0;
  };
  const loanFigures = async (code: string) => {
    const [row] = await hr.subgraph.dataSource.query(
      'SELECT coalesce(sum(amount_yuan), 0)::int AS total, count(DISTINCT borrower_id)::int AS borrowers FROM loan_tally WHERE region_code = ANY($1) AND loans > 0',
      [countiesUnder(code)]);
    return row as { total: number; borrowers: number };
  };

  it('gives each region the loan total and borrowers the generated province holds', async () => {
    const counties = new Set(countiesUnder('320500'));
    const countyOf = new Map(hr.world.hr.trainees.map((t) => [t.id, t.regionCode]));
    const loans = hr.world.hr.loans.filter((l) => counties.has(countyOf.get(l.borrowerId)!));
    expect(loans.length).toBeGreaterThan(0);
    expect(await loanFigures('320500')).toEqual({
      total: loans.reduce((sum, l) => sum + l.amountYuan, 0),
      borrowers: new Set(loans.map((l) => l.borrowerId)).size,
    });
    expect(await loanTallyMatches()).toBe(true);
  });

  it('counts an issued loan in the borrower\'s county as soon as it commits, and a moved date in its new year', async () => {
    const borrower = hr.world.hr.trainees.find((t) => t.regionCode === '320324' && !hr.world.hr.loans.some((l) => l.borrowerId === t.id))!;
    const before = await loanFigures('320324');
    const issued = await hr.query(`mutation($i: IssueLoanInput!) { issueLoan(input: $i) { id } }`,
      { i: { borrowerId: String(borrower.id), amountYuan: 30000, bank: '农商银行', issuedOn: '2020-09-01' } }, 'hr');
    expect(issued.errors).toBeUndefined();
    expect(await loanFigures('320324')).toEqual({ total: before.total + 30000, borrowers: before.borrowers + 1 });
    // An update moves the loan between the tally's rows (here, to another year).
    await hr.subgraph.dataSource.query(`UPDATE loan SET issued_on = '2019-09-01' WHERE id = $1`, [issued.data.issueLoan.id]);
    expect(await loanTallyMatches()).toBe(true);
    await hr.subgraph.dataSource.query('DELETE FROM loan WHERE id = $1', [issued.data.issueLoan.id]);
    expect(await loanFigures('320324')).toEqual(before);
    expect(await loanTallyMatches()).toBe(true);
  });
});

describe('completion_tally: the trained cohort kept with the writes', () => {
  it('holds exactly the completed enrolments joined to their trainees and grouped, after the writes above', async () => {
    const keys = COMPLETION_TALLY.keys.map((k) => `${k.expression} AS ${k.name}`).join(', ');
    const measures = COMPLETION_TALLY.measures.map((m) => `sum(${m.expression})::${m.type} AS ${m.name}`).join(', ');
    // The rows the scorecard reads (completions > 0); enrolments still running are counted in year 0.
    const [difference] = await hr.subgraph.dataSource.query(`
      WITH actual AS (SELECT * FROM (SELECT ${keys}, ${measures} FROM enrolment src ${COMPLETION_TALLY.join} GROUP BY 1, 2, 3, 4, 5) a
        WHERE completions > 0),
      kept AS (SELECT region_code, completed_year, person_key_prefix, trainee_id, gender, completions, passes
        FROM completion_tally WHERE completions > 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
        (SELECT count(*) FROM actual)::int AS cohort`);
    expect(difference.cohort).toBeGreaterThan(0);
    expect(difference.rows).toBe(0);
  });
});
