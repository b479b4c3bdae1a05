import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople } from '@rg/demo-province';
import { csvFile } from '@rg/record-import';
import { personKeyOf } from '@rg/person-key';
import { womensFederationSubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(womensFederationSubgraph);
});
afterAll(() => h.stop());

const HEADER = ['身份证号', '姓名', '帮扶类型', '立案日期', '建档立卡优先'];

describe('womens-federation support-case import', () => {
  it('imports a ledger, derives person keys, writes one audit event, and a re-import creates nothing', async () => {
    const women = [...rosterPeople(400, 31)].filter((p) => p.gender === 'FEMALE').slice(0, 20);
    const rows = women.map((p, i) => [p.citizenId, p.name, i % 2 ? '电商培训' : 'MENTORING', `2019/${1 + (i % 12)}/15`, i % 3 ? '否' : '是']);
    const man = [...rosterPeople(400, 31)].find((p) => p.gender === 'MALE')!;
    const file = csvFile([HEADER, ...rows, [man.citizenId, man.name, '托育服务', '2019-05-01', '否']]);
    const before = await h.rowCount('women_support_case');
    const events = await h.rowCount('audit_event');

    const first = await h.importFile('support-cases', file);
    expect(first.counts).toEqual({ rows: 21, imported: 20, unchanged: 0, rejected: 1 });
    expect(first.rejections).toEqual([{ row: 22, column: '身份证号', value: man.citizenId, reason: expect.stringContaining("is a man's ID") }]);
    expect(await h.rowCount('women_support_case')).toBe(before + 20);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
    const [stored] = await h.subgraph.dataSource.query(
      `SELECT person_key, support_type, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, poor_priority FROM women_support_case WHERE citizen_id = $1`, [women[1].citizenId]);
    expect(stored).toEqual({ person_key: personKeyOf(women[1].citizenId), support_type: 'ECOMMERCE_TRAINING', opened_on: '2019-02-15', poor_priority: false });

    const again = await h.importFile('support-cases', file);
    expect(again.counts).toEqual({ rows: 21, imported: 0, unchanged: 20, rejected: 1 });
    expect(await h.rowCount('women_support_case')).toBe(before + 20);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
  });

  it("is the federation's and admins' only", async () => {
    const file = csvFile([HEADER]);
    expect(await h.importFile('support-cases', file, 'hr')).toMatchObject({ status: 403 });
    expect(await h.importFile('support-cases', file, 'admin')).toMatchObject({ status: 200 });
  });
});
