import type { DataSource } from 'typeorm';
import { recordsAsGenerated, worldInProgress, type World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { bulkTally, loadTables, table } from '@rg/data-helpers';
import { REGISTRY_PREFIX_TALLY } from './migrations/1766400000000-registry-prefix-tally';

type Progress = (table: string, done: number, total: number) => void;

/** Loads the registry's part of a generated province with COPY; does nothing if households exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM poor_household) AS exists');
  if (exists) return;
  const poverty = world.poverty;
  // A province still being generated: its households and members, which never change once
  // generated, are loaded as they come, until the generation adds no more of them (before
  // the rest of the province is generated).
  const progress = worldInProgress(world);
  const asGenerated = <T>(records: T[]) => (progress ? { batches: recordsAsGenerated(progress, records, progress.final(records)) } : records);
  await loadTables(db, [
    table('poor_household',
      ['id', 'household_no', 'region_code', 'size', 'cause', 'registered_year', 'exited_year', 'per_capita_income_yuan'],
      asGenerated(poverty.households),
      (h) => [h.id, h.householdNo, h.regionCode, h.size, h.cause, h.registeredYear, h.exitedYear, h.perCapitaIncomeYuan]),
    table('household_member',
      ['id', 'household_id', 'citizen_id', 'person_key', 'person_key_prefix', 'name', 'gender', 'birth_year', 'relation'],
      asGenerated(poverty.members),
      (m) => [m.id, m.householdId, m.citizenId, m.personKey, personKeyPrefix(m.personKey), m.name, m.gender, m.birthYear,
        m.relation],
      // The registry's prefix summary filled by one grouped statement once every member is in,
      // not by its trigger's work for each COPY batch.
      // Copied as its members come, alongside the households; only that fill waits for them.
      { tallies: [bulkTally(REGISTRY_PREFIX_TALLY)], copiesBeforeReferences: true }),
  ], (name, done, total) => onProgress?.(`poverty.${name}`, done, total));
}
