import { freshDatabaseUrl } from '@rg/dev-postgres';
import { AuditRecorder } from '@rg/audit';
import { createDataSource, migrate } from '@rg/data-helpers';
import { PUBLIC_VIEWER } from '@rg/access';
import { hrSubgraph } from '@rg/hr';
import type { DataSource } from 'typeorm';
import { describeChain, verifyDepartmentChains } from './audit-verify';

let url: string;
let db: DataSource;

beforeAll(async () => {
  url = await freshDatabaseUrl('audit');
  db = createDataSource({ url, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations });
  await db.initialize();
  await migrate(db);
  const admin = { ...PUBLIC_VIEWER, role: 'admin' as const, subject: 'auditor-1' };
  for (let i = 0; i < 5; i++) {
    const recorder = new AuditRecorder('hr', admin, `Op${i}`);
    recorder.read('Trainee', i + 1);
    recorder.read('Loan', i + 10);
    await recorder.flushReads(db);
  }
  await db.transaction((tx) => new AuditRecorder('hr', admin, 'RegisterTrainee').write(tx, 'Trainee', [99]));
});
afterAll(() => db?.destroy());

const verify = async () => (await verifyDepartmentChains([{ department: hrSubgraph, url }]))[0];

/** Tampering needs the append-only trigger out of the way, as an attacker with superuser would. */
async function tamper(sql: string): Promise<void> {
  await db.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
  await db.query(sql);
  await db.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
}

describe('audit chain', () => {
  it('reports an intact chain with its event count', async () => {
    const result = await verify();
    expect(describeChain(result)).toBe('hr: 11 events, chain intact');
  });

  it('refuses updates and deletes outright', async () => {
    await expect(db.query(`UPDATE audit_event SET subject = 'x' WHERE id = 1`)).rejects.toThrow('append-only');
    await expect(db.query('DELETE FROM audit_event WHERE id = 1')).rejects.toThrow('append-only');
    expect((await verify()).intact).toBe(true);
  });

  it('detects an edited row', async () => {
    await tamper(`UPDATE audit_event SET record_ids = '{42}' WHERE id = 3`);
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(describeChain(result)).toBe('hr: 3 events, chain BROKEN — event 3 was changed after it was written');
    await tamper(`UPDATE audit_event SET record_ids = '{2}' WHERE id = 3`);
    expect((await verify()).intact).toBe(true);
  });

  it('detects a deleted row', async () => {
    await tamper('DELETE FROM audit_event WHERE id = 6');
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.problem).toContain('event 7 does not follow');
  });
});
