import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { hrSubgraph } from './index';

let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

/**
 * The trained cohort grouped straight from the enrolments and their trainees, per county and
 * year completed: a trainee counts once in each year they completed a course.
 */
const ACTUAL_COHORTS = `
  completed AS (
    SELECT t.region_code, extract(year FROM e.completed_on)::smallint AS completed_year, t.id, t.person_key_prefix, t.gender,
      count(*)::int AS completions, sum(coalesce(e.passed, false)::int)::int AS passes
    FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
    WHERE e.completed_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5)`;

/** Rows that differ between cohort_tally and the enrolments, either way (0 when exact), and how many county-years there are. */
const cohortTallyDifference = async () => {
  const [row] = await hr.subgraph.dataSource.query(`
    WITH ${ACTUAL_COHORTS},
    actual AS (SELECT region_code, completed_year, count(*)::int AS trained, sum(completions)::int AS completions, sum(passes)::int AS passes
      FROM completed GROUP BY 1, 2),
    kept AS (SELECT region_code, completed_year, trained, completions, passes FROM cohort_tally WHERE trained <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
      (SELECT count(*) FROM actual)::int AS groups`);
  return row as { rows: number; groups: number };
};

/** The same for cohort_key_set: each county-year's key set and its women's, built in one sort here. */
const keySetDifference = async () => {
  const [row] = await hr.subgraph.dataSource.query(`
    WITH ${ACTUAL_COHORTS},
    actual AS (SELECT region_code, completed_year,
        string_agg(int8send(person_key_prefix), ''::bytea ORDER BY person_key_prefix) AS trainees,
        coalesce(string_agg(int8send(person_key_prefix), ''::bytea ORDER BY person_key_prefix) FILTER (WHERE gender = 'FEMALE'), ''::bytea) AS women
      FROM completed GROUP BY 1, 2),
    kept AS (SELECT region_code, completed_year, trainees, women FROM cohort_key_set WHERE trainees <> ''::bytea)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
      (SELECT count(*) FROM actual)::int AS groups`);
  return row as { rows: number; groups: number };
};

const expectExact = async () => {
  const [tally, keySets] = [await cohortTallyDifference(), await keySetDifference()];
  expect(tally.groups).toBeGreaterThan(0);
  expect(keySets.groups).toBe(tally.groups);
  expect(tally.rows).toBe(0);
  expect(keySets.rows).toBe(0);
};

const cohortOf = async (county: string, year: number) => {
  const [row] = await hr.subgraph.dataSource.query(
    `SELECT coalesce(c.trained, 0)::int AS trained, coalesce(length(k.trainees) / 8, 0)::int AS prefixes
     FROM (SELECT $1::char(6) AS region_code, $2::smallint AS completed_year) g
     LEFT JOIN cohort_tally c USING (region_code, completed_year) LEFT JOIN cohort_key_set k USING (region_code, completed_year)`,
    [county, year]);
  return row as { trained: number; prefixes: number };
};

/**
 * `count` trainees of one county who never completed a course, each with a course they are not
 * enrolled in (one that starts and ends in `year`, for the mutations' date checks).
 */
const untrainedTrainees = async (count: number, year = 2019) => {
  const rows: Array<{ trainee: number; county: string; course: number; starts: string; ends: string }> = await hr.subgraph.dataSource.query(
    `WITH untrained AS (
       SELECT t.id, t.region_code, count(*) OVER (PARTITION BY t.region_code) AS n FROM trainee t
       WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.trainee_id = t.id AND e.completed_on IS NOT NULL)),
     county AS (SELECT region_code FROM untrained WHERE n >= $1 ORDER BY region_code LIMIT 1)
     SELECT u.id AS trainee, u.region_code AS county, c.id AS course, to_char(c.starts_on, 'YYYY-MM-DD') AS starts,
       to_char(c.ends_on, 'YYYY-MM-DD') AS ends
     FROM untrained u JOIN county USING (region_code) CROSS JOIN LATERAL (
       SELECT id, starts_on, ends_on FROM course c
       WHERE extract(year FROM c.starts_on) = $2 AND extract(year FROM c.ends_on) = $2
         AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.trainee_id = u.id AND e.course_id = c.id)
       ORDER BY id LIMIT 1) c
     ORDER BY u.id LIMIT $1`,
    [count, year]);
  expect(rows).toHaveLength(count);
  return rows;
};

