import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, ensureDatabase } from './database';
import { loadTables, table } from './bulk-load';
import { bulkTally, createTallySql, type TallySpec } from './tally';

/**
 * The seeding loader on the tests' PostgreSQL: a parent table, a child that references it with
 * a secondary index, a unique column and a tally taking the parent's region through the
 * reference, as hr's loans take their borrower's county.
 */
const CHILD_TALLY: TallySpec = {
  source: 'child', tally: 'child_tally', join: 'JOIN parent p ON p.id = src.parent_id',
  keys: [{ name: 'region', type: 'text', expression: 'p.region' }],
  measures: [{ name: 'children', type: 'int', expression: '1' }, { name: 'amount', type: 'bigint', expression: 'src.amount' }],
};

const SCHEMA = `
  CREATE TABLE parent (id serial PRIMARY KEY, region text NOT NULL);
  CREATE INDEX parent_region_idx ON parent (region);
  CREATE TABLE child (
    id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), code text NOT NULL UNIQUE, amount int NOT NULL);
  CREATE INDEX child_parent_idx ON child (parent_id);
  CREATE INDEX child_amount_idx ON child (amount) WHERE amount > 10;
  ${createTallySql(CHILD_TALLY)}
  CREATE INDEX child_tally_amount_idx ON child_tally (amount) INCLUDE (children) WHERE children > 0;
`;

/** Every index, constraint (with whether it was checked) and trigger (with whether it fires). */
const SCHEMA_OBJECTS = `
  SELECT pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid AS definition
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relnamespace = current_schema()::regnamespace
  UNION ALL
  SELECT c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
    FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace
  UNION ALL
  SELECT pg_get_triggerdef(g.oid) || ' enabled=' || g.tgenabled::text
    FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid WHERE NOT g.tgisinternal AND t.relnamespace = current_schema()::regnamespace
  ORDER BY 1`;

const parents = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, region: `r${i % 7}` }));
const children = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, parentId: (i * 37) % 300 + 1, code: `c-${i}`, amount: i % 50 }));

const load = (rows = children, options: { fillTally?: boolean } = {}) => [
  table('parent', ['id', 'region'], parents, (p) => [p.id, p.region]),
  table('child', ['id', 'parent_id', 'code', 'amount'], rows, (c) => [c.id, c.parentId, c.code, c.amount],
    { tallies: options.fillTally ? [bulkTally(CHILD_TALLY)] : [] }),
];

const TALLY = 'SELECT region, children, amount::int AS amount FROM child_tally ORDER BY region';
const RECOUNT = `SELECT p.region, count(*)::int AS children, sum(c.amount)::int AS amount
  FROM child c JOIN parent p ON p.id = c.parent_id GROUP BY p.region ORDER BY p.region`;

