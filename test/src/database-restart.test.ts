import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, postGraphQL, startPostgresProcess, type EmbeddedServer, type GraphQLResponse } from '@rg/dev-postgres';
import { departments, startStack, verifyDepartmentChains, type Stack } from '@rg/infra';
import { composeCitizenId } from '@rg/person-key';
import { generateWorld } from '@rg/demo-province';
import { createDataSource } from '@rg/data-helpers';
import { signToken } from '@rg/access';

/**
 * PostgreSQL restarts under the whole system. This file runs its OWN embedded server (the jest
 * run's shared one serves other files in parallel) in a process of its own, stops it and starts it again on the same
 * data directory, and checks that clients retrying what they are told is retryable, with their
 * Idempotency-Key, end with every person registered exactly once.
 */
const SEEDED_TRAINEES = 300;
const PEOPLE = 300;
const CLIENTS = 4;
let root: string;
let dataDir: string;
let pgPort: number;
let postgres: EmbeddedServer | undefined;
let stack: Stack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'returnee-graph-restart-'));
  chmodSync(root, 0o755);
  dataDir = path.join(root, 'postgres');
  pgPort = await freePort();
  postgres = await startPostgres();
  // The departments reach PostgreSQL over its Unix socket, as npm start's do: while the server is
  // down its socket file is gone, and that must read as the same outage a refused port is.
  const databaseUrls = Object.fromEntries(departments.map((d) => [d.name, `${postgres!.socketBaseUrl}/${d.name.replace(/-/g, '_')}`]));
  stack = await startStack({ dataDir: '', databaseUrls, trainees: SEEDED_TRAINEES, quiet: true, env: { LOG_LEVEL: 'error' } });
  tokens.hr = await signToken('hr', { subject: 'hr-registrar' });
  tokens.admin = await signToken('admin', { subject: 'admin-registrar' });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await postgres?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

async function stopPostgres(): Promise<void> {
  await postgres!.stop();
  postgres = undefined;
}

async function startPostgres(): Promise<EmbeddedServer> {
  postgres = await startPostgresProcess({ dataDir, port: pgPort, socketDir: path.join(root, 'socket') });
  return postgres;
}

async function hrQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = createDataSource({ url: stack.databaseUrls.hr, entities: [], migrations: [] });
  await db.initialize();
  try {
    return await db.query(sql, params);
  } finally {
    await db.destroy();
  }
}

const REGISTER = `mutation RegisterAfterRestart($input: RegisterTraineeInput!) {
  registerTrainee(input: $input) { id citizenIdMasked name stage }
}`;

function register(input: object, key: string, token: string): Promise<GraphQLResponse> {
  return postGraphQL(stack.gatewayUrl, REGISTER, { input }, token, { 'Idempotency-Key': key });
}

