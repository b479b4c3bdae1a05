import { randomUUID } from 'node:crypto';
import { postGraphQL, startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { composeCitizenId } from '@rg/person-key';
import { signToken } from '@rg/access';
import { verifyAuditChain } from '@rg/audit';
import { todayInBeijing } from '@rg/beijing-date';
import { hrSubgraph } from './index';

/** Idempotency-Key on hr's writes: the kit's mechanism, on real PostgreSQL over real HTTP. */
let hr: SubgraphHarness;
let hrToken: string;
let adminToken: string;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph, { seed: false });
  hrToken = await signToken('hr');
  adminToken = await signToken('admin');
});
afterAll(() => hr?.stop());

const REGISTER = `mutation Register($input: RegisterTraineeInput!) {
  registerTrainee(input: $input) { id personKey name category stage registeredOn }
}`;

let serial = 0;
function newPerson(name = '李四') {
  serial += 1;
  return { citizenId: composeCitizenId('320321', '1988-03-14', 500 + serial), name, category: 'VETERAN', stage: 'STARTUP' };
}

function register(input: object, key?: string, token = hrToken) {
  return postGraphQL(hr.subgraph.url, REGISTER, { input }, token, key === undefined ? {} : { 'Idempotency-Key': key });
}

async function counts() {
  return { trainees: await hr.rowCount('trainee'), audit: await hr.rowCount('audit_event'), keys: await hr.rowCount('idempotency_key') };
}

