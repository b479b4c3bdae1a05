import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';

/**
 * The six-month opening rate kept with the writes: trainees by county and day of their first
 * completed course, and how many of them founded a venture opened within OPENING_WINDOW_DAYS
 * of that day (both ends included). Kept by the day, not the year, because a cohort is judged
 * only once its window has closed on the scorecard's reference date, which the reader chooses.
 *
 * Unlike a plain tally (see tally.ts) a row depends on two tables that both change: the
 * trainee (county, first completion) and the founder's ventures (founder, day opened). Each
 * side's statement-level trigger recomputes the trainees it touched against the other side as
 * committed, so two transactions writing one trainee's two sides at once must not both miss
 * each other: every trigger first takes transaction-long advisory locks on the trainees'
 * buckets (id modulo LOCK_BUCKETS, in order), then reads. The later of two writers waits for the
 * earlier to commit and sees its rows; the earlier never saw the later's, which the later
 * counts. This holds in READ COMMITTED (each statement of the trigger sees what committed
 * before it), the isolation level every writer of hr uses. As with the tallies' own rows, two
 * transactions that each write many trainees over several statements may lock buckets in
 * different orders: PostgreSQL then refuses one as a deadlock, so bulk writers run one at a time.
 */
export const LOCK_BUCKETS = 64;
/** The advisory locks' first key: the two-integer key space, apart from any single-key lock. */
const LOCK_CLASS = "hashtext('opening_tally')";

const window = (day0: string, opened: string) => `${opened} BETWEEN ${day0} AND ${day0} + ${OPENING_WINDOW_DAYS}`;

/**
 * Adds each (county, day) group of the rows to the tally. Run with EXECUTE, so each statement is
 * planned for its own rows: a COPY's million with a hash join, a mutation's one with an index.
 */
const upsert = (rows: string, withClause = '') => `
  ${withClause} INSERT INTO opening_tally AS tally (region_code, first_completed_on, trainees, opened)
  SELECT region_code, day0, sum(trainees)::int, sum(opened)::int FROM (${rows}) changes
  GROUP BY 1, 2 HAVING sum(trainees) <> 0 OR sum(opened) <> 0 ORDER BY 1, 2
  ON CONFLICT (region_code, first_completed_on)
  DO UPDATE SET trainees = tally.trainees + excluded.trainees, opened = tally.opened + excluded.opened`;

/** Locks the buckets of the trainees `ids` lists (a query with an `id` column), in order. */
const lockBuckets = (ids: string) =>
  `PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, bucket) FROM (SELECT DISTINCT id % ${LOCK_BUCKETS} AS bucket FROM (${ids}) ids ORDER BY 1) buckets`;

/**
 * A trainee statement: the rows whose id, county or first completion changed leave their old
 * key (sign -1) and join their new one (+1), each with whether the trainee's ventures, which
 * this statement did not change, hold an opening within the window.
 */
const traineeChanges = (op: 'INSERT' | 'UPDATE' | 'DELETE') => {
  const columns = 'id, region_code, first_completed_on';
  const entering = op === 'DELETE' ? null : op === 'INSERT'
    ? `SELECT ${columns} FROM new_rows`
    : `SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows`;
  const leaving = op === 'INSERT' ? null : op === 'DELETE'
    ? `SELECT ${columns} FROM old_rows`
    : `SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows`;
  const signed = [entering && `SELECT *, 1 AS sign FROM (${entering}) e`, leaving && `SELECT *, -1 AS sign FROM (${leaving}) l`]
    .filter(Boolean).join(' UNION ALL ');
  return `SELECT * FROM (${signed}) c WHERE c.first_completed_on IS NOT NULL`;
};

const traineeBody = (op: 'INSERT' | 'UPDATE' | 'DELETE') => `
      IF NOT EXISTS (${traineeChanges(op)}) THEN RETURN NULL; END IF;
      ${lockBuckets(traineeChanges(op))};
      EXECUTE $sql$ ${upsert(`
        SELECT c.region_code, c.first_completed_on AS day0, c.sign AS trainees,
          c.sign * (count(v.id) > 0)::int AS opened
        FROM (${traineeChanges(op)}) c
          LEFT JOIN venture v ON v.founder_id = c.id AND ${window('c.first_completed_on', 'v.opened_on')}
        GROUP BY c.id, c.region_code, c.first_completed_on, c.sign`)} $sql$;`;

/**
 * A venture statement: for each founder whose ventures' (id, founder, day opened) changed, and
 * who has a first completion, whether an opening within the window was there before the
 * statement (the ventures now, less the statement's new rows, plus its old rows) and is there
 * after it; the difference moves the founder's `opened`.
 */
