import type { DataSource } from 'typeorm';
import type { World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { allLoaded, copyRows, resetIdSequence, withIndexesBuiltAfter } from '@rg/data-helpers';

type Progress = (table: string, done: number, total: number) => void;

/** Loads the registry's part of a generated province with COPY; does nothing if households exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM poor_household) AS exists');
  if (exists) return;
  const poverty = world.poverty;
  const load = <T>(table: string, columns: string[], rows: T[], toRow: (row: T) => unknown[]) =>
    copyRows(db, table, columns, rows, toRow, (done) => onProgress?.(`poverty.${table}`, done, rows.length));

  // Secondary indexes built and the members' foreign key checked after the load, so both tables go in at once.
  await withIndexesBuiltAfter(db, ['poor_household', 'household_member'], async () => {
    await allLoaded([load('poor_household',
      ['id', 'household_no', 'region_code', 'size', 'cause', 'registered_year', 'exited_year', 'per_capita_income_yuan'],
      poverty.households,
      (h) => [h.id, h.householdNo, h.regionCode, h.size, h.cause, h.registeredYear, h.exitedYear, h.perCapitaIncomeYuan]),
    load('household_member',
      ['id', 'household_id', 'citizen_id', 'person_key', 'person_key_prefix', 'name', 'gender', 'birth_year', 'relation'],
      poverty.members,
      (m) => [m.id, m.householdId, m.citizenId, m.personKey, personKeyPrefix(m.personKey), m.name, m.gender, m.birthYear,
        m.relation])]);
  });

  for (const table of ['poor_household', 'household_member']) await resetIdSequence(db, table);
  await db.query('ANALYZE');
}
