import type { BulkTally } from './tally';
import { secondaryIndexes, type Query } from './bulk-catalogue';

/**
 * Runs a bulk load's tally fill inside the COPY's transaction. When the summary table is empty
 * (a seeding: nothing else has written it), it is filled as a table of its own transaction:
 * emptied again, which gives it a new file, so that a server running with `wal_level=minimal`
 * writes its rows once instead of to the WAL too; its secondary indexes dropped and built again
 * once it is full (one sorted build each instead of a million insertions), and with the
 * tally's `fillEmpty`, its constraints too, filled by a plain INSERT that has no conflict to
 * look for; the tallies kept off it (BulkTally.then) are left out of that INSERT and filled
 * after it the same way. A tally that has rows already is filled by its upsert, as any write
 * (its own tallies' triggers fire). The summary table is locked against every other session
 * until the COPY commits; nothing outside the transaction ever sees it without its rows,
 * indexes or constraints.
 */
export async function fillTally(query: Query, tally: BulkTally, timed: <T>(step: string, run: () => Promise<T>) => Promise<T>): Promise<void> {
  if (!tally.tally) {
    await timed(`tally ${tally.trigger}`, () => query(tally.fill));
    return;
  }
  const summary = tally.tally;
  await query(`LOCK TABLE ${summary} IN ACCESS EXCLUSIVE MODE`);
  const [{ empty }] = await query(`SELECT NOT EXISTS (SELECT 1 FROM ${summary}) AS empty`);
  if (!empty) {
    await timed(`tally ${tally.trigger}`, () => query(tally.fill));
    return;
  }
  await query(`TRUNCATE ${summary}`);
  const indexes = await secondaryIndexes(query, [summary]);
  const constraints: Array<{ name: string; definition: string }> = tally.fillEmpty ? await query(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype IN ('p', 'u') ORDER BY contype, conname`, [summary]) : [];
  for (const index of indexes) await query(`DROP INDEX ${index.name}`);
  for (const constraint of constraints) await query(`ALTER TABLE ${summary} DROP CONSTRAINT ${constraint.name}`);
  const chained = tally.then ?? [];
  for (const next of chained) await query(`ALTER TABLE ${summary} DISABLE TRIGGER ${next.trigger}`);
  await timed(`tally ${tally.trigger}`, () => query(tally.fillEmpty ?? tally.fill));
  for (const next of chained) await query(`ALTER TABLE ${summary} ENABLE TRIGGER ${next.trigger}`);
  for (const constraint of constraints) {
    await timed(`tally ${summary} ${constraint.name}`, () => query(`ALTER TABLE ${summary} ADD CONSTRAINT ${constraint.name} ${constraint.definition}`));
  }
  for (const index of indexes) await timed(`tally ${summary} ${index.name}`, () => query(index.definition));
  // The tallies of this one, each from its full summary table (an empty one's are empty too).
  for (const next of chained) await fillTally(query, next, timed);
}