describe('cohort_tally and cohort_key_set: the trained cohort per county-year kept with the writes', () => {
  it('hold exactly what the seeded enrolments give', async () => {
    await expectExact();
  });

  it('follow a recorded completion, a completion moved to another year and a deleted enrolment', async () => {
    const [{ trainee, county, course, starts, ends }] = await untrainedTrainees(1);
    const before2019 = await cohortOf(county, 2019);
    const before2020 = await cohortOf(county, 2020);
    expect(before2019.prefixes).toBe(before2019.trained);

    const enrol = await hr.query(`mutation($i: EnrolInput!) { enrol(input: $i) { id } }`,
      { i: { traineeId: String(trainee), courseId: String(course), enrolledOn: starts } }, 'hr');
    expect(enrol.errors).toBeUndefined();
    expect(await cohortOf(county, 2019)).toEqual(before2019);
    // An enrolment not completed yet is in no key set: it neither rebuilds nor locks a county-year's.
    const [notCompleted] = await hr.subgraph.dataSource.query('SELECT count(*)::int AS groups FROM cohort_key_set WHERE completed_year = 0');
    expect(notCompleted.groups).toBe(0);
    const done = await hr.query(`mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { id } }`,
      { i: { enrolmentId: enrol.data.enrol.id, completedOn: ends, passed: true, satisfaction: 5 } }, 'hr');
    expect(done.errors).toBeUndefined();
    expect(await cohortOf(county, 2019)).toEqual({ trained: before2019.trained + 1, prefixes: before2019.prefixes + 1 });
    await expectExact();

    // The trainee's only completion moves to the next year: out of 2019's cohort, into 2020's.
    await hr.subgraph.dataSource.query(`UPDATE enrolment SET completed_on = '2020-01-15' WHERE id = $1`, [enrol.data.enrol.id]);
    expect(await cohortOf(county, 2019)).toEqual(before2019);
    expect(await cohortOf(county, 2020)).toEqual({ trained: before2020.trained + 1, prefixes: before2020.prefixes + 1 });
    await expectExact();

    await hr.subgraph.dataSource.query('DELETE FROM enrolment WHERE id = $1', [enrol.data.enrol.id]);
    expect(await cohortOf(county, 2020)).toEqual(before2020);
    await expectExact();
  });

  it('count a trainee once a year however many courses they complete in it', async () => {
    const [{ trainee, county }] = await untrainedTrainees(1);
    const courses: Array<{ id: number }> = await hr.subgraph.dataSource.query(
      `SELECT c.id FROM course c WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.trainee_id = $1 AND e.course_id = c.id)
       ORDER BY c.id LIMIT 2`, [trainee]);
    const before = await cohortOf(county, 2018);
    await hr.subgraph.dataSource.query(
      `INSERT INTO enrolment (trainee_id, course_id, enrolled_on, completed_on, passed) VALUES ($1, $2, '2018-01-10', '2018-03-01', true)`,
      [trainee, courses[0].id]);
    await hr.subgraph.dataSource.query(
      `INSERT INTO enrolment (trainee_id, course_id, enrolled_on, completed_on, passed) VALUES ($1, $2, '2018-04-10', '2018-07-01', false)`,
      [trainee, courses[1].id]);
    expect(await cohortOf(county, 2018)).toEqual({ trained: before.trained + 1, prefixes: before.prefixes + 1 });
    // One of the two completions deleted: still trained in the year.
    await hr.subgraph.dataSource.query('DELETE FROM enrolment WHERE trainee_id = $1 AND course_id = $2', [trainee, courses[0].id]);
    expect(await cohortOf(county, 2018)).toEqual({ trained: before.trained + 1, prefixes: before.prefixes + 1 });
    await expectExact();
  });

  it('keep both of two transactions that complete courses in the same county-year at once', async () => {
    const [first, second] = await untrainedTrainees(2);
    const county = first.county;
    const before = await cohortOf(county, 2021);
    const [a, b] = [hr.subgraph.dataSource.createQueryRunner(), hr.subgraph.dataSource.createQueryRunner()];
    try {
      await a.startTransaction();
      await b.startTransaction();
      const complete = (who: { trainee: number; course: number }) => `INSERT INTO enrolment (trainee_id, course_id, enrolled_on, completed_on, passed)
        VALUES (${Number(who.trainee)}, ${Number(who.course)}, '2021-02-01', '2021-05-01', true)`;
      await a.query(complete(first));
      // b's county-year is locked by a until a commits; b then builds it again with a's trainee in it.
      const bWrites = b.query(complete(second));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.commitTransaction();
      await bWrites;
      await b.commitTransaction();
    } finally {
      await a.release();
      await b.release();
    }
    expect(await cohortOf(county, 2021)).toEqual({ trained: before.trained + 2, prefixes: before.prefixes + 2 });
    await expectExact();
  });
});

