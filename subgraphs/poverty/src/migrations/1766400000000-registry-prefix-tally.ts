import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTallySql, dropTallySql, type TallySpec } from '@rg/data-helpers';

/** `in_registry_until` of a household that has not exited: it stays in the registry. */
export const NOT_EXITED = 32767;

/**
 * The registry's members by person-key prefix, with their household's year of registration
 * and last year in the registry: what matching another department's key set needs, in one
 * narrow table whose index is read in the set's own order. The match probes this index with
 * the sorted set instead of hashing 1.4 million members and 400,000 households on every
 * question. A household's registration year never changes; its exit does, and moves its
 * members (the trigger below). A prefix shared by two members is two rows or a count of 2.
 */
export const REGISTRY_PREFIX_TALLY: TallySpec = {
  source: 'household_member',
  tally: 'registry_prefix_tally',
  join: 'JOIN poor_household h ON h.id = src.household_id',
  keys: [
    { name: 'person_key_prefix', type: 'bigint', expression: 'src.person_key_prefix' },
    { name: 'registered_year', type: 'smallint', expression: 'h.registered_year' },
    { name: 'in_registry_until', type: 'smallint', expression: `coalesce(h.exited_year, ${NOT_EXITED}::smallint)` },
  ],
  measures: [{ name: 'members', type: 'int', expression: '1' }],
};

export class CreateRegistryPrefixTally1766400000000 implements MigrationInterface {
  name = 'CreateRegistryPrefixTally1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(createTallySql(REGISTRY_PREFIX_TALLY));
    await db.query(`
      -- The match reads only this index (an index-only scan): the prefix in order, with what
      -- the standing needs, and only prefixes that still have members.
      CREATE INDEX registry_prefix_tally_match_idx ON registry_prefix_tally (person_key_prefix)
        INCLUDE (registered_year, in_registry_until) WHERE members > 0;

      -- A household whose registration or exit changes moves its members to their new key, in
      -- the same statement (an exit is an UPDATE of poor_household). An update that changes
      -- neither (its size, its income) nets to nothing and writes nothing.
      CREATE FUNCTION registry_prefix_tally_household_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO registry_prefix_tally AS tally (person_key_prefix, registered_year, in_registry_until, members)
        SELECT m.person_key_prefix, x.registered_year, x.in_registry_until, sum(x.change)::int
        FROM (
          SELECT id, registered_year, coalesce(exited_year, ${NOT_EXITED}::smallint) AS in_registry_until, 1 AS change FROM new_rows
          UNION ALL
          SELECT id, registered_year, coalesce(exited_year, ${NOT_EXITED}::smallint), -1 FROM old_rows) x
        JOIN household_member m ON m.household_id = x.id
        GROUP BY 1, 2, 3 HAVING sum(x.change) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (person_key_prefix, registered_year, in_registry_until) DO UPDATE SET members = tally.members + excluded.members;
        RETURN NULL;
      END $$;
      CREATE TRIGGER registry_prefix_tally_household_update AFTER UPDATE ON poor_household
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION registry_prefix_tally_household_moved();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER registry_prefix_tally_household_update ON poor_household;
      DROP FUNCTION registry_prefix_tally_household_moved();`);
    await db.query(dropTallySql(REGISTRY_PREFIX_TALLY));
  }
}
