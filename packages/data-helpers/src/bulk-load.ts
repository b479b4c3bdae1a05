import type { DataSource } from 'typeorm';
import { copyRows, resetIdSequence, timedStep } from './bulk-copy';
import type { BulkTally } from './tally';
import { secondaryIndexes } from './bulk-catalogue';

/** One table of a seeding: its rows, how a row becomes COPY's columns, and what must be in first. */
export interface TableLoad<T = any> {
  table: string;
  columns: string[];
  /** The rows, or their batches as they are produced (a province still being generated). */
  rows: readonly T[] | RowsInBatches<T>;
  toRow: (row: T) => unknown[];
  /** Settles once `rows` are all there (a generation still running): the COPY starts after it. */
  ready?: Promise<unknown>;
  /**
   * The COPY may start before the tables this one references are in, when the load names every
   * insert trigger it has: only its tallies' fills wait for them, inside its transaction, which
   * keeps this table locked meanwhile. So only for a table that no fill of an earlier table
   * reads (hr's enrolments, not its ventures, which the trainees' opening tally reads): such a
   * fill would wait for this table's lock, and this table for that fill's, for ever.
   */
  copiesBeforeReferences?: boolean;
  /**
   * Tables whose rows must be in before this one's COPY starts, besides those found in the
   * catalogue (see loadTables).
   */
  after?: string[];
  /** Tallies filled by one statement after the COPY instead of by their insert triggers (see CopyOptions). */
  tallies?: BulkTally[];
}

/** Rows that arrive in batches while the COPY runs, and how many there will be if known (for progress). */
export interface RowsInBatches<T> {
  batches: AsyncIterable<readonly T[]>;
  total?: number;
}

/** The rows' count for progress: a count not known yet is the rows copied so far. */
const rowCount = (rows: readonly unknown[] | RowsInBatches<unknown>, done: number) =>
  ('batches' in rows ? Math.max(done, rows.total ?? done) : rows.length);

interface ForeignKey { table: string; references: string; name: string; definition: string }

/**
 * Sessions one department's seeding keeps busy at once: more than the cores (two here) keep
 * PostgreSQL's work going while this process formats rows, and fewer than the connection pool
 * (10), so no step waits for a connection until the pool gives up on it.
 */
const SESSIONS = 6;

/**
 * At most `limit` steps at a time; a free session goes to the waiting step of the earliest
 * table in the load's list (then to the one that asked first), so a table others wait for and
 * the tables after it in its chain are not queued behind the work of tables nobody waits for.
 */
class Sessions {
  private running = 0;
  private asked = 0;
  private readonly waiting: Array<{ priority: number; order: number; start: () => void }> = [];

  constructor(private readonly limit: number) {}

  async run<T>(priority: number, step: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((start) => this.waiting.push({ priority, order: this.asked++, start }));
    } else this.running++;
    try {
      return await step();
    } finally {
      let next = -1;
      this.waiting.forEach((candidate, i) => {
        const best = this.waiting[next];
        if (!best || candidate.priority < best.priority || (candidate.priority === best.priority && candidate.order < best.order)) next = i;
      });
      if (next >= 0) this.waiting.splice(next, 1)[0].start();
      else this.running--;
    }
  }
}

/** Memory for one index build or foreign-key check after a bulk load: sorts a million keys in memory, not on disk. */
const MAINTENANCE_WORK_MEM = '256MB';

/** A table's name as SQL: the catalogue's names are compared as they are, and quoted where they are written. */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Each finished table, as a promise that settles when its COPY (and any earlier step) has. */
class Milestones {
  private readonly done = new Map<string, Promise<void>>();

  set(table: string, finished: Promise<void>): void {
    // Observed here so a failure is reported once, by whoever awaits the whole load.
    finished.catch(() => undefined);
    this.done.set(table, finished);
  }

  async all(tables: readonly string[]): Promise<void> {
    await Promise.all(tables.map((table) => this.done.get(table)));
  }
}

/**
 * The insert triggers of the loaded tables (the tallies), by table: those a COPY fires, unless
 * the load names them (see TableLoad.tallies). Not the triggers PostgreSQL keeps for constraints.
 */
async function insertTriggers(db: DataSource, tables: string[]): Promise<Map<string, string[]>> {
  const rows: Array<{ table: string; trigger: string }> = await db.query(
    `SELECT t.relname AS table, g.tgname AS trigger FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
     WHERE NOT g.tgisinternal AND (g.tgtype & 4) <> 0 AND t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY 1, 2`,
    [tables],
  );
  const triggers = new Map<string, string[]>();
  for (const row of rows) triggers.set(row.table, [...(triggers.get(row.table) ?? []), row.trigger]);
  return triggers;
}

async function foreignKeys(db: DataSource, tables: string[]): Promise<ForeignKey[]> {
  // Every foreign key from or to a loaded table: one into a loaded table would check each row as it arrives.
  return db.query(
    `SELECT t.relname AS table, r.relname AS references, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
     WHERE c.contype = 'f' AND (t.relname = ANY($1) OR r.relname = ANY($1)) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY t.relname, c.conname`,
    [tables],
  );
}

/** Runs statements in one session with room to sort in memory (index builds, the foreign keys' validating joins). */
async function inMaintenanceSession(db: DataSource, run: (query: (sql: string) => Promise<unknown>) => Promise<void>): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
    await runner.query(`SET work_mem = '${MAINTENANCE_WORK_MEM}'`);
    await run((sql) => runner.query(sql));
  } finally {
    await runner.release();
  }
}

