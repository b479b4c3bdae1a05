import type { DataSource } from 'typeorm';
import { worldInProgress, type World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { loadTables, table } from '@rg/data-helpers';

type Progress = (table: string, done: number, total: number) => void;

/** Loads the federation's part of a generated province with COPY; does nothing if cases exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM women_support_case) AS exists');
  if (exists) return;
  // A province still being generated is loaded once it is whole.
  await worldInProgress(world)?.done;
  const { cases } = world.womensFederation;
  await loadTables(db, [
    table('women_support_case',
      ['id', 'citizen_id', 'person_key', 'person_key_prefix', 'name', 'region_code', 'support_type', 'opened_on',
        'closed_on', 'outcome', 'poor_priority'],
      cases,
      (c) => [c.id, c.citizenId, c.personKey, personKeyPrefix(c.personKey), c.name, c.regionCode, c.supportType, c.openedOn,
        c.closedOn, c.outcome, c.poorPriority]),
  ], (name, done, total) => onProgress?.(`womens-federation.${name}`, done, total));
}