describe('Idempotency-Key on a write', () => {
  it('answers a repeat with the first answer and writes nothing more', async () => {
    const key = randomUUID();
    const person = newPerson();
    const first = await register(person, key);
    expect(first.errors).toBeUndefined();
    const after = await counts();

    const again = await register(person, key);
    expect(again).toEqual(first);
    expect(await counts()).toEqual(after);
    const [{ n }] = await hr.subgraph.dataSource.query('SELECT count(*)::int AS n FROM trainee WHERE citizen_id = $1', [person.citizenId]);
    expect(n).toBe(1);
  });

  it('without a key a repeat is a second request (refused here as a duplicate person)', async () => {
    const person = newPerson();
    expect((await register(person)).errors).toBeUndefined();
    const repeat = await register(person);
    expect(repeat.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizenId' });
  });

  it('refuses a key reused for a different request, naming the header, and writes nothing', async () => {
    const key = randomUUID();
    expect((await register(newPerson(), key)).errors).toBeUndefined();
    const before = await counts();
    const other = await register(newPerson(), key);
    expect(other.data).toBeUndefined();
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(other.errors?.[0].message).toMatch(/^Idempotency-Key: was already used for a different request/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['empty', '', /must not be empty/],
    ['blank', '   ', /must not be empty/],
    ['201 characters long', 'k'.repeat(201), /at most 200 characters \(got 201\)/],
  ])('refuses a key that is %s and writes nothing', async (_label, key, message) => {
    const before = await counts();
    const { data, errors } = await register(newPerson(), key);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(errors?.[0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('accepts a key of exactly 200 characters', async () => {
    const { errors } = await register(newPerson(), 'k'.repeat(199) + randomUUID().slice(0, 1));
    expect(errors).toBeUndefined();
  });

  it('keys belong to the caller: another subject may use the same key for its own write', async () => {
    const key = randomUUID();
    const otherHrUser = await signToken('hr', { subject: 'hr-second-user' });
    const mine = await register(newPerson(), key);
    const theirs = await register(newPerson(), key, otherHrUser);
    expect(mine.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.registerTrainee.id).not.toBe(mine.data.registerTrainee.id);
  });

  it('two concurrent requests with the same key write once and get the same answer', async () => {
    const before = await counts();
    for (let round = 0; round < 5; round++) {
      const key = randomUUID();
      const person = newPerson();
      const answers = await Promise.all([register(person, key), register(person, key), register(person, key)]);
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      expect(new Set(answers.map((a) => a.data.registerTrainee.id)).size).toBe(1);
      const [{ n }] = await hr.subgraph.dataSource.query('SELECT count(*)::int AS n FROM trainee WHERE citizen_id = $1', [person.citizenId]);
      expect(n).toBe(1);
    }
    const after = await counts();
    expect(after.trainees - before.trainees).toBe(5);
    expect(after.keys - before.keys).toBe(5);
  });

  it('answers a retry of a write whose answer was cut off with the record it wrote', async () => {
    const key = randomUUID();
    const person = newPerson();
    const first = await register(person, key);
    // As if the process stopped between the commit and recording the answer.
    await hr.subgraph.dataSource.query("UPDATE idempotency_key SET response = NULL WHERE key = $1", [key]);
    const before = await counts();
    const retry = await register(person, key);
    expect(retry).toEqual(first);
    expect(await counts()).toEqual(before);
  });

  it('holds a key for 24 hours; after that it may be used afresh', async () => {
    const key = randomUUID();
    expect((await register(newPerson(), key)).errors).toBeUndefined();
    await hr.subgraph.dataSource.query("UPDATE idempotency_key SET created_at = now() - interval '23 hours 59 minutes' WHERE key = $1", [key]);
    expect((await register(newPerson(), key)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    await hr.subgraph.dataSource.query("UPDATE idempotency_key SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1", [key]);
    const before = await hr.rowCount('trainee');
    const fresh = await register(newPerson(), key);
    expect(fresh.errors).toBeUndefined();
    expect(await hr.rowCount('trainee')).toBe(before + 1);
  });

  it('refuses a key on an operation with two writes', async () => {
    const before = await counts();
    const { errors } = await postGraphQL(hr.subgraph.url, `mutation($a: RegisterTraineeInput!, $b: RegisterTraineeInput!) {
      a: registerTrainee(input: $a) { id } b: registerTrainee(input: $b) { id } }`, { a: newPerson(), b: newPerson() }, hrToken, { 'Idempotency-Key': randomUUID() });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await counts()).toEqual(before);
  });

  it('ignores the header on reads', async () => {
    const { errors } = await postGraphQL(hr.subgraph.url, '{ trainees(first: 1) { totalCount } }', undefined, hrToken, { 'Idempotency-Key': '' });
    expect(errors).toBeUndefined();
  });
});

describe('the read-back of a write', () => {
  it("is audited in the write's own transaction, so nothing after the commit can refuse the answer", async () => {
    const before = await hr.rowCount('audit_event');
    const { data, errors } = await register(newPerson('王五'), randomUUID(), adminToken);
    expect(errors).toBeUndefined();
    const events = await hr.subgraph.dataSource.query(
      'SELECT action, record_type, record_ids, occurred_at FROM audit_event WHERE id > (SELECT max(id) - 2 FROM audit_event) ORDER BY id');
    expect(await hr.rowCount('audit_event')).toBe(before + 2);
    expect(events.map((e: any) => [e.action, e.record_type, e.record_ids])).toEqual([
      ['WRITE', 'Trainee', [data.registerTrainee.id]], ['READ', 'Trainee', [data.registerTrainee.id]],
    ]);
    expect(events[0].occurred_at).toEqual(events[1].occurred_at);
  });

  it('a replay to an auditable reader is audited as a read again', async () => {
    const key = randomUUID();
    const person = newPerson();
    const first = await register(person, key, adminToken);
    const before = await hr.rowCount('audit_event');
    const replay = await register(person, key, adminToken);
    expect(replay).toEqual(first);
    const [event] = await hr.subgraph.dataSource.query('SELECT action, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(await hr.rowCount('audit_event')).toBe(before + 1);
    expect(event).toEqual({ action: 'READ', record_type: 'Trainee', record_ids: [first.data.registerTrainee.id] });
    expect((await verifyAuditChain(hr.subgraph.dataSource)).intact).toBe(true);
  });

  it('a committed write whose answer shows another record that cannot be audited says so, and its retry gets the answer', async () => {
    const founder = await register(newPerson('赵六'));
    const founderId = founder.data.registerTrainee.id;
    const RECORD_VENTURE = `mutation($input: RecordVentureInput!) { recordVenture(input: $input) { id name founder { id name } } }`;
    const input = { founderId, name: '赵六农家乐', industry: '餐饮', openedOn: todayInBeijing(), jobsCreated: 3 };
    const key = randomUUID();
    const ventures = await hr.rowCount('venture');
    // The founder's read (the answer shows it) cannot be recorded; the venture's own write can.
    await hr.subgraph.dataSource.query(`
      CREATE FUNCTION refuse_founder_reads() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.action = 'READ' AND NEW.record_type = 'Trainee' THEN RAISE EXCEPTION 'audit store refuses'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_founder_reads BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_founder_reads()`);
    let refused;
    try {
      refused = await postGraphQL(hr.subgraph.url, RECORD_VENTURE, { input }, adminToken, { 'Idempotency-Key': key });
    } finally {
      await hr.subgraph.dataSource.query('DROP TRIGGER refuse_founder_reads ON audit_event; DROP FUNCTION refuse_founder_reads()');
    }
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].extensions).toEqual({ code: 'AUDIT_UNAVAILABLE', retryable: true, committed: true });
    expect(await hr.rowCount('venture')).toBe(ventures + 1);

    const retry = await postGraphQL(hr.subgraph.url, RECORD_VENTURE, { input }, adminToken, { 'Idempotency-Key': key });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordVenture).toMatchObject({ name: '赵六农家乐', founder: { id: founderId, name: '赵六' } });
    expect(await hr.rowCount('venture')).toBe(ventures + 1);
    const [read] = await hr.subgraph.dataSource.query('SELECT action, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(read).toEqual({ action: 'READ', record_type: 'Trainee', record_ids: [founderId] });
    expect((await verifyAuditChain(hr.subgraph.dataSource)).intact).toBe(true);
  });
});
