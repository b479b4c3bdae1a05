import { freshDatabaseUrl } from '@rg/dev-postgres';
import { AuditRecorder, verifyAuditChain } from '@rg/audit';
import { createDataSource, migrate } from '@rg/data-helpers';
import { PUBLIC_VIEWER } from '@rg/access';
import { hrSubgraph } from '@rg/hr';
import type { DataSource } from 'typeorm';

let db: DataSource;
let statements = 0;
const admin = { ...PUBLIC_VIEWER, role: 'admin' as const, subject: 'auditor "one"\n\\ 审计员 \u0001' };

beforeAll(async () => {
  const url = await freshDatabaseUrl('audit_append');
  const counter = { inc: () => { statements++; } } as unknown as NonNullable<Parameters<typeof createDataSource>[0]['statements']>;
  db = createDataSource({ url, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations, statements: counter });
  await db.initialize();
  await migrate(db);
});
afterAll(() => db?.destroy());

describe('audit_append', () => {
  it('writes a request\'s reads in one statement, whatever the number of record types', async () => {
    const recorder = new AuditRecorder('hr', admin, null);
    for (let i = 1; i <= 500; i++) recorder.read('Trainee', i);
    recorder.read('Loan', 7);
    recorder.read('Venture', 'v"\t1');
    const before = statements;
    await recorder.flushReads(db);
    expect(statements - before).toBe(1);
    const rows = await db.query('SELECT record_type, record_ids, operation, subject FROM audit_event ORDER BY id');
    expect(rows.map((r: any) => r.record_type)).toEqual(['Trainee', 'Loan', 'Venture']);
    expect(rows[0].record_ids).toHaveLength(500);
    expect(rows[0].record_ids.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(rows[2].record_ids).toEqual(['v"\t1']);
    expect(rows[0].operation).toBeNull();
    expect(rows[0].subject).toBe(admin.subject);
  });

  it('chains rows the verifier recomputes, also when requests append at the same moment', async () => {
    await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const recorder = new AuditRecorder('hr', admin, `Query ${i} — "引号"`);
      recorder.read('Trainee', i);
      recorder.read('Enrolment', i * 2);
      await recorder.flushReads(db);
    }));
    await db.transaction((tx) => new AuditRecorder('hr', admin, 'RegisterTrainee').write(tx, 'Trainee', []));
    expect(await verifyAuditChain(db)).toEqual({ events: 3 + 40 + 1, intact: true });
  });

  it('appends a write inside the writer\'s transaction: a rollback leaves no event', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;
    await expect(db.transaction(async (tx) => {
      await new AuditRecorder('hr', admin, 'RegisterTrainee').write(tx, 'Trainee', [1]);
      throw new Error('the write failed');
    })).rejects.toThrow('the write failed');
    expect((await db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n).toBe(before);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