/**
 * Seeds empty tables with COPY, each table over its own connection as soon as the tables it
 * waits for are in (those it references, if it has triggers), with its secondary indexes dropped and the foreign keys from and to it
 * dropped. As soon as a table is in, its indexes are built again from their own definitions
 * (one sorted build each, several times cheaper than a million single-row insertions) and it
 * is analysed, while the other tables are still loading; each foreign key is added back as soon
 * as both its tables are in, which checks every loaded row in one join instead of a lookup per
 * row. A row that references nothing fails the load when its key is added back; primary keys
 * stay, and unique constraints are built again in the COPY's own transaction (see CopyOptions),
 * so the load is refused on the same duplicates as before; triggers (the tallies) fire as for
 * any write, except those a load names in `tallies`, whose work one statement over the loaded
 * table does before the COPY commits. Indexes, keys and triggers are read from the catalogue, so
 * a migration's new ones are handled alike. When a load fails, every index and every key the
 * loaded rows satisfy is back all the same, and the first failure is reported. Finally each
 * table's id sequence moves past the loaded ids.
 */
export async function loadTables(
  db: DataSource,
  loads: TableLoad[],
  onProgress?: (table: string, done: number, total: number) => void,
): Promise<void> {
  const tables = loads.map((load) => load.table);
  const indexes = await secondaryIndexes((sql, parameters) => db.query(sql, parameters), tables);
  const keys = await foreignKeys(db, tables);
  const triggers = await insertTriggers(db, tables);
  // A tally may take a key through a reference (a loan's county is its borrower's), so what a
  // table's insert triggers or its tallies' fills read of the tables it references must be in
  // first. Only earlier tables in `loads`, so no two loads wait for each other.
  const referenced = (load: TableLoad) => [...new Set(keys.filter((key) => key.table === load.table
    && tables.indexOf(key.references) >= 0 && tables.indexOf(key.references) < tables.indexOf(load.table)).map((key) => key.references))];
  // A trigger the COPY fires reads them as its rows come: the COPY waits for them. When the
  // load names every insert trigger, they fire for none of its rows, and a table that may
  // (copiesBeforeReferences) waits for them only in its fills, at the end of its transaction.
  const firesTriggers = (load: TableLoad) => (triggers.get(load.table) ?? [])
    .some((trigger) => !load.copiesBeforeReferences || !(load.tallies ?? []).some((tally) => tally.trigger === trigger));
  const waitsFor = (load: TableLoad) => [...new Set([...(load.after ?? []), ...(firesTriggers(load) ? referenced(load) : [])])];
  for (const key of keys) await db.query(`ALTER TABLE ${quoted(key.table)} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);

  const sessions = new Sessions(SESSIONS);
  const copied = new Milestones();
  const started = new Milestones();
  for (const load of loads) {
    let begin: () => void = () => undefined;
    started.set(load.table, new Promise<void>((resolve) => { begin = resolve; }));
    copied.set(load.table, (async () => {
      try {
        await copied.all(waitsFor(load));
        await load.ready;
        // A COPY whose fills wait for other tables holds its session meanwhile: it asks for one
        // only once those tables' COPYs have theirs, so the sessions never all wait on one that has none.
        await started.all(referenced(load));
        const rows = 'batches' in load.rows ? load.rows.batches : load.rows;
        await sessions.run(tables.indexOf(load.table), () => {
          begin();
          return copyRows(db, load.table, load.columns, rows, load.toRow,
            (done) => onProgress?.(load.table, done, rowCount(load.rows, done)),
            { intoEmptyTable: true, tallies: load.tallies, beforeTallies: () => copied.all(referenced(load)) });
        });
      } finally {
        // A load that failed before its COPY began keeps no one waiting on it: they fail on `copied`.
        begin();
      }
    })());
  }
  // Indexes and keys are rebuilt whatever happens to the loads, so a failed seeding leaves the schema whole.
  const settled = (table: string) => copied.all([table]).catch(() => undefined);
  const indexed = loads.map((load) => (async () => {
    await settled(load.table);
    const own = indexes.filter((index) => index.table === load.table);
    await sessions.run(tables.indexOf(load.table), () => inMaintenanceSession(db, async (query) => {
      for (const index of own) await timedStep(db, `index ${index.name}`, () => query(index.definition));
      // The planner's statistics, while the other tables are still loading.
      await timedStep(db, `ANALYZE ${load.table}`, () => query(`ANALYZE ${quoted(load.table)}`));
    }));
  })());
  const checked = keys.map((key) => (async () => {
    await settled(key.table);
    await settled(key.references);
    await sessions.run(Math.max(tables.indexOf(key.table), tables.indexOf(key.references)), () => inMaintenanceSession(db, async (query) => {
      await timedStep(db, `foreign key ${key.table}.${key.name}`,
        () => query(`ALTER TABLE ${quoted(key.table)} ADD CONSTRAINT ${key.name} ${key.definition}`));
    }));
  })());
  const results = await Promise.allSettled([...tables.map((table) => copied.all([table])), ...indexed, ...checked]);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  for (const table of tables) await resetIdSequence(db, table);
  // What the triggers wrote (the tallies) is analysed too.
  const others: Array<{ name: string }> = await db.query(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> ALL($1)`, [tables]);
  if (others.length) await timedStep(db, 'ANALYZE the other tables', () => db.query(`ANALYZE ${others.map((t) => t.name).join(', ')}`));
}

/** A TableLoad, typed by its rows. */
export function table<T>(
  name: string, columns: string[], rows: readonly T[] | RowsInBatches<T>, toRow: (row: T) => unknown[],
  options: { after?: string[]; tallies?: BulkTally[]; ready?: Promise<unknown>; copiesBeforeReferences?: boolean } = {},
): TableLoad<T> {
  return { table: name, columns, rows, toRow, ...options };
}
