/** A statement runner: a DataSource's or a query runner's `query`. */
export type Query = (sql: string, parameters?: unknown[]) => Promise<any>;

export interface IndexDefinition { table: string; name: string; definition: string }

/**
 * The indexes of these tables (of the current schema) that back no constraint, with the
 * statement that builds each again: what a bulk load drops before its rows and builds after
 * them. Primary keys and unique constraints are not among them; each caller says what it does
 * with those.
 */
export function secondaryIndexes(query: Query, tables: string[]): Promise<IndexDefinition[]> {
  return query(
    `SELECT t.relname AS table, quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY t.relname, ic.relname`,
    [tables],
  );
}
