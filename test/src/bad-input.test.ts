import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEPARTMENTS } from '@rg/departments';
import { postGraphQL } from '@rg/dev-postgres';
import { signToken } from '@rg/access';
import { generateWorld } from '@rg/demo-province';
import { E2E_TRAINEES, startStackHarness, type StackHarness } from './stack-harness';
import { buildCorpus, doc, MUTATIONS, type Department, type Fixtures } from './bad-input/corpus';

/**
 * Every mutation validates its input: a corpus of bad inputs across the five departments,
 * sent through the gateway by an admin (who may write everywhere), must each be answered
 * BAD_USER_INPUT naming the offending field, and must leave every table of every department
 * as it was, audit_event included. The same documents with the corpus's base input succeed,
 * so the refusals come from validation, not from a broken mutation.
 */
const { cases, BASE, FIXTURES } = buildCorpus(generateWorld({ trainees: E2E_TRAINEES }));

let h: StackHarness;
let fixtures: Fixtures;
const clients = new Map<Department, Client>();
const tables = new Map<Department, string[]>();

beforeAll(async () => {
  h = await startStackHarness();
  for (const department of DEPARTMENTS) {
    const client = new Client({ connectionString: h.stack.databaseUrls[department] });
    await client.connect();
    clients.set(department, client);
    const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'
      AND tablename NOT IN ('migrations', 'typeorm_metadata') ORDER BY tablename`);
    tables.set(department, rows.map((r) => r.tablename));
  }
  // A park with no room left: capacity 1, filled by a venture no park has had.
  const park = await h.query(doc('createPark'), { input: FIXTURES.park }, 'admin');
  expect(park.errors).toBeUndefined();
  const admitted = await h.query(doc('admitVenture'),
    { input: { parkId: park.data.createPark.id, ventureId: FIXTURES.venture, enteredOn: BASE.admitVenture.enteredOn } }, 'admin');
  expect(admitted.errors).toBeUndefined();
  fixtures = { fullParkId: park.data.createPark.id };
}, 180_000);

afterAll(async () => {
  for (const client of clients.values()) await client.end();
  await h?.stop();
});

interface Snapshot { counts: Record<string, number>; digests: Record<string, string> }

/** Every table of a department: its exact row count and a digest of its contents (catches updates too). */
async function snapshot(department: Department): Promise<Snapshot> {
  const client = clients.get(department)!;
  const snap: Snapshot = { counts: {}, digests: {} };
  for (const table of tables.get(department)!) {
    const { rows: [row] } = await client.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`);
    snap.counts[table] = row.n;
    snap.digests[table] = row.digest;
  }
  return snap;
}

const snapshotAll = async () =>
  Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (d) => [d, await snapshot(d)] as const))) as Record<Department, Snapshot>;

/** A snapshot without the audit trail, which a replayed answer's read may extend. */
const withoutAudit = (snap: Snapshot) => ({
  counts: Object.fromEntries(Object.entries(snap.counts).filter(([t]) => t !== 'audit_event')),
  digests: Object.fromEntries(Object.entries(snap.digests).filter(([t]) => t !== 'audit_event')),
});

async function writeEvents(department: Department): Promise<number> {
  const { rows: [row] } = await clients.get(department)!.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'WRITE'");
  return row.n;
}

const total = (snap: Snapshot) => Object.values(snap.counts).reduce((a, b) => a + b, 0);

describe('the corpus', () => {
  it('has at least 100 cases, covering every department of the manifest and every mutation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const perDepartment = Object.fromEntries(DEPARTMENTS.map((d) => [d, cases.filter((c) => c[1] === d).length]));
    for (const d of DEPARTMENTS) expect({ d, n: perDepartment[d] }).toEqual({ d, n: expect.any(Number) });
    for (const d of DEPARTMENTS) expect(perDepartment[d]).toBeGreaterThanOrEqual(10);
    for (const mutation of Object.keys(MUTATIONS)) {
      expect({ mutation, covered: cases.some((c) => c[2] === doc(mutation)) }).toEqual({ mutation, covered: true });
    }
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  });
});

describe('bad input is answered BAD_USER_INPUT naming the field, and writes nothing', () => {
  it.each(cases)('%s', async (_description, _department, document, variables, expected) => {
    const before = await snapshotAll();
    const { data, errors } = await h.query(document, typeof variables === 'function' ? variables(fixtures) : variables, 'admin');
    const answer = (errors ?? []).map((e: any) => ({ code: e.extensions?.code, field: e.extensions?.field, message: e.message }));
    expect(answer.length).toBeGreaterThan(0);
    if (typeof expected === 'string') {
      expect(answer[0]).toEqual({ code: 'BAD_USER_INPUT', field: expected, message: expect.stringContaining(expected) });
    } else {
      expect(answer[0]).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(expected.mentions) });
    }
    expect(answer.filter((a) => a.code !== 'BAD_USER_INPUT')).toEqual([]);
    expect(Object.values(data ?? {}).filter((v) => v !== null)).toEqual([]);
    const after = await snapshotAll();
    for (const d of DEPARTMENTS) {
      expect({ department: d, counts: after[d].counts }).toEqual({ department: d, counts: before[d].counts });
      expect({ department: d, digests: after[d].digests }).toEqual({ department: d, digests: before[d].digests });
    }
  });
});

describe('the same documents with good input succeed and write, once per Idempotency-Key', () => {
  it.each(Object.entries(MUTATIONS))('%s (%s)', async (mutation, department) => {
    const token = await signToken('admin');
    const send = (key: string, document = doc(mutation)) =>
      postGraphQL(h.stack.gatewayUrl, document, { input: BASE[mutation] }, token, { 'Idempotency-Key': key });
    const before = await snapshot(department);

    for (const bad of ['', 'k'.repeat(201)]) {
      const refused = await send(bad);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
      expect(await snapshot(department)).toEqual(before);
    }

    const key = randomUUID();
    const { data, errors } = await send(key);
    expect(errors).toBeUndefined();
    expect(data[mutation].id).toEqual(expect.any(String));
    const after = await snapshot(department);
    expect(total(after)).toBeGreaterThan(total(before));
    expect(after.counts.audit_event).toBeGreaterThan(before.counts.audit_event);
    expect(after.counts.idempotency_key).toBe(before.counts.idempotency_key + 1);

    // A retry gets the first answer and writes nothing (the admin's read of the answer is audited
    // again, as a READ); the key used for another request is refused.
    const writesAfter = await writeEvents(department);
    expect(await send(key)).toEqual({ data, errors });
    expect(withoutAudit(await snapshot(department))).toEqual(withoutAudit(after));
    expect(await writeEvents(department)).toBe(writesAfter);
    const replayed = await snapshot(department);
    const reused = await send(key, doc(mutation).replace('mutation(', 'mutation AnotherRequest('));
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await snapshot(department)).toEqual(replayed);
  });
});
