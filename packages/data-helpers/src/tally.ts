import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A summary table kept exact by the writes themselves: statement-level triggers on the source
 * table add (INSERT), subtract (DELETE) or move (UPDATE) the statement's rows, grouped by the
 * tally's key, in one upsert over the statement's transition tables, so a COPY of a million
 * rows costs one grouped statement and a mutation one small upsert in its own transaction.
 * Rows are upserted in key order; a writer inserting many rows over several statements of one
 * transaction should run one such transaction at a time (an import's concurrency of 1).
 */
export interface TallySpec {
  /** The table whose rows are summed. */
  source: string;
  /** The summary table. */
  tally: string;
  /** Key columns: name, SQL type, expression over a source row. */
  keys: Array<{ name: string; type: string; expression: string }>;
  /** Summed columns: name, SQL type, expression over a source row (1 counts rows). */
  measures: Array<{ name: string; type: string; expression: string }>;
  /**
   * A join that brings a key from another table, the source row being `src`: e.g. a loan's
   * county from its borrower, `JOIN trainee borrower ON borrower.id = src.borrower_id`. The
   * joined columns a key uses must never change while a source row refers to them (a
   * trainee's county is fixed), or the tally would keep the old key.
   */
  join?: string;
}

/**
 * The grouped upsert that adds the rows of `rows` (the source table or a transition table) to
 * the tally, or with sign '-' subtracts them: what the INSERT and DELETE triggers, the backfill
 * and a bulk load's fill each run.
 */
function addRowsSql(spec: TallySpec, rows: string, sign: '' | '-' = '', upsert = true): string {
  const keyNames = spec.keys.map((k) => k.name).join(', ');
  const columns = [...spec.keys, ...spec.measures].map((c) => c.name).join(', ');
  const keyExpressions = spec.keys.map((k) => k.expression).join(', ');
  const positions = spec.keys.map((_, i) => i + 1).join(', ');
  const sums = spec.measures.map((m) => `${sign}sum(${m.expression})::${m.type}`).join(', ');
  return `INSERT INTO ${spec.tally} AS tally (${columns})
    SELECT ${keyExpressions}, ${sums} FROM ${rows} src ${spec.join ?? ''} GROUP BY ${positions} ORDER BY ${positions}` + (upsert ? `
    ON CONFLICT (${keyNames}) DO UPDATE SET ${spec.measures.map((m) => `${m.name} = tally.${m.name} + excluded.${m.name}`).join(', ')}` : '');
}

/**
 * The three statement-level triggers that keep a summary table (`<tally>`) with the writes to
 * its source, each handing `<tally>_apply()` the statement's transition tables.
 */
export function statementTriggersSql(spec: { source: string; tally: string }): string {
  return `CREATE TRIGGER ${spec.tally}_insert AFTER INSERT ON ${spec.source} REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${spec.tally}_apply();
    CREATE TRIGGER ${spec.tally}_update AFTER UPDATE ON ${spec.source} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${spec.tally}_apply();
    CREATE TRIGGER ${spec.tally}_delete AFTER DELETE ON ${spec.source} REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${spec.tally}_apply();`;
}

/** CREATE TABLE, the trigger function, its three triggers and the backfill from the rows already there. */
export function createTallySql(spec: TallySpec): string {
  const keyNames = spec.keys.map((k) => k.name).join(', ');
  const columns = [...spec.keys, ...spec.measures].map((c) => c.name).join(', ');
  const keyExpressions = spec.keys.map((k) => k.expression).join(', ');
  const positions = spec.keys.map((_, i) => i + 1).join(', ');
  const join = spec.join ?? '';
  const upsert = `INSERT INTO ${spec.tally} AS tally (${columns})`;
  const onConflict = `ON CONFLICT (${keyNames}) DO UPDATE SET ${spec.measures.map((m) => `${m.name} = tally.${m.name} + excluded.${m.name}`).join(', ')}`;
  const signedSums = spec.measures.map((m) => `sum(change * (${m.expression}))::${m.type}`).join(', ');
  const changed = spec.measures.map((m) => `sum(change * (${m.expression})) <> 0`).join(' OR ');
  return `
    CREATE TABLE ${spec.tally} (
      ${spec.keys.map((k) => `${k.name} ${k.type} NOT NULL`).join(',\n      ')},
      ${spec.measures.map((m) => `${m.name} ${m.type} NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${keyNames})
    );
    CREATE FUNCTION ${spec.tally}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${addRowsSql(spec, 'new_rows')};
      ELSIF TG_OP = 'DELETE' THEN
        ${addRowsSql(spec, 'old_rows', '-')};
      ELSE
        ${upsert} SELECT ${keyExpressions}, ${signedSums} FROM (
          SELECT *, 1 AS change FROM new_rows UNION ALL SELECT *, -1 AS change FROM old_rows) src ${join}
          GROUP BY ${positions} HAVING ${changed} ORDER BY ${positions} ${onConflict};
      END IF;
      RETURN NULL;
    END $$;
    ${statementTriggersSql(spec)}
    ${tallyFillSql(spec)};
  `;
}

/**
 * What the insert trigger adds for every row of the source table, as one grouped upsert over
 * the table itself. A bulk load into an empty table runs it in the COPY's own transaction in
 * place of the trigger (see BulkTally): the table's rows are then exactly the statement's new
 * rows, so the tally ends the same, without collecting a million rows into a transition table.
 */
export function tallyFillSql(spec: TallySpec): string {
  return addRowsSql(spec, spec.source);
}

/**
 * A tally's insert trigger on a table and the statement that does its work for a whole bulk
 * load into that (empty) table: for TallySpec tallies, `${tally}_insert` and tallyFillSql.
 */
export interface BulkTally {
  trigger: string;
  fill: string;
  /**
   * The summary table the fill writes: named, an empty one is filled as a new table of the
   * COPY's transaction, its indexes built after its rows (see fillTally in bulk-tally.ts).
   */
  tally?: string;
  /**
   * The same rows as `fill` for an empty summary table whose primary key and unique
   * constraints are built after it: an INSERT whose groups are its keys, so no row can
   * conflict with another and none looks for a conflict.
   */
  fillEmpty?: string;
  /**
   * Tallies kept off this tally's summary table by triggers on it (a tally of a tally). When the
   * summary table is filled empty, their insert triggers are left out of that fill and each
   * filled in one statement after it, as this tally is for the COPY.
   */
  then?: BulkTally[];
}

/** The BulkTally of a TallySpec tally. */
export function bulkTally(spec: TallySpec): BulkTally {
  return { trigger: `${spec.tally}_insert`, fill: tallyFillSql(spec), tally: spec.tally, fillEmpty: addRowsSql(spec, spec.source, '', false) };
}

export function dropTallySql(spec: TallySpec): string {
  return ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER ${spec.tally}_${op} ON ${spec.source};`).join(' ') +
    ` DROP FUNCTION ${spec.tally}_apply(); DROP TABLE ${spec.tally};`;
}

/** A migration of one SQL text up and one down; `name` ends in the timestamp that orders it. */
export function sqlMigration(name: string, up: string, down: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(db: QueryRunner): Promise<void> {
      await db.query(up);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(down);
    }
  };
}

/**
 * The migration that creates a tally (and drops it on the way down), so a department's
 * migration file holds only its spec and the reason for it. TypeORM records a migration by its
 * `name`, which must end in the timestamp that orders it.
 */
export function tallyMigration(name: string, spec: TallySpec): new () => MigrationInterface {
  return sqlMigration(name, createTallySql(spec), dropTallySql(spec));
}
