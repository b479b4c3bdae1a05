import type { DataSource } from 'typeorm';
import { worldInProgress, type World } from '@rg/demo-province';
import { loadTables, table } from '@rg/data-helpers';

type Progress = (table: string, done: number, total: number) => void;

/** Loads agriculture's part of a generated province with COPY; does nothing if parks exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM incubator_park) AS exists');
  if (exists) return;
  // A province still being generated is loaded once it is whole.
  await worldInProgress(world)?.done;
  const agriculture = world.agriculture;
  await loadTables(db, [
    table('incubator_park', ['id', 'name', 'region_code', 'level', 'kind', 'opened_on', 'capacity', 'industries'],
      agriculture.parks, (p) => [p.id, p.name, p.regionCode, p.level, p.kind, p.openedOn, p.capacity, p.industries]),
    table('residency', ['id', 'park_id', 'venture_id', 'entered_on', 'left_on'], agriculture.residencies,
      (r) => [r.id, r.parkId, r.ventureId, r.enteredOn, r.leftOn]),
    table('recommended_project', ['id', 'title', 'industry', 'region_code', 'investment_yuan', 'payback_months'],
      agriculture.projects, (p) => [p.id, p.title, p.industry, p.regionCode, p.investmentYuan, p.paybackMonths]),
  ], (name, done, total) => onProgress?.(`agriculture.${name}`, done, total));
}
