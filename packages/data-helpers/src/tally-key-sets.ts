import type { MigrationInterface } from 'typeorm';
import { sqlMigration, statementTriggersSql, type BulkTally } from './tally';

/**
 * Key sets kept with the writes: for each group of a source table's rows (e.g. a county-year of
 * a trained cohort), the group's person-key prefixes as one bytea of sorted 8-byte big-endian
 * prefixes (the bytes of a key set, see @rg/region-scorecard key-set.ts), and subsets of them
 * each as their own such bytea. A question about a province then reads a hundred rows of bytes
 * instead of aggregating (and sorting) a row a person.
 *
 * Unlike a sum (TallySpec), a sorted set cannot be moved by a delta, so statement-level triggers
 * on the source build each group the statement touched again from the source, off an index
 * that holds the group's rows in prefix order (a few thousand entries a county-year, well
 * under a millisecond each). To stay exact under concurrent writes, the touched groups' rows
 * are locked, in key order, before they are built, and built by a later statement: under READ
 * COMMITTED its snapshot sees every transaction that held the lock before, and one that writes
 * after waits for this one to commit and builds the group again with its rows. (Under
 * REPEATABLE READ a concurrent write to the same group fails with a serialisation error.)
 */
export interface KeySetTallySpec {
  /** The table whose rows are grouped. */
  source: string;
  /** The summary table: the keys and a bytea a set. */
  tally: string;
  /** Columns of the source naming a group, kept under the same name. */
  keys: Array<{ name: string; type: string }>;
  /** The source's bigint column of person-key prefixes. */
  prefix: string;
  /** Which source rows (aliased `s`) are in the group's sets (e.g. `s.completions > 0`). */
  where: string;
  /** The sets kept: a name, and for a subset the condition its rows meet. */
  sets: Array<{ name: string; filter?: string }>;
}

const keyNames = (spec: KeySetTallySpec) => spec.keys.map((k) => k.name).join(', ');

/** Each set of the groups of `from` (rows of the source aliased `s`), as sorted prefix bytes; '' for none. */
function setsSql(spec: KeySetTallySpec): string {
  return spec.sets.map((set) => `coalesce(string_agg(int8send(s.${spec.prefix}), ''::bytea ORDER BY s.${spec.prefix})` +
    `${set.filter ? ` FILTER (WHERE ${set.filter})` : ''}, ''::bytea) AS ${set.name}`).join(', ');
}

/** The groups' sets built from every row of the source: a migration's backfill and a bulk load's fill. */
function fillSql(spec: KeySetTallySpec, upsert: boolean): string {
  const keys = keyNames(spec);
  const sets = spec.sets.map((set) => set.name);
  return `INSERT INTO ${spec.tally} (${keys}, ${sets.join(', ')})
    SELECT ${spec.keys.map((k) => `s.${k.name}`).join(', ')}, ${setsSql(spec)}
    FROM ${spec.source} s WHERE ${spec.where} GROUP BY ${keys} ORDER BY ${keys}` + (upsert ? `
    ON CONFLICT (${keys}) DO UPDATE SET ${sets.map((name) => `${name} = excluded.${name}`).join(', ')}` : '');
}

/** The trigger function: the touched groups, from the statement's transition tables, locked then built again. */
function applyFunctionSql(spec: KeySetTallySpec): string {
  const keys = keyNames(spec);
  const arrays = spec.keys.map((k) => `touched_${k.name}`);
  // Only rows in the sets, before or after, change a group's sets: a row that is in neither
  // (an enrolment not completed yet) neither rebuilds nor locks its group.
  const touchedFrom = (tables: string[]) => `SELECT ${spec.keys.map((k) => `array_agg(${k.name} ORDER BY ${keys})`).join(', ')}
        INTO ${arrays.join(', ')} FROM (${tables.map((t) => `SELECT ${keys} FROM ${t} s WHERE ${spec.where}`).join(' UNION ')}) touched`;
  const unnested = `unnest(${arrays.join(', ')}) AS g(${keys})`;
  const sameGroup = (alias: string) => spec.keys.map((k) => `${alias}.${k.name} = g.${k.name}`).join(' AND ');
  return `CREATE FUNCTION ${spec.tally}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ${spec.keys.map((k, i) => `${arrays[i]} ${k.type}[];`).join('\n      ')}
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${touchedFrom(['new_rows'])};
      ELSIF TG_OP = 'DELETE' THEN
        ${touchedFrom(['old_rows'])};
      ELSE
        ${touchedFrom(['new_rows', 'old_rows'])};
      END IF;
      IF ${arrays[0]} IS NULL THEN
        RETURN NULL;
      END IF;
      INSERT INTO ${spec.tally} (${keys}, ${spec.sets.map((set) => set.name).join(', ')})
        SELECT ${keys}, ${spec.sets.map(() => `''::bytea`).join(', ')} FROM ${unnested} ORDER BY ${keys}
        ON CONFLICT (${keys}) DO NOTHING;
      PERFORM 1 FROM ${spec.tally} t JOIN ${unnested} ON ${sameGroup('t')} ORDER BY ${spec.keys.map((k) => `t.${k.name}`).join(', ')} FOR UPDATE OF t;
      UPDATE ${spec.tally} t SET ${spec.sets.map((set) => `${set.name} = built.${set.name}`).join(', ')}
        FROM ${unnested} CROSS JOIN LATERAL (
          SELECT ${setsSql(spec)} FROM ${spec.source} s WHERE ${sameGroup('s')} AND ${spec.where}) built
        WHERE ${sameGroup('t')};
      RETURN NULL;
    END $$`;
}

/** CREATE TABLE (its sets stored uncompressed: sorted random prefixes do not compress), the triggers and the backfill. */
export function createKeySetTallySql(spec: KeySetTallySpec): string {
  return `
    CREATE TABLE ${spec.tally} (
      ${spec.keys.map((k) => `${k.name} ${k.type} NOT NULL`).join(',\n      ')},
      ${spec.sets.map((set) => `${set.name} bytea NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${keyNames(spec)})
    );
    ${spec.sets.map((set) => `ALTER TABLE ${spec.tally} ALTER COLUMN ${set.name} SET STORAGE EXTERNAL;`).join('\n    ')}
    ${applyFunctionSql(spec)};
    ${statementTriggersSql(spec)}
    ${fillSql(spec, true)};
  `;
}

export function dropKeySetTallySql(spec: KeySetTallySpec): string {
  return ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER ${spec.tally}_${op} ON ${spec.source};`).join(' ') +
    ` DROP FUNCTION ${spec.tally}_apply(); DROP TABLE ${spec.tally};`;
}

/** The BulkTally of a key-set tally: a bulk load of its source builds every group in one statement. */
export function bulkKeySetTally(spec: KeySetTallySpec): BulkTally {
  return { trigger: `${spec.tally}_insert`, fill: fillSql(spec, true), tally: spec.tally, fillEmpty: fillSql(spec, false) };
}

/** The migration that creates a key-set tally (and drops it on the way down); `name` ends in its timestamp. */
export function keySetTallyMigration(name: string, spec: KeySetTallySpec): new () => MigrationInterface {
  return sqlMigration(name, createKeySetTallySql(spec), dropKeySetTallySql(spec));
}
