import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople, type RosterPerson } from '@rg/demo-province';
import { csvFile, sendImport, xlsxFile, type ImportAnswer, type Rejection } from '@rg/record-import';
import { personKeyOf } from '@rg/person-key';
import { signToken } from '@rg/access';
import { hrSubgraph } from '../index';

const HEADER = ['身份证号', '姓名', '性别', '所属县区代码', '出生日期', '人员类别', '创业阶段', '手机号码', '登记日期'];
let h: SubgraphHarness;
let importUrl: string;
let hrToken: string;
const people = rosterPeople(3000, 7);
const take = (n: number): RosterPerson[] => Array.from({ length: n }, () => people.next().value as RosterPerson);
const row = (p: RosterPerson): unknown[] =>
  [p.citizenId, p.name, p.gender === 'MALE' ? '男' : '女', p.regionCode, p.birthDate, '返乡农民工', 'STARTUP', p.phone, '2019-03-05'];

async function send(body: Buffer, token: string | null = hrToken): Promise<ImportAnswer & { rejections: Rejection[] }> {
  const rejections: Rejection[] = [];
  const answer = await sendImport(importUrl, body, { token: token ?? undefined, onRejected: (r) => rejections.push(r) });
  return { ...answer, rejections };
}
const auditEvents = async (): Promise<Array<{ record_ids: string[]; operation: string }>> =>
  h.subgraph.dataSource.query(`SELECT record_ids, operation FROM audit_event WHERE record_type = 'Trainee' ORDER BY id`);

beforeAll(async () => {
  h = await startSubgraphHarness(hrSubgraph, { seed: false });
  importUrl = h.subgraph.url.replace('/graphql', '/import/trainees');
  hrToken = await signToken('hr');
});
afterAll(() => h.stop());

