import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Column, Entity, In, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import { createDataSource, ensureDatabase } from './database';
import { entityRows } from './entity-rows';
import { LINK_KEY, loaderThroughRows } from './dataloaders';

/** Every kind of column the departments' records have, nullable ones included. */
@Entity('entity_rows_record')
class RecordRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_id', type: 'int' })
  ownerId: number;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'key_prefix', type: 'bigint' })
  keyPrefix: string;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'numeric', precision: 3, scale: 2, nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  get label(): string {
    return `${this.regionCode}-${this.id}`;
  }
}

const SCHEMA = `
  CREATE TABLE entity_rows_record (
    id serial PRIMARY KEY, owner_id int NOT NULL, region_code char(6) NOT NULL, key_prefix bigint NOT NULL,
    score smallint, passed boolean, opened_on date NOT NULL, closed_on date, recorded_at timestamptz NOT NULL,
    rating numeric(3, 2), note text);
  INSERT INTO entity_rows_record (owner_id, region_code, key_prefix, score, passed, opened_on, closed_on, recorded_at, rating, note)
  SELECT i % 4, CASE WHEN i % 2 = 0 THEN '320102' ELSE '3213' END, 9007199254740993 + i,
    CASE WHEN i % 3 = 0 THEN NULL ELSE i END, CASE WHEN i % 3 = 1 THEN NULL ELSE i % 2 = 0 END,
    date '2019-12-31' + i, CASE WHEN i % 2 = 0 THEN date '2020-02-29' + i END,
    timestamptz '2020-01-01 23:30:00+08' + i * interval '1 hour', CASE WHEN i % 5 <> 0 THEN (i % 5) * 1.25 END,
    CASE WHEN i % 4 <> 0 THEN 'note "' || i || '"' END
  FROM generate_series(1, 40) AS i;`;

describe('entityRows', () => {
  let db: DataSource;

  beforeAll(async () => {
    const url = `${process.env.TEST_POSTGRES_URL}/entity_rows_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(url);
    db = createDataSource({ url, entities: [RecordRow], migrations: [] });
    await db.initialize();
    await db.query(SCHEMA);
  });

  afterAll(() => db?.destroy());

  it('reads the same entities as TypeORM find, value for value, as instances of the class', async () => {
    const owners = [0, 3];
    const viaTypeorm = await db.getRepository(RecordRow).find({ where: { ownerId: In(owners) }, order: { id: 'ASC' } });
    const viaRows = await entityRows(db, RecordRow).select('WHERE owner_id = ANY($1::int[]) ORDER BY id', [owners]);
    expect(viaRows).toHaveLength(20);
    expect(viaRows).toEqual(viaTypeorm);
    expect(viaRows.every((row) => row instanceof RecordRow)).toBe(true);
    // The values themselves, not only their equality to TypeORM's: dates stay dates of the
    // calendar, a bigint past 2^53 stays exact, the transformer ran, nulls stay null.
    const first = viaRows[0];
    expect(first).toMatchObject({ id: 3, ownerId: 3, regionCode: '3213  ', keyPrefix: '9007199254740996', score: null, passed: false,
      openedOn: '2020-01-03', closedOn: null, rating: 3.75, note: 'note "3"' });
    expect(first.recordedAt).toEqual(new Date('2020-01-01T18:30:00Z'));
    expect(first.label).toBe('3213  -3');
    for (const nullable of ['score', 'passed', 'closedOn', 'rating', 'note'] as const) {
      expect(viaRows.filter((row) => row[nullable] === null).length).toBeGreaterThan(0);
      expect(viaRows.filter((row) => row[nullable] !== null).length).toBeGreaterThan(0);
    }
  });

  it('reads two tables of one join apart by prefix, and is made once per data source and entity', async () => {
    const rows = entityRows(db, RecordRow);
    expect(entityRows(db, RecordRow)).toBe(rows);
    const joined: Record<string, unknown>[] = await db.query(
      `SELECT ${rows.columns('a', 'a_')}, ${rows.columns('b', 'b_')} FROM ${rows.table} a JOIN ${rows.table} b ON b.id = a.id + 1 WHERE a.id = 7`, []);
    const [a, b] = [rows.hydrate(joined[0], 'a_'), rows.hydrate(joined[0], 'b_')];
    expect([a, b]).toEqual(await db.getRepository(RecordRow).find({ where: { id: In([7, 8]) }, order: { id: 'ASC' } }));
  });

  it('loads records through a link, one object per record however many keys reach it', async () => {
    const rows = entityRows(db, RecordRow);
    const loader = loaderThroughRows<string, RecordRow>(rows, (keys) => db.query(
      `SELECT ${rows.columns('r')}, k.key AS ${LINK_KEY} FROM ${rows.table} r
       JOIN unnest($1::text[]) AS k(key) ON r.id = split_part(k.key, ':', 1)::int`, [keys]));
    const [a, again, b, none] = await loader.loadMany(['5:x', '5:y', '6:x', '999:x']);
    expect(a).toBe(again);
    expect([a, b]).toEqual(await db.getRepository(RecordRow).find({ where: { id: In([5, 6]) }, order: { id: 'ASC' } }));
    expect(none).toBeNull();
  });
});
