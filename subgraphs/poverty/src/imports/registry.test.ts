import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople } from '@rg/demo-province';
import { csvFile } from '@rg/record-import';
import { personKeyOf } from '@rg/person-key';
import { povertySubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(povertySubgraph, { seed: false });
});
afterAll(() => h.stop());

const people = rosterPeople(40, 47);
const next = () => people.next().value!;
const HOUSEHOLDS = ['户编号', '所属县区代码', '主要致贫原因', '建档年份', '人均纯收入（元）', '户主身份证号', '户主姓名'];
const MEMBERS = ['户编号', '身份证号', '姓名', '与户主关系'];

describe('poverty registry import', () => {
  const heads = Array.from({ length: 10 }, next);
  const householdRows = heads.map((p, i) => [`${p.regionCode}-2016-${String(900 + i).padStart(6, '0')}`, p.regionCode, i % 2 ? '因病' : 'LACK_OF_CAPITAL', 2016, 2800 + i, p.citizenId, p.name]);

  it('imports households with their heads, and a re-import creates nothing', async () => {
    const bad = [...householdRows[0]];
    bad[0] = 'X-1';
    bad[5] = next().citizenId;
    bad[3] = 2009; // before the registry's first year
    const file = csvFile([HOUSEHOLDS, ...householdRows, bad]);
    const events = await h.rowCount('audit_event');
    const first = await h.importFile('households', file);
    expect(first.counts).toEqual({ rows: 11, imported: 10, unchanged: 0, rejected: 1 });
    expect(first.rejections).toEqual([{ row: 12, column: '建档年份', value: '2009', reason: expect.stringContaining('must be a year from 2010') }]);
    expect(await h.rowCount('poor_household')).toBe(10);
    expect(await h.rowCount('household_member')).toBe(10);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
    const [head] = await h.subgraph.dataSource.query('SELECT person_key, relation FROM household_member WHERE citizen_id = $1', [heads[3].citizenId]);
    expect(head).toEqual({ person_key: personKeyOf(heads[3].citizenId), relation: 'HEAD' });

    const again = await h.importFile('households', csvFile([HOUSEHOLDS, ...householdRows]));
    expect(again.counts).toEqual({ rows: 10, imported: 0, unchanged: 10, rejected: 0 });
    expect(await h.rowCount('poor_household')).toBe(10);
  });

  it('imports members into the households named by number, growing their size; a re-import creates nothing', async () => {
    const members = Array.from({ length: 6 }, next);
    const rows = members.map((p, i) => [householdRows[i % 3][0], p.citizenId, p.name, i % 2 ? '子女' : 'SPOUSE']);
    const orphan = next();
    const file = csvFile([MEMBERS, ...rows, ['320000-2016-000001', orphan.citizenId, orphan.name, '配偶'], [householdRows[4][0], orphan.citizenId, orphan.name, '户主']]);
    const first = await h.importFile('members', file);
    expect(first.counts).toEqual({ rows: 8, imported: 6, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 8, column: '户编号', value: '320000-2016-000001', reason: 'no household with this number is registered' },
      { row: 9, column: '与户主关系', value: '户主', reason: 'a household has one head, registered with the household' },
    ]);
    const [{ size }] = await h.subgraph.dataSource.query('SELECT size FROM poor_household WHERE household_no = $1', [householdRows[0][0]]);
    expect(size).toBe(3);
    const again = await h.importFile('members', csvFile([MEMBERS, ...rows]));
    expect(again.counts).toEqual({ rows: 6, imported: 0, unchanged: 6, rejected: 0 });
    expect(await h.rowCount('household_member')).toBe(16);
  });
});
