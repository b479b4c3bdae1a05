import type { DataSource, QueryRunner } from 'typeorm';
import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { allCounties } from '@rg/regions';
import { composeCitizenId } from '@rg/person-key';
import { csvFile } from '@rg/record-import';
import { addDays, byCard, cardBatch, cardParameters, CARDS_CTE, scorecardKey, type CardBatch } from '@rg/region-scorecard';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';
import { hrSubgraph } from '../index';
import { openingRates, type OpeningRateCounts } from './opening-rate';

let hr: SubgraphHarness;
let db: DataSource;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
  db = hr.subgraph.dataSource;
});
afterAll(() => hr?.stop());

/**
 * The oracle: the statement the scorecard ran before opening_tally, each first-trained trainee
 * of the cards probing their ventures for an opening within the window.
 */
async function scannedOpeningRates(batch: CardBatch, referenceDate: string): Promise<Map<string, OpeningRateCounts>> {
  const rows = await db.query(
    `WITH ${CARDS_CTE},
     first AS (
       SELECT t.region_code, extract(year FROM t.first_completed_on)::int AS year,
         t.first_completed_on + ${OPENING_WINDOW_DAYS} <= $7::date AS mature,
         EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id
           AND v.opened_on >= t.first_completed_on AND v.opened_on <= t.first_completed_on + ${OPENING_WINDOW_DAYS}) AS opened
       FROM trainee t
       WHERE t.region_code = ANY($4) AND t.first_completed_on >= $5 AND t.first_completed_on < $6)
     SELECT c.card, count(*) FILTER (WHERE f.mature) AS cohort, count(*) FILTER (WHERE f.mature AND f.opened) AS opened,
       count(*) FILTER (WHERE NOT f.mature) AS too_recent
     FROM first f JOIN cards c ON c.county = f.region_code AND c.year = f.year
     GROUP BY c.card`,
    [...cardParameters(batch), referenceDate],
  );
  return new Map([...byCard(batch, rows, () => ({ cohort: 0, opened: 0, too_recent: 0 }))].map(([key, row]) => [key, {
    openingCohort: Number(row.cohort), openedWithinWindow: Number(row.opened), openingTooRecent: Number(row.too_recent),
  }]));
}

/** Every county, city and the province, for every year the demo records span and the years either side. */
const REGIONS = ['320000', ...new Set(allCounties().map((c) => `${c.code.slice(0, 4)}00`)), ...allCounties().map((c) => c.code)];
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
const BATCH = cardBatch(REGIONS.flatMap((region) => YEARS.map((year) => scorecardKey(region, year))));

/** Reference dates around which cohorts mature, with a trainee's window closing exactly on one of them. */
async function referenceDates(): Promise<string[]> {
  const [{ day }] = await db.query(
    `SELECT to_char(max(first_completed_on), 'YYYY-MM-DD') AS day FROM trainee WHERE first_completed_on < '2020-01-01'`);
  return ['2017-06-30', '2019-07-01', '2020-12-31', '2030-01-01',
    addDays(day, OPENING_WINDOW_DAYS - 1), addDays(day, OPENING_WINDOW_DAYS), addDays(day, OPENING_WINDOW_DAYS + 1)];
}

/** The tally against the oracle for every region-year and reference date; returns the sums, to show something was compared. */
async function expectTallyToMatchOracle(): Promise<OpeningRateCounts> {
  const total = { openingCohort: 0, openedWithinWindow: 0, openingTooRecent: 0 };
  for (const date of await referenceDates()) {
    const [kept, scanned] = await Promise.all([openingRates(db, BATCH, date), scannedOpeningRates(BATCH, date)]);
    expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(scanned));
    for (const counts of kept.values()) {
      for (const name of Object.keys(total) as Array<keyof OpeningRateCounts>) total[name] += counts[name];
    }
  }
  // Row by row as well: the tally holds exactly the trainees grouped by county and day (zero rows aside).
  const [difference] = await db.query(`
    WITH actual AS (
      SELECT t.region_code, t.first_completed_on, count(*)::int AS trainees,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id
          AND v.opened_on BETWEEN t.first_completed_on AND t.first_completed_on + ${OPENING_WINDOW_DAYS}))::int AS opened
      FROM trainee t WHERE t.first_completed_on IS NOT NULL GROUP BY 1, 2),
    kept AS (SELECT region_code, first_completed_on, trainees, opened FROM opening_tally WHERE trainees <> 0 OR opened <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows`);
  expect(difference.rows).toBe(0);
  return total;
}