describe('hr trainee import', () => {
  it('imports a roster with Chinese headers and labels, derives person keys, and writes one audit event', async () => {
    const roster = take(30);
    const file = csvFile([HEADER, ...roster.map(row)]);
    const before = await h.rowCount('trainee');
    const eventsBefore = (await auditEvents()).length;
    const answer = await send(file);
    expect(answer).toEqual({ status: 200, counts: { rows: 30, imported: 30, unchanged: 0, rejected: 0 }, rejections: [] });
    expect(await h.rowCount('trainee')).toBe(before + 30);
    const [stored] = await h.subgraph.dataSource.query('SELECT * FROM trainee WHERE citizen_id = $1', [roster[0].citizenId]);
    expect(stored).toMatchObject({ name: roster[0].name, person_key: personKeyOf(roster[0].citizenId), category: 'MIGRANT_WORKER', stage: 'STARTUP', region_code: roster[0].regionCode });
    const events = (await auditEvents()).slice(eventsBefore);
    expect(events).toHaveLength(1);
    expect(events[0].operation).toBe('import trainees');
    expect(events[0].record_ids).toHaveLength(30);

    // The same file again creates nothing.
    const again = await send(file);
    expect(again.counts).toEqual({ rows: 30, imported: 0, unchanged: 30, rejected: 0 });
    expect(await h.rowCount('trainee')).toBe(before + 30);
    expect(await auditEvents()).toHaveLength(eventsBefore + 1);
  });

  it('reads a GBK file (Excel in China) and a UTF-8 file with a byte-order mark, English headers too', async () => {
    const [a, b] = take(2);
    const gbk = await send(csvFile([HEADER, row(a)], 'gbk'));
    expect(gbk.counts?.imported).toBe(1);
    const [{ name }] = await h.subgraph.dataSource.query('SELECT name FROM trainee WHERE citizen_id = $1', [a.citizenId]);
    expect(name).toBe(a.name);
    const english = ['citizenId', 'name', 'gender', 'regionCode', 'birthDate', 'category', 'stage', 'phone', 'registeredOn'];
    expect((await send(csvFile([english, row(b)], 'utf-8-bom'))).counts?.imported).toBe(1);
  });

  it('refuses a missing required column, an unknown header and an empty file before any row', async () => {
    const [p] = take(1);
    const before = await h.rowCount('trainee');
    const noName = await send(csvFile([HEADER.filter((c) => c !== '姓名'), row(p).filter((_, i) => i !== 1)]));
    expect(noName).toMatchObject({ status: 400, error: expect.stringContaining('missing required column 姓名 (name)') });
    const unknown = await send(csvFile([[...HEADER, '备注'], [...row(p), 'x']]));
    expect(unknown).toMatchObject({ status: 400, error: expect.stringContaining('unknown header "备注" (column 10)') });
    expect(await send(Buffer.alloc(0))).toMatchObject({ status: 400, error: expect.stringContaining('the file is empty') });
    expect(await h.rowCount('trainee')).toBe(before);
    expect(await send(csvFile([HEADER]))).toMatchObject({ status: 200, counts: { rows: 0, imported: 0, unchanged: 0, rejected: 0 } });
  });

  it('lands the good 90 % and reports exactly the bad rows with row, column, value and reason', async () => {
    const roster = take(50);
    const rows = roster.map(row);
    const bad: Record<number, [number, string]> = {}; // data index → [column index, value]
    const breakAt = (i: number, column: number, value: string) => { rows[i][column] = value; bad[i] = [column, value]; };
    breakAt(3, 0, roster[3].citizenId.slice(0, 17) + (roster[3].citizenId[17] === '1' ? '2' : '1'));
    breakAt(9, 7, '12345');
    breakAt(14, 8, '2999-01-01');
    breakAt(22, 5, '个体户');
    breakAt(30, 2, roster[30].gender === 'MALE' ? '女' : '男');
    const before = await h.rowCount('trainee');
    const answer = await send(csvFile([HEADER, ...rows]));
    expect(answer.counts).toEqual({ rows: 50, imported: 45, unchanged: 0, rejected: 5 });
    expect(await h.rowCount('trainee')).toBe(before + 45);
    expect(answer.rejections.map((r) => [r.row, r.column, r.value])).toEqual(
      Object.entries(bad).map(([i, [column, value]]) => [Number(i) + 2, HEADER[column], value]));
    expect(answer.rejections.map((r) => r.reason)).toEqual([
      'is not a valid citizen ID: check character does not match',
      'must be an 11-digit mobile number',
      'must not be in the future',
      expect.stringContaining('must be one of 返乡农民工 (MIGRANT_WORKER)'),
      'does not match the citizen ID',
    ]);
    const [{ n }] = await h.subgraph.dataSource.query('SELECT count(*)::int AS n FROM trainee WHERE citizen_id = ANY($1)', [Object.keys(bad).map((i) => roster[Number(i)].citizenId)]);
    expect(n).toBe(0);
  });

  it('counts a repeated row once and refuses a repeat that disagrees', async () => {
    const [a, b] = take(2);
    const conflicting = [...row(b)];
    conflicting[1] = `${b.name}甲`;
    const answer = await send(csvFile([HEADER, row(a), row(a), row(b), conflicting]));
    expect(answer.counts).toEqual({ rows: 4, imported: 2, unchanged: 1, rejected: 1 });
    expect(answer.rejections).toEqual([{ row: 5, column: '姓名', value: `${b.name}甲`, reason: expect.stringContaining('already recorded with a different value') }]);
  });

  it('reads XLSX: a formula gives its result, a formula without one is refused, a date typed as text is a date', async () => {
    const [a, b, c] = take(3);
    const file = await xlsxFile([
      HEADER,
      [a.citizenId, { formula: '"' + a.name + '"', result: a.name }, null, null, null, '返乡农民工', '初创期', null, '2019年3月5日'],
      [b.citizenId, b.name, null, null, null, 'VETERAN', 'GROWTH', { formula: 'A1&""' }, new Date(Date.UTC(2020, 5, 1))],
      [c.citizenId, c.name, null, null, null, '高校毕业生', '创业意识', null, '2020/6/1'],
    ]);
    const answer = await send(file);
    expect(answer.counts).toEqual({ rows: 3, imported: 2, unchanged: 0, rejected: 1 });
    expect(answer.rejections).toEqual([{ row: 3, column: '手机号码', value: '(unreadable)', reason: expect.stringContaining('formula with no computed value') }]);
    const stored = await h.subgraph.dataSource.query(
      `SELECT name, to_char(registered_on, 'YYYY-MM-DD') AS on FROM trainee WHERE citizen_id = ANY($1) ORDER BY registered_on`, [[a.citizenId, c.citizenId]]);
    expect(stored).toEqual([{ name: a.name, on: '2019-03-05' }, { name: c.name, on: '2020-06-01' }]);
  });

  it('is for hr staff and admins only', async () => {
    const [p] = take(1);
    const file = csvFile([HEADER, row(p)]);
    const before = await h.rowCount('trainee');
    expect(await send(file, null)).toMatchObject({ status: 401, error: 'a bearer token is required' });
    expect(await send(file, 'not-a-token')).toMatchObject({ status: 401 });
    expect(await send(file, await signToken('agriculture'))).toMatchObject({ status: 403, error: expect.stringContaining('role agriculture') });
    expect(await send(file, await signToken('analyst'))).toMatchObject({ status: 403 });
    expect(await h.rowCount('trainee')).toBe(before);
    expect((await send(file, await signToken('admin'))).counts?.imported).toBe(1);
    expect(await h.rowCount('trainee')).toBe(before + 1);
  });

  // Large files and memory are the benchmark's (npm run bench:import); this shows the streaming.
  it('streams a 2,000-row file in batches, answering as it goes', async () => {
    const big = rosterPeople(2_000, 11);
    const rows: unknown[][] = [HEADER];
    for (const p of big) rows.push(row(p));
    const progress: number[] = [];
    const answer = await sendImport(importUrl, csvFile(rows), { token: hrToken, onProgress: (c) => progress.push(c.rows) });
    expect(answer.counts).toEqual({ rows: 2_000, imported: 2_000, unchanged: 0, rejected: 0 });
    expect(progress).toHaveLength(5); // one line a batch of 500, and the last
  });
});
