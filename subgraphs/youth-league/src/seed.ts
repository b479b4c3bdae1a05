import type { DataSource } from 'typeorm';
import { worldInProgress, type World } from '@rg/demo-province';
import { loadTables, table } from '@rg/data-helpers';

type Progress = (table: string, done: number, total: number) => void;

/** Loads youth-league's part of a generated province with COPY; does nothing if stories exist already. */
export async function seed(db: DataSource, world: World, onProgress?: Progress): Promise<void> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM success_story) AS exists');
  if (exists) return;
  // A province still being generated is loaded once it is whole.
  await worldInProgress(world)?.done;
  const { stories, awards } = world.youthLeague;
  await loadTables(db, [
    table('success_story',
      ['id', 'title', 'summary', 'protagonist_person_key', 'protagonist_name', 'venture_id', 'region_code', 'published_on', 'channel'],
      stories,
      (s) => [s.id, s.title, s.summary, s.protagonistPersonKey, s.protagonistName, s.ventureId, s.regionCode, s.publishedOn, s.channel]),
    table('award', ['id', 'title', 'level', 'year', 'region_code', 'recipient_name', 'person_key', 'recipient_kind', 'venture_id'], awards,
      (a) => [a.id, a.title, a.level, a.year, a.regionCode, a.recipientName, a.personKey, a.recipientKind, a.ventureId]),
  ], (name, done, total) => onProgress?.(`youth-league.${name}`, done, total));
}
