import { Client } from 'pg';
import { AUDIT_RECEIPT_HEADER, GATEWAY_SIGNATURE_HEADER, importGatewaySigningKey, signGatewayRequest, signToken, type GatewaySigningKey } from '@rg/access';
import { postGraphQL } from '@rg/dev-postgres';
import { registeredPoorTrainee, startStackHarness, type StackHarness } from './stack-harness';
import { newPersonId } from './bench/soak-load';

/**
 * One caller's answers that show a person, kept for that caller (GATEWAY_PERSONAL_ANSWER_MS),
 * on the real stack: sent again only after every department that audited the answer wrote its
 * read events again under the caller's name; never sent to another caller; dropped by a write
 * through the gateway; and asked again in full when a department no longer holds its receipt.
 */
const RECEIPT_MS = 4000;
let h: StackHarness;
const db: Record<string, Client> = {};
let gatewayKey: GatewaySigningKey;
beforeAll(async () => {
  h = await startStackHarness({ env: { GATEWAY_PERSONAL_ANSWER_MS: '60000', AUDIT_RECEIPT_MS: String(RECEIPT_MS) } });
  for (const department of ['hr', 'poverty']) {
    db[department] = new Client({ connectionString: h.stack.databaseUrls[department] });
    await db[department].connect();
  }
  gatewayKey = await importGatewaySigningKey(h.stack.gatewayKeys.signingKey);
}, 180_000);
afterAll(async () => {
  await Promise.all(Object.values(db).map((client) => client.end()));
  await h?.stop();
});

const HOUSEHOLD = 'query KeptHousehold($id: ID!) { trainee(id: $id) { id name povertyHousehold { id cause } } }';

/** A trainee in poverty's registry: an admin's read of them is audited by hr (the trainee) and poverty (the household). */
const poorTrainee = () => registeredPoorTrainee(h.world).trainee;
/** That trainee and their household, asked through the gateway by the caller of `token`. */
const askHousehold = (token: string) => postGraphQL(h.stack.gatewayUrl, HOUSEHOLD, { id: String(poorTrainee().id) }, token);

async function events(department: string, subject: string): Promise<Array<{ record_type: string; record_ids: string[]; operation: string }>> {
  const { rows } = await db[department].query(
    "SELECT record_type, record_ids, operation FROM audit_event WHERE subject = $1 AND action = 'READ' ORDER BY id", [subject]);
  return rows;
}

const outcome = (name: string) => h.gatewayMetric('gateway_kept_personal_answers_total', { outcome: name });
const fetches = (department: string) => h.gatewayMetric('subgraph_fetches_total', { department });

/** Asks for the household as `token`'s caller and checks that no kept answer served it: `department` was asked once more. */
async function askedInFull(token: string, department: string) {
  const [hits, fetched] = [await outcome('hit'), await fetches(department)];
  const answer = await askHousehold(token);
  expect(answer.errors).toBeUndefined();
  expect(await outcome('hit')).toBe(hits);
  expect(await fetches(department)).toBe(fetched + 1);
  return answer;
}

describe('answers that show a person, kept for their own caller', () => {
  it('sends a kept answer again only after hr and poverty recorded the same reads again, in the caller\'s name', async () => {
    const trainee = poorTrainee();
    const token = await signToken('admin', { subject: 'kept-pager' });
    const first = await askHousehold(token);
    expect(first.errors).toBeUndefined();
    expect(first.data.trainee.povertyHousehold).not.toBeNull();
    const [hits, hrFetches, povertyFetches] = [await outcome('hit'), await fetches('hr'), await fetches('poverty')];
    for (let i = 0; i < 2; i++) {
      const again = await askHousehold(token);
      expect(again).toEqual(first);
    }
    expect(await outcome('hit')).toBe(hits + 2);
    // Neither department was asked the query again…
    expect(await fetches('hr')).toBe(hrFetches);
    expect(await fetches('poverty')).toBe(povertyFetches);
    // …yet each recorded every sending: three events each, the same records and operation.
    for (const department of ['hr', 'poverty']) {
      const trail = await events(department, 'kept-pager');
      expect(trail).toHaveLength(3);
      expect(new Set(trail.map((e) => JSON.stringify(e))).size).toBe(1);
      expect(trail[0].operation).toBe('KeptHousehold');
    }
    expect((await events('hr', 'kept-pager'))[0]).toMatchObject({ record_type: 'Trainee', record_ids: [String(trainee.id)] });
  });

  it('never sends one caller\'s kept answer to another, of the same role', async () => {
    const [alice, bob] = await Promise.all([signToken('admin', { subject: 'kept-alice' }), signToken('admin', { subject: 'kept-bob' })]);
    await askHousehold(alice);
    await askedInFull(bob, 'poverty');
    expect(await events('poverty', 'kept-alice')).toHaveLength(1);
    expect(await events('poverty', 'kept-bob')).toHaveLength(1);
  });

  it('drops a kept answer when a write through the gateway reaches one of its departments', async () => {
    const token = await signToken('admin', { subject: 'kept-writer' });
    await askHousehold(token);
    const registered = await h.query('mutation Register($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id } }',
      { i: { citizenId: newPersonId(7, false), name: '测试', category: 'MIGRANT_WORKER', stage: 'AWARENESS' } }, 'hr');
    expect(registered.errors).toBeUndefined();
    await askedInFull(token, 'hr');
    expect(await events('hr', 'kept-writer')).toHaveLength(2);
  });

  it('asks the query again in full when the departments no longer hold the receipts', async () => {
    const token = await signToken('admin', { subject: 'kept-late' });
    const first = await askHousehold(token);
    await new Promise((resolve) => setTimeout(resolve, RECEIPT_MS + 500));
    const refused = await outcome('replay_refused');
    const late = await askedInFull(token, 'poverty');
    expect(late).toEqual(first);
    expect(await outcome('replay_refused')).toBe(refused + 1);
    expect(await events('poverty', 'kept-late')).toHaveLength(2); // read and audited afresh, once
  });
});