async function freshDatabase(): Promise<DataSource> {
  const url = `${process.env.TEST_POSTGRES_URL}/bulk_load_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  const db = createDataSource({ url, entities: [], migrations: [] });
  await db.initialize();
  await db.query(SCHEMA);
  return db;
}

const objects = async (db: DataSource) => (await db.query(SCHEMA_OBJECTS)).map((row: { definition: string }) => row.definition);

describe('loadTables', () => {
  it('loads every row, keeps the tally by its trigger and puts back every index and key, checked', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      await loadTables(db, load());
      expect(await objects(db)).toEqual(before);
      const [{ count }] = await db.query('SELECT count(*)::int AS count FROM child');
      expect(count).toBe(children.length);
      const tally = await db.query(TALLY);
      expect(tally).toEqual(await db.query(RECOUNT));
      expect(tally.length).toBe(7);
      // The id sequences moved past the loaded ids, so the next insert does not collide.
      const [{ id }] = await db.query(`INSERT INTO child (parent_id, code, amount) VALUES (1, 'next', 1) RETURNING id`);
      expect(id).toBe(children.length + 1);
      // The foreign key is back and enforced.
      await expect(db.query(`INSERT INTO child (parent_id, code, amount) VALUES (9999, 'orphan', 1)`)).rejects.toThrow(/child_parent_id_fkey/);
    } finally {
      await db.destroy();
    }
  });

  it('fails on a row that references nothing, naming the key, with every index built again', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      const orphan = { id: children.length + 1, parentId: 9999, code: 'orphan', amount: 1 };
      await expect(loadTables(db, load([...children, orphan]))).rejects.toThrow(/child_parent_id_fkey/);
      // Everything but the key the rows break is back.
      expect(await objects(db)).toEqual(before.filter((definition: string) => !definition.startsWith('child_parent_id_fkey')));
    } finally {
      await db.destroy();
    }
  });

  it('fills a tally in one statement instead of its trigger, which fires again for the next write', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      await loadTables(db, load(children, { fillTally: true }));
      // The trigger is enabled again, and every index and key is back.
      expect(await objects(db)).toEqual(before);
      const tally = await db.query(TALLY);
      expect(tally.length).toBe(7);
      expect(tally).toEqual(await db.query(RECOUNT));
      await db.query(`INSERT INTO child (parent_id, code, amount) VALUES (1, 'next', 5)`);
      const after = await db.query(TALLY);
      expect(after).toEqual(await db.query(RECOUNT));
      expect(after).not.toEqual(tally);
    } finally {
      await db.destroy();
    }
  });

  it('adds to a tally that has rows already, by its upsert, and keeps them', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      // A key the loaded rows also have, and one they do not.
      await db.query(`INSERT INTO child_tally (region, children, amount) VALUES ('r0', 10, 100), ('elsewhere', 1, 1)`);
      await loadTables(db, load(children, { fillTally: true }));
      expect(await objects(db)).toEqual(before);
      const recount = await db.query(RECOUNT);
      const expected = [...recount.map((row: { region: string; children: number; amount: number }) =>
        (row.region === 'r0' ? { ...row, children: row.children + 10, amount: row.amount + 100 } : row)),
      { region: 'elsewhere', children: 1, amount: 1 }].sort((a, b) => (a.region < b.region ? -1 : 1));
      expect(await db.query(TALLY)).toEqual(expected);
    } finally {
      await db.destroy();
    }
  });

  it('copies rows that arrive in batches, and a table whose tallies it fills alongside the table they read', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      async function* slowly() {
        for (let from = 0; from < parents.length; from += 100) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          yield parents.slice(from, from + 100);
        }
      }
      await loadTables(db, [
        table('parent', ['id', 'region'], { batches: slowly() }, (p) => [p.id, p.region]),
        table('child', ['id', 'parent_id', 'code', 'amount'], children, (c) => [c.id, c.parentId, c.code, c.amount],
          { tallies: [bulkTally(CHILD_TALLY)], copiesBeforeReferences: true }),
      ]);
      expect(await objects(db)).toEqual(before);
      expect(await db.query('SELECT count(*)::int AS count FROM parent')).toEqual([{ count: parents.length }]);
      // The tally read every parent: its fill waited for them, though the children were copied meanwhile.
      expect(await db.query(TALLY)).toEqual(await db.query(RECOUNT));
      expect((await db.query(TALLY)).length).toBe(7);
      const step = (name: string) => performance.getEntriesByName(`seed ${String(db.driver.database)}: COPY ${name}`)[0];
      expect(step('child').startTime).toBeLessThan(step('parent').startTime + step('parent').duration);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a duplicate of a unique column, naming the constraint, with the table empty and the constraint back', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      const duplicate = { id: children.length + 1, parentId: 1, code: children[10].code, amount: 1 };
      await expect(loadTables(db, load([...children, duplicate], { fillTally: true }))).rejects.toThrow(/child_code_key/);
      expect(await objects(db)).toEqual(before);
      expect(await db.query('SELECT count(*)::int AS count FROM child')).toEqual([{ count: 0 }]);
      expect(await db.query('SELECT count(*)::int AS count FROM child_tally')).toEqual([{ count: 0 }]);
      await expect(db.query(`INSERT INTO child (parent_id, code, amount) VALUES (1, 'twice', 1), (1, 'twice', 1)`))
        .rejects.toThrow(/child_code_key/);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a table that already has rows and leaves it as it was', async () => {
    const db = await freshDatabase();
    try {
      const before = await objects(db);
      await db.query(`INSERT INTO parent (id, region) VALUES (1, 'already')`);
      await expect(loadTables(db, load())).rejects.toThrow(/parent already has rows/);
      expect(await db.query('SELECT id, region FROM parent')).toEqual([{ id: 1, region: 'already' }]);
      expect(await objects(db)).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});