const ventureBody = (op: 'INSERT' | 'UPDATE' | 'DELETE') => {
  const columns = 'id, founder_id, opened_on';
  const changed = op === 'INSERT' ? `SELECT ${columns} FROM new_rows`
    : op === 'DELETE' ? `SELECT ${columns} FROM old_rows`
      : `(SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows)
         UNION ALL (SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows)`;
  const founders = `SELECT DISTINCT founder_id AS id FROM (${changed}) changed`;
  const now = op === 'DELETE'
    ? `SELECT v.founder_id, v.opened_on, true AS after, true AS before FROM venture v WHERE v.founder_id IN (SELECT id FROM founders)`
    : `SELECT v.founder_id, v.opened_on, true AS after, n.id IS NULL AS before
       FROM venture v LEFT JOIN new_rows n ON n.id = v.id WHERE v.founder_id IN (SELECT id FROM founders)`;
  const was = op === 'INSERT' ? '' : 'UNION ALL SELECT founder_id, opened_on, false, true FROM old_rows';
  return `
      IF NOT EXISTS (${changed}) THEN RETURN NULL; END IF;
      ${lockBuckets(founders)};
      EXECUTE $sql$ ${upsert(`
        SELECT t.region_code, t.first_completed_on AS day0, 0 AS trainees,
          coalesce(bool_or(o.after), false)::int - coalesce(bool_or(o.before), false)::int AS opened
        FROM founders f JOIN trainee t ON t.id = f.id
          LEFT JOIN (${now} ${was}) o ON o.founder_id = t.id AND ${window('t.first_completed_on', 'o.opened_on')}
        WHERE t.first_completed_on IS NOT NULL
        GROUP BY t.id, t.region_code, t.first_completed_on`, `WITH founders AS (${founders})`)} $sql$;`;
};

/**
 * What the insert triggers add for a bulk load into an empty table, as one statement over the
 * table as loaded, which the seeding runs in the COPY's own transaction in place of the trigger.
 * Trainees: every trainee with a first completion enters its (county, day) with whether its
 * ventures, as they stand, hold an opening (also the migration's backfill below). Ventures:
 * the table was empty, so no trainee had an opening before; each one whose ventures now hold
 * one adds it.
 */
export const OPENING_TALLY_FILL = {
  // The founders with an opening found by one join, not a subquery per trainee: a million
  // trainees probed the ventures twice each (the sum and the HAVING), by a scan of the table
  // when a seeding has its indexes down.
  trainee: { trigger: 'opening_tally_trainee_apply_insert', fill: upsert(`
    SELECT t.region_code, t.first_completed_on AS day0, 1 AS trainees, (o.id IS NOT NULL)::int AS opened
    FROM trainee t LEFT JOIN (SELECT DISTINCT f.id FROM venture v
      JOIN trainee f ON f.id = v.founder_id AND ${window('f.first_completed_on', 'v.opened_on')}) o ON o.id = t.id
    WHERE t.first_completed_on IS NOT NULL`) },
  venture: { trigger: 'opening_tally_venture_apply_insert', fill: upsert(`
    SELECT t.region_code, t.first_completed_on AS day0, 0 AS trainees, 1 AS opened
    FROM trainee t WHERE t.first_completed_on IS NOT NULL
      AND EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id AND ${window('t.first_completed_on', 'v.opened_on')})`) },
};

const triggerFunction = (name: string, body: (op: 'INSERT' | 'UPDATE' | 'DELETE') => string) => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN ${body('INSERT')}
    ELSIF TG_OP = 'DELETE' THEN ${body('DELETE')}
    ELSE ${body('UPDATE')}
    END IF;
    RETURN NULL;
  END $$;`;

const triggers = (table: string, fn: string) => `
  CREATE TRIGGER ${fn}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${fn}_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${fn}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;

export class CreateOpeningTally1766200000000 implements MigrationInterface {
  name = 'CreateOpeningTally1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE opening_tally (
        region_code char(6) NOT NULL,
        first_completed_on date NOT NULL,
        trainees int NOT NULL,
        opened int NOT NULL,
        PRIMARY KEY (region_code, first_completed_on)
      );
      ${triggerFunction('opening_tally_trainee_apply', traineeBody)}
      ${triggerFunction('opening_tally_venture_apply', ventureBody)}
      ${triggers('trainee', 'opening_tally_trainee_apply')}
      ${triggers('venture', 'opening_tally_venture_apply')}
      ${OPENING_TALLY_FILL.trainee.fill};`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${['insert', 'update', 'delete'].map((op) => `DROP TRIGGER opening_tally_trainee_apply_${op} ON trainee;
        DROP TRIGGER opening_tally_venture_apply_${op} ON venture;`).join('\n')}
      DROP FUNCTION opening_tally_trainee_apply(); DROP FUNCTION opening_tally_venture_apply(); DROP TABLE opening_tally;`);
  }
}
