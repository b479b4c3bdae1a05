import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { csvFile } from '@rg/record-import';
import { agricultureSubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(agricultureSubgraph, { seed: false });
});
afterAll(() => h.stop());

describe('agriculture imports', () => {
  it('imports parks with their industries, and a re-import creates nothing', async () => {
    const header = ['园区名称', '所属县区代码', '园区级别', '认定日期', '可容纳项目数', '主导产业'];
    const rows = [
      ['睢宁县返乡创业园', '320324', '省级', '2017-04-01', 2, '电子商务、家具制造'],
      ['沭阳县花木电商产业园', '321322', 'NATIONAL', '2016年9月1日', 40, '花木，电子商务'],
      ['如皋市返乡创业孵化基地', '320682', '县级', '2018/5/20', 15, '种植业'],
    ];
    const file = csvFile([header, ...rows, ['重复产业园', '320324', '市级', '2018-01-01', 5, '种植业、种植业'], ['市区园', '320300', '市级', '2018-01-01', 5, '种植业']]);
    const events = await h.rowCount('audit_event');
    const first = await h.importFile('parks', file);
    expect(first.counts).toEqual({ rows: 5, imported: 3, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 5, column: '主导产业', value: '种植业、种植业', reason: 'must not repeat an industry' },
      { row: 6, column: '所属县区代码', value: '320300', reason: '320300 is not a Jiangsu county code' },
    ]);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
    const [park] = await h.subgraph.dataSource.query(`SELECT level, industries, to_char(opened_on, 'YYYY-MM-DD') AS on FROM incubator_park WHERE name = $1`, ['沭阳县花木电商产业园']);
    expect(park).toEqual({ level: 'NATIONAL', industries: ['花木', '电子商务'], on: '2016-09-01' });
    const again = await h.importFile('parks', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 3, imported: 0, unchanged: 3, rejected: 0 });
    expect(await h.rowCount('incubator_park')).toBe(3);
  });

  it('admits ventures to parks within capacity, and a re-import creates nothing', async () => {
    const [{ id }] = await h.subgraph.dataSource.query(`SELECT id FROM incubator_park WHERE name = '睢宁县返乡创业园'`);
    const header = ['园区编号', '创业项目编号', '入园日期'];
    const rows = [[id, 501, '2018-03-01'], [id, 502, '2018-03-02']];
    const file = csvFile([header, ...rows, [id, 503, '2018-03-03'], [id, 504, '2016-01-01']]);
    const first = await h.importFile('residencies', file);
    expect(first.counts).toEqual({ rows: 4, imported: 2, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 4, column: '园区编号', value: String(id), reason: 'the park is full (capacity 2)' },
      { row: 5, column: '入园日期', value: '2016-01-01', reason: 'must not be before the park opened (2017-04-01)' },
    ]);
    const again = await h.importFile('residencies', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 2, imported: 0, unchanged: 2, rejected: 0 });
    expect(await h.rowCount('residency')).toBe(2);
  });
});
