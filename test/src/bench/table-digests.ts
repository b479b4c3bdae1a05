import type { Client } from 'pg';

/**
 * An md5 of every table's rows (each row's text form, sorted) and one of the schema's indexes,
 * constraints (with whether each was checked) and triggers (with whether each fires): two seedings
 * that print the same digests loaded the same rows into the same schema. TypeORM's own
 * `migrations` table (run times) is left out.
 */
export async function tableDigests(client: Client): Promise<Array<[string, string]>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'migrations' ORDER BY 1`);
  const digests: Array<[string, string]> = [];
  for (const { name } of tables) {
    const { rows } = await client.query<{ digest: string; count: string }>(
      `SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS digest, count(*) AS count FROM ${name} r`);
    digests.push([name, `${rows[0].digest} (${rows[0].count} rows)`]);
  }
  const { rows: schema } = await client.query<{ digest: string; count: string }>(`
    SELECT md5(string_agg(definition, E'\\n' ORDER BY definition)) AS digest, count(*) AS count FROM (
      SELECT pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid AS definition
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relnamespace = current_schema()::regnamespace
      UNION ALL
      SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
        FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace
      UNION ALL
      SELECT pg_get_triggerdef(g.oid) || ' enabled=' || g.tgenabled::text
        FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
        WHERE NOT g.tgisinternal AND t.relnamespace = current_schema()::regnamespace
    ) definitions`);
  digests.push(['(schema)', `${schema[0].digest} (${schema[0].count} indexes, constraints and triggers)`]);
  return digests;
}
