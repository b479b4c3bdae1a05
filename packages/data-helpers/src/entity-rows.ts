import type { DataSource, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedQuery } from './prepared-statements';

/**
 * An entity's rows read by a plain SQL condition and hydrated as TypeORM's own `find` would:
 * the same columns (every selectable one), each value through the driver's
 * `prepareHydratedValue` (bigints as strings, column transformers; dates are read as text),
 * set on an instance of the entity class made as TypeORM makes it. What is skipped is the
 * query building — find options, aliasing every column, named parameters rewritten into
 * positional ones — and the raw-results transformer's grouping, which cost more CPU than the
 * statement itself on the relations every page of trainees loads (a page of 500 loads a
 * thousand ventures, loans and enrolments). For entities without relations or embedded
 * columns; `entityRows` refuses others.
 */
export interface EntityRows<T> {
  /** The table, quoted. */
  readonly table: string;
  /**
   * The selected columns, quoted, qualified by `alias` when one is given and named
   * `<prefix><column>` when a prefix is given (to tell two tables' columns apart in a join).
   */
  columns(alias?: string, prefix?: string): string;
  /**
   * `SELECT <columns> FROM <table> <rest>`, hydrated; `rest` uses positional parameters ($1…).
   * A prepared statement (prepared-statements.ts), for a fixed `rest` whose plan does not
   * depend on the values, such as keys looked up by an index; `{ prepared: false }` plans it
   * for its values every time (a filtered page, whose best plan depends on them).
   */
  select(rest: string, parameters: unknown[], options?: { prepared?: boolean }): Promise<T[]>;
  /** `SELECT count(*) FROM <table> <rest>`. */
  count(rest: string, parameters: unknown[]): Promise<number>;
  /** One raw row (keyed by column name, with the prefix given to `columns`) as an entity. */
  hydrate(row: Record<string, unknown>, prefix?: string): T;
}

const readers = new WeakMap<DataSource, Map<Function, EntityRows<any>>>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function reader<T extends ObjectLiteral>(db: DataSource, metadata: EntityMetadata): EntityRows<T> {
  if (metadata.relations.length || metadata.embeddeds.length || metadata.childEntityMetadatas.length || metadata.lazyRelations.length) {
    throw new Error(`entityRows: ${metadata.name} has relations, embedded columns or child entities; read it through TypeORM`);
  }
  const selected: ColumnMetadata[] = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
  const table = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
  const columns = (alias?: string, prefix = '') => selected.map((column) => {
    const value = (alias ? `${quote(alias)}.` : '') + quote(column.databaseName);
    const named = quote(prefix + column.databaseName);
    // A date as PostgreSQL writes it ('YYYY-MM-DD') is the string TypeORM would make of the
    // Date pg parses it into; read so, neither Date is made. (Not for a column TypeORM reads in
    // UTC, whose string it takes from the Date's UTC day.)
    if (column.type === 'date' && !column.utc) return `${value}::text AS ${named}`;
    return prefix ? `${value} AS ${named}` : value;
  }).join(', ');
  const all = columns();
  const hydrate = (row: Record<string, unknown>, prefix = ''): T => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of selected) {
      const value = row[prefix + column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, db.driver.prepareHydratedValue(value, column));
    }
    return entity;
  };
  return {
    table,
    columns,
    hydrate,
    async select(rest, parameters, { prepared = true } = {}) {
      const text = `SELECT ${all} FROM ${table} ${rest}`;
      const rows: Record<string, unknown>[] = prepared ? await preparedQuery(db, text, parameters) : await db.query(text, parameters);
      return rows.map((row) => hydrate(row));
    },
    async count(rest, parameters) {
      const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total FROM ${table} ${rest}`, parameters);
      return total;
    },
  };
}

/** The reader of `entity`'s rows in `db`, made once per data source and entity. */
export function entityRows<T extends ObjectLiteral>(db: DataSource, entity: new () => T): EntityRows<T> {
  let byEntity = readers.get(db);
  if (!byEntity) readers.set(db, (byEntity = new Map()));
  let found = byEntity.get(entity);
  if (!found) byEntity.set(entity, (found = reader<T>(db, db.getMetadata(entity))));
  return found;
}