const ok = async (query: string, variables: Record<string, unknown>) => {
  const answer = await hr.query(query, variables, 'hr');
  expect(answer.errors).toBeUndefined();
  return answer.data;
};
const recordVenture = (founderId: number | string, openedOn: string) => ok(
  `mutation($i: RecordVentureInput!) { recordVenture(input: $i) { id } }`,
  { i: { founderId: String(founderId), name: `测试商店${openedOn}`, industry: 'retail', openedOn, jobsCreated: 2 } });
/** Enrols the trainee on a course and records its completion: the trainee's first completion moves to `completedOn` if earlier. */
const complete = async (traineeId: number | string, course: { id: number; startsOn: string }, completedOn: string) => {
  const { enrol } = await ok(`mutation($i: EnrolInput!) { enrol(input: $i) { id } }`,
    { i: { traineeId: String(traineeId), courseId: String(course.id), enrolledOn: course.startsOn } });
  await ok(`mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { id } }`,
    { i: { enrolmentId: enrol.id, completedOn, passed: true } });
};
const firstCompletion = async (id: number | string): Promise<string | null> => {
  const [row] = await db.query(`SELECT to_char(first_completed_on, 'YYYY-MM-DD') AS day FROM trainee WHERE id = $1`, [id]);
  return row.day;
};