describe('borrower_tally: borrowers and amounts per county-year kept with the writes', () => {
  /** Rows that differ between borrower_tally and the loans joined to their borrowers, either way. */
  const borrowerTallyDifference = async () => {
    const [row] = await hr.subgraph.dataSource.query(`
      WITH actual AS (SELECT t.region_code, extract(year FROM l.issued_on)::smallint AS issued_year,
          count(DISTINCT l.borrower_id)::int AS borrowers, sum(l.amount_yuan)::bigint AS amount_yuan
        FROM loan l JOIN trainee t ON t.id = l.borrower_id GROUP BY 1, 2),
      kept AS (SELECT region_code, issued_year, borrowers, amount_yuan FROM borrower_tally WHERE borrowers <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
        (SELECT count(*) FROM actual)::int AS groups,
        (SELECT count(*) FROM borrower_tally WHERE borrowers = 0 AND amount_yuan <> 0)::int AS amounts_without_borrowers`);
    return row as { rows: number; groups: number; amounts_without_borrowers: number };
  };
  const countyYear = async (county: string, year: number) => {
    const [row] = await hr.subgraph.dataSource.query(
      `SELECT coalesce(sum(borrowers), 0)::int AS borrowers, coalesce(sum(amount_yuan), 0)::int AS amount
       FROM borrower_tally WHERE region_code = $1 AND issued_year = $2`, [county, year]);
    return row as { borrowers: number; amount: number };
  };
  const expectExact = async () => {
    const difference = await borrowerTallyDifference();
    expect(difference.groups).toBeGreaterThan(0);
    expect(difference).toEqual({ rows: 0, groups: difference.groups, amounts_without_borrowers: 0 });
  };

  it('holds exactly what the seeded loans give', async () => {
    await expectExact();
  });

  it('follows an issued loan, a second loan of the same borrower, a loan moved to another year and deleted loans', async () => {
    const [borrower] = await hr.subgraph.dataSource.query(
      `SELECT t.id, t.region_code AS county FROM trainee t WHERE NOT EXISTS (SELECT 1 FROM loan l WHERE l.borrower_id = t.id)
       ORDER BY t.id LIMIT 1`);
    const [before2020, before2019] = [await countyYear(borrower.county, 2020), await countyYear(borrower.county, 2019)];
    const issue = async (amountYuan: number) => {
      const issued = await hr.query(`mutation($i: IssueLoanInput!) { issueLoan(input: $i) { id } }`,
        { i: { borrowerId: String(borrower.id), amountYuan, bank: '农商银行', issuedOn: '2020-09-01' } }, 'hr');
      expect(issued.errors).toBeUndefined();
      return issued.data.issueLoan.id as string;
    };
    const first = await issue(30000);
    expect(await countyYear(borrower.county, 2020)).toEqual({ borrowers: before2020.borrowers + 1, amount: before2020.amount + 30000 });
    // The same borrower again in the year: one borrower, both amounts.
    const second = await issue(20000);
    expect(await countyYear(borrower.county, 2020)).toEqual({ borrowers: before2020.borrowers + 1, amount: before2020.amount + 50000 });
    await expectExact();

    await hr.subgraph.dataSource.query(`UPDATE loan SET issued_on = '2019-09-01' WHERE id = $1`, [first]);
    expect(await countyYear(borrower.county, 2019)).toEqual({ borrowers: before2019.borrowers + 1, amount: before2019.amount + 30000 });
    expect(await countyYear(borrower.county, 2020)).toEqual({ borrowers: before2020.borrowers + 1, amount: before2020.amount + 20000 });
    await expectExact();

    await hr.subgraph.dataSource.query('DELETE FROM loan WHERE id = ANY($1::int[])', [[first, second]]);
    expect(await countyYear(borrower.county, 2019)).toEqual(before2019);
    expect(await countyYear(borrower.county, 2020)).toEqual(before2020);
    await expectExact();
  });
});