/** People nobody registered yet: birth dates from 1980 on, none of them in the seeded province. */
function people(count: number, sequence: number) {
  const seeded = new Set(generateWorld({ trainees: SEEDED_TRAINEES }).hr.trainees.map((t) => t.citizenId));
  const list: Array<{ citizenId: string; name: string; category: string; stage: string }> = [];
  for (let day = 0; list.length < count; day++) {
    const born = new Date(Date.UTC(1980, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const citizenId = composeCitizenId(['320321', '320322', '320324'][day % 3], born, sequence + (day % 50));
    if (!seeded.has(citizenId)) list.push({ citizenId, name: `返乡${day}`, category: 'MIGRANT_WORKER', stage: 'STARTUP' });
  }
  return list;
}

describe('departments on the Unix socket', () => {
  it('connect to PostgreSQL through it, not over TCP', async () => {
    const read = await postGraphQL(stack.gatewayUrl, '{ trainees(first: 1) { totalCount } }', undefined, tokens.hr);
    expect(read.data?.trainees.totalCount).toBe(SEEDED_TRAINEES);
    // Connections over a Unix socket have no client address; hr's pool holds the one it just used.
    const [{ n }] = await hrQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND client_addr IS NULL AND pid <> pg_backend_pid() AND datname = 'hr'");
    const [{ tcp }] = await hrQuery<{ tcp: number }>(
      "SELECT count(*)::int AS tcp FROM pg_stat_activity WHERE backend_type = 'client backend' AND client_addr IS NOT NULL AND datname = 'hr'");
    expect({ n: n > 0, tcp }).toEqual({ n: true, tcp: 0 });
  });
});

describe('a database that is down', () => {
  it('answers SERVICE_UNAVAILABLE, retryable, at the gateway; the retry with the key then writes once', async () => {
    const [person] = people(1, 900);
    const key = randomUUID();
    await stopPostgres();
    try {
      const write = await register(person, key, tokens.hr);
      expect(write.data?.registerTrainee ?? null).toBeNull();
      expect(write.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      const read = await postGraphQL(stack.gatewayUrl, '{ trainees(first: 1) { totalCount } }', undefined, tokens.hr);
      expect(read.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(JSON.stringify([write, read])).not.toMatch(/INTERNAL_SERVER_ERROR|ECONNREFUSED|ENOENT|127\.0\.0\.1|PGSQL/);
    } finally {
      await startPostgres();
    }
    let answer: GraphQLResponse | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      answer = await register(person, key, tokens.hr);
      if (!answer.errors?.every((e) => e.extensions?.retryable === true)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answer!.errors).toBeUndefined();
    expect(await register(person, key, tokens.hr)).toEqual(answer);
    const rows = await hrQuery<{ n: number }>('SELECT count(*)::int AS n FROM trainee WHERE citizen_id = $1', [person.citizenId]);
    expect(rows[0].n).toBe(1);
  }, 120_000);
});

describe('PostgreSQL restarts while four clients register 300 trainees', () => {
  it('ends with every person registered exactly once, every answer a success, and intact audit chains', async () => {
    const sent = people(PEOPLE, 700);
    const [{ n: traineesBefore }] = await hrQuery<{ n: number }>('SELECT count(*)::int AS n FROM trainee');
    const errorsSeen: Array<{ code: unknown; retryable: unknown }> = [];
    const answers = new Map<string, GraphQLResponse>();
    let registered = 0;
    let restart: Promise<void> | undefined;

    const registerWithRetries = async (person: (typeof sent)[number], token: string) => {
      const key = randomUUID();
      const deadline = Date.now() + 90_000;
      for (;;) {
        const answer = await register(person, key, token);
        if (!answer.errors) return answer;
        errorsSeen.push(...answer.errors.map((e) => ({ code: e.extensions?.code, retryable: e.extensions?.retryable })));
        if (!answer.errors.every((e) => e.extensions?.retryable === true) || Date.now() > deadline) return answer;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    };

    // Two clients are hr staff, two are admins (whose read-back of the record is audited).
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      const token = c % 2 === 0 ? tokens.hr : tokens.admin;
      for (let i = c; i < sent.length; i += CLIENTS) {
        const answer = await registerWithRetries(sent[i], token);
        answers.set(sent[i].citizenId, answer);
        registered += 1;
        if (registered === 60 && !restart) {
          restart = (async () => {
            await stopPostgres();
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await startPostgres();
          })();
        }
      }
    });
    await Promise.all(clients);
    await restart;

    // Every answer eventually a success; everything on the way was retryable, nothing an internal error.
    const failures = [...answers.values()].filter((a) => a.errors);
    // The departments log the cause of anything they had to mask: there must be none.
    const unexpected = [...stack.services.values()].flatMap((s) => s.output.filter((line) => line.includes('unexpected error')));
    expect({ failures, unexpected }).toEqual({ failures: [], unexpected: [] });
    expect(answers.size).toBe(PEOPLE);
    expect(errorsSeen.length).toBeGreaterThan(0);
    expect(errorsSeen.filter((e) => e.code !== 'SERVICE_UNAVAILABLE' || e.retryable !== true)).toEqual([]);

    // Rows == distinct people sent, no duplicates; the answers name exactly those rows.
    const citizenIds = sent.map((p) => p.citizenId);
    const rows = await hrQuery<{ id: number; citizen_id: string }>('SELECT id, citizen_id FROM trainee WHERE citizen_id = ANY($1)', [citizenIds]);
    expect(rows).toHaveLength(PEOPLE);
    expect(new Set(rows.map((r) => r.citizen_id)).size).toBe(PEOPLE);
    const [{ n: traineesAfter }] = await hrQuery<{ n: number }>('SELECT count(*)::int AS n FROM trainee');
    expect(traineesAfter - traineesBefore).toBe(PEOPLE);
    const idOf = new Map(rows.map((r) => [r.citizen_id, String(r.id)]));
    for (const person of sent) expect(answers.get(person.citizenId)!.data.registerTrainee.id).toBe(idOf.get(person.citizenId));

    // One WRITE event per person, no more; and every department's chain still verifies.
    const writes = await hrQuery<{ ids: string[] }>(
      "SELECT record_ids AS ids FROM audit_event WHERE action = 'WRITE' AND operation = 'RegisterAfterRestart' AND record_ids && $1::text[]",
      [rows.map((r) => String(r.id))]);
    expect(writes.flatMap((w) => w.ids).sort()).toEqual(rows.map((r) => String(r.id)).sort());
    const chains = await verifyDepartmentChains(departments.map((department) => ({ department: department.subgraph, url: stack.databaseUrls[department.name] })));
    expect(chains.map((c) => [c.department, c.intact])).toEqual(departments.map((d) => [d.name, true]));
    console.log(`restart test: ${PEOPLE} people sent by ${CLIENTS} clients, ${rows.length} trainee rows, `
      + `${errorsSeen.length} retryable answers retried, codes seen: ${[...new Set(errorsSeen.map((e) => e.code))].join(', ')}`);
  }, 240_000);
});