describe('opening_tally: the six-month opening rate kept with the writes', () => {
  it('gives the figures the scan of trainees and ventures gives, for every region-year and reference date', async () => {
    const total = await expectTallyToMatchOracle();
    expect(total.openingCohort).toBeGreaterThan(0);
    expect(total.openedWithinWindow).toBeGreaterThan(0);
    expect(total.openedWithinWindow).toBeLessThan(total.openingCohort);
    expect(total.openingTooRecent).toBeGreaterThan(0);
  });

  it('follows completions recorded, ventures recorded, imported, moved and deleted', async () => {
    const courses = [...hr.world.hr.courses].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const course2019 = courses.find((c) => c.startsOn >= '2019-03-01')!;
    const course2018 = courses.find((c) => c.startsOn >= '2018-03-01')!;

    // A venture recorded before its founder completes any course counts once the completion is recorded.
    const { registerTrainee } = await ok(`mutation($input: RegisterTraineeInput!) { registerTrainee(input: $input) { id } }`,
      { input: { citizenId: composeCitizenId('320321', '1987-03-03', 41), name: '孙七', category: 'MIGRANT_WORKER', stage: 'STARTUP', registeredOn: '2018-01-10' } });
    const founder = registerTrainee.id;
    const completedOn = addDays(course2019.endsOn, 0);
    await recordVenture(founder, addDays(completedOn, 30));
    await expectTallyToMatchOracle();
    await complete(founder, course2019, completedOn);
    expect(await firstCompletion(founder)).toBe(completedOn);
    await expectTallyToMatchOracle();

    // An earlier completion moves the trainee's first completion, and with it the window: the venture is now outside.
    await complete(founder, course2018, course2018.endsOn);
    expect(await firstCompletion(founder)).toBe(course2018.endsOn);
    await expectTallyToMatchOracle();

    // A venture recorded inside the window of a trained trainee who had none.
    const [trained] = await db.query(`
      SELECT t.id, to_char(t.first_completed_on, 'YYYY-MM-DD') AS day FROM trainee t
      WHERE t.first_completed_on BETWEEN '2018-01-01' AND '2019-06-30' AND NOT EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id)
      ORDER BY t.id LIMIT 1`);
    const { recordVenture: recorded } = await recordVenture(trained.id, addDays(trained.day, OPENING_WINDOW_DAYS));
    await expectTallyToMatchOracle();
    // Moved one day later it leaves the window; a second venture inside it, then deleted, changes nothing in the end.
    await db.query(`UPDATE venture SET opened_on = opened_on + 1 WHERE id = $1`, [recorded.id]);
    await expectTallyToMatchOracle();
    const { recordVenture: second } = await recordVenture(trained.id, trained.day);
    await expectTallyToMatchOracle();
    await db.query(`UPDATE venture SET closed_on = opened_on + 10 WHERE id = $1`, [second.id]);
    await db.query('DELETE FROM venture WHERE id = $1', [second.id]);
    await expectTallyToMatchOracle();

    // An imported venture, for a trained trainee without one, inside the window.
    const [other] = await db.query(`
      SELECT t.citizen_id, to_char(t.first_completed_on, 'YYYY-MM-DD') AS day FROM trainee t
      WHERE t.first_completed_on BETWEEN '2018-01-01' AND '2019-06-30' AND NOT EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id)
      ORDER BY t.id DESC LIMIT 1`);
    const answer = await hr.importFile('ventures', csvFile([['创办人身份证号', '企业名称', '所属行业', '开业日期', '带动就业人数'],
      [other.citizen_id, '河畔茶社', 'catering', addDays(other.day, 60), '3']]));
    expect(answer.counts).toEqual({ rows: 1, imported: 1, unchanged: 0, rejected: 0 });
    await expectTallyToMatchOracle();

    // A trainee's first completion changed by hand, and a trainee removed with their ventures.
    await db.query(`UPDATE trainee SET first_completed_on = first_completed_on - 200 WHERE id = $1`, [trained.id]);
    await expectTallyToMatchOracle();
    await db.query('DELETE FROM venture WHERE founder_id = $1', [founder]);
    await db.query('DELETE FROM enrolment WHERE trainee_id = $1', [founder]);
    await db.query('DELETE FROM trainee WHERE id = $1', [founder]);
    await expectTallyToMatchOracle();
  });

  it('stays exact when one transaction moves a first completion while another records the founder\'s venture', async () => {
    const trainees: Array<{ id: number; day: string }> = await db.query(`
      SELECT t.id, to_char(t.first_completed_on, 'YYYY-MM-DD') AS day FROM trainee t
      WHERE t.first_completed_on BETWEEN '2018-01-01' AND '2019-06-30' AND NOT EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id)
      ORDER BY t.id LIMIT 2 OFFSET 3`);
    expect(trainees).toHaveLength(2);
    for (const [n, trainee] of trainees.entries()) {
      // The venture opens 300 days after the first completion: outside its window, inside the window of the
      // completion moved 200 days later. Each writer alone sees no opening; together they make one.
      const move = (runner: QueryRunner) =>
        runner.query('UPDATE trainee SET first_completed_on = $2 WHERE id = $1', [trainee.id, addDays(trainee.day, 200)]);
      const open = (runner: QueryRunner) => runner.query(`INSERT INTO venture (founder_id, name, industry, region_code, opened_on, jobs_created)
        SELECT id, '并发商店', 'retail', region_code, $2, 1 FROM trainee WHERE id = $1`, [trainee.id, addDays(trainee.day, 300)]);
      const [writeFirst, writeSecond] = n === 0 ? [move, open] : [open, move];
      const [first, second] = [db.createQueryRunner(), db.createQueryRunner()];
      await Promise.all([first.connect(), second.connect()]);
      try {
        const [{ pid }] = await second.query('SELECT pg_backend_pid() AS pid');
        await first.startTransaction();
        await second.startTransaction();
        await writeFirst(first);
        const waiting = writeSecond(second);
        // The second writer's trigger waits for the first's lock until the first commits.
        await expect(waitForAdvisoryLock(pid)).resolves.toBe(true);
        await first.commitTransaction();
        await waiting;
        await second.commitTransaction();
      } finally {
        await Promise.all([first.release(), second.release()]);
      }
      await expectTallyToMatchOracle();
      const [row] = await db.query(`SELECT o.opened FROM opening_tally o JOIN trainee t
        ON t.region_code = o.region_code AND t.first_completed_on = o.first_completed_on WHERE t.id = $1`, [trainee.id]);
      expect(row.opened).toBeGreaterThan(0);
    }
  });
});

/** Whether the backend comes to wait on an advisory lock (polled for up to 20 s). */
async function waitForAdvisoryLock(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await db.query(`SELECT wait_event_type = 'Lock' AND wait_event = 'advisory' AS waiting FROM pg_stat_activity WHERE pid = $1`, [pid]);
    if (row?.waiting) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