describe("a department's audit replay", () => {
  const replayUrl = () => h.stack.subgraphUrls.poverty.replace(/\/graphql$/, '/audit/replay');

  /** Asks poverty straight for a household, as the gateway would, with or without asking for a receipt. */
  const askPoverty = (token: string, want: boolean) => fetch(h.stack.subgraphUrls.poverty, {
    method: 'POST',
    body: JSON.stringify({ query: 'query ReceiptedHousehold($id: ID!) { poorHousehold(id: $id) { id cause } }', variables: { id: String(h.world.poverty.households[0].id) } }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(want ? { [AUDIT_RECEIPT_HEADER]: 'want' } : {}) },
  });

  /** A receipt straight from poverty, as the gateway would be given one for an admin's read. */
  async function receiptFor(token: string): Promise<string> {
    const response = await askPoverty(token, true);
    expect(response.status).toBe(200);
    return response.headers.get(AUDIT_RECEIPT_HEADER)!;
  }

  async function replay(receipts: unknown, token: string, signed = true) {
    const body = JSON.stringify({ receipts });
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    if (signed) headers[GATEWAY_SIGNATURE_HEADER] = await signGatewayRequest(gatewayKey, 'poverty', body);
    const response = await fetch(replayUrl(), { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('records the receipt\'s reads again for its own caller, and for nobody else or unsigned', async () => {
    const [owner, other] = await Promise.all([signToken('admin', { subject: 'receipt-owner' }), signToken('admin', { subject: 'receipt-other' })]);
    const receipt = await receiptFor(owner);
    expect(receipt).toMatch(/^[\w-]{22}$/);
    expect(await events('poverty', 'receipt-owner')).toHaveLength(1);

    const unsigned = await replay([receipt], owner, false);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing' });
    const forOther = await replay([receipt], other);
    expect(forOther.status).toBe(409);
    expect(forOther.body.errors[0].extensions).toMatchObject({ code: 'AUDIT_RECEIPT_REFUSED', reason: 'another-caller' });
    const madeUp = await replay(['x'.repeat(22)], owner);
    expect(madeUp.body.errors[0].extensions).toMatchObject({ code: 'AUDIT_RECEIPT_REFUSED', reason: 'unknown' });
    const malformed = await replay('all of them', owner);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receipts' });
    expect(await events('poverty', 'receipt-other')).toHaveLength(0);
    expect(await events('poverty', 'receipt-owner')).toHaveLength(1);

    const honoured = await replay([receipt], owner);
    expect(honoured).toEqual({ status: 200, body: { recorded: 1 } });
    const trail = await events('poverty', 'receipt-owner');
    expect(trail).toHaveLength(2);
    expect(trail[1]).toEqual(trail[0]);
  });

  it('gives no receipt unless asked, and "none" for reads its own staff make unaudited', async () => {
    const ask = async (role: 'admin' | 'poverty', want: boolean) => (await askPoverty(await signToken(role), want)).headers.get(AUDIT_RECEIPT_HEADER);
    expect(await ask('admin', false)).toBeNull();
    expect(await ask('poverty', true)).toBe('none');
  });
});
