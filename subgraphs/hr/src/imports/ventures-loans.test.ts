import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople } from '@rg/demo-province';
import { csvFile } from '@rg/record-import';
import { LOAN_CAP_YUAN } from '@rg/scorecard';
import { hrSubgraph } from '../index';

let h: SubgraphHarness;
const people = [...rosterPeople(5, 61)];
const stranger = [...rosterPeople(1, 62)][0];

beforeAll(async () => {
  h = await startSubgraphHarness(hrSubgraph, { seed: false });
  const trainees = await h.importFile('trainees', csvFile([['身份证号', '姓名', '人员类别', '创业阶段', '登记日期'],
    ...people.map((p) => [p.citizenId, p.name, '返乡农民工', '初创期', '2016-03-01'])]));
  expect(trainees.counts?.imported).toBe(5);
});
afterAll(() => h.stop());

describe('hr venture and loan imports', () => {
  it('imports ventures named by their founders’ citizen IDs, and a re-import creates nothing', async () => {
    const header = ['创办人身份证号', '企业名称', '所属行业', '开业日期', '带动就业人数'];
    const rows = people.map((p, i) => [p.citizenId, `${p.name}家庭农场`, '种植业', `2017-0${i + 1}-01`, 3 + i]);
    const file = csvFile([header, ...rows, [stranger.citizenId, '无主企业', '餐饮', '2017-01-01', 1], [people[0].citizenId, '太早企业', '餐饮', '2015-01-01', 1]]);
    const first = await h.importFile('ventures', file);
    expect(first.counts).toEqual({ rows: 7, imported: 5, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 7, column: '创办人身份证号', value: stranger.citizenId, reason: expect.stringContaining('no trainee is registered with this citizen ID') },
      { row: 8, column: '开业日期', value: '2015-01-01', reason: 'must not be before the founder registered' },
    ]);
    const again = await h.importFile('ventures', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 5, imported: 0, unchanged: 5, rejected: 0 });
    expect(await h.rowCount('venture')).toBe(5);
  });

  it('imports loans within the per-person cap, and a re-import creates nothing', async () => {
    const header = ['借款人身份证号', '贷款金额（元）', '经办银行', '发放日期', '财政贴息', '企业名称'];
    const rows = [
      [people[0].citizenId, LOAN_CAP_YUAN - 50_000, '江苏银行', '2017-06-01', '是', `${people[0].name}家庭农场`],
      [people[0].citizenId, 50_000, '农商银行', '2018-06-01', '否', ''],
      [people[1].citizenId, 100_000, '江苏银行', '2017-07-01', '', ''],
    ];
    const file = csvFile([header, ...rows, [people[0].citizenId, 1_000, '邮储银行', '2019-01-01', '是', ''], [people[2].citizenId, 20_000, '江苏银行', '2017-07-01', '是', '别人的企业']]);
    const events = await h.rowCount('audit_event');
    const first = await h.importFile('loans', file);
    expect(first.counts).toEqual({ rows: 5, imported: 3, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 5, column: '贷款金额（元）', value: '1000', reason: `would take the borrower past the ${LOAN_CAP_YUAN}-yuan cap (already ${LOAN_CAP_YUAN})` },
      { row: 6, column: '企业名称', value: '别人的企业', reason: 'the borrower has no venture of this name' },
    ]);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
    const again = await h.importFile('loans', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 3, imported: 0, unchanged: 3, rejected: 0 });
    expect(await h.rowCount('loan')).toBe(3);
  });
});
