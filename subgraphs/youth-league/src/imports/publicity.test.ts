import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople } from '@rg/demo-province';
import { csvFile, xlsxFile } from '@rg/record-import';
import { personKeyOf } from '@rg/person-key';
import { youthLeagueSubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(youthLeagueSubgraph, { seed: false });
});
afterAll(() => h.stop());
const people = [...rosterPeople(12, 53)];

describe('youth-league imports', () => {
  it('imports award rolls with person keys derived from the IDs, which are not kept; a re-import creates nothing', async () => {
    const header = ['身份证号', '获奖人姓名', '奖项名称', '奖项级别', '获奖年份', '所属县区代码'];
    const rows = people.slice(0, 6).map((p, i) => [p.citizenId, p.name, '返乡创业之星', i % 2 ? '市级' : 'PROVINCE', 2018 + (i % 3), p.regionCode]);
    const file = csvFile([header, ...rows, [people[6].citizenId, people[6].name, '返乡创业之星', '省级', 2030, people[6].regionCode]]);
    const events = await h.rowCount('audit_event');
    const first = await h.importFile('awards', file);
    expect(first.counts).toEqual({ rows: 7, imported: 6, unchanged: 0, rejected: 1 });
    expect(first.rejections).toEqual([{ row: 8, column: '获奖年份', value: '2030', reason: expect.stringContaining('must be a year from 2000') }]);
    expect(await h.rowCount('audit_event')).toBe(events + 1);
    const [award] = await h.subgraph.dataSource.query('SELECT * FROM award WHERE person_key = $1', [personKeyOf(people[1].citizenId)]);
    expect(award).toMatchObject({ recipient_name: people[1].name, level: 'CITY', year: 2019 });
    expect(JSON.stringify(award)).not.toContain(people[1].citizenId);

    const again = await h.importFile('awards', file);
    expect(again.counts).toEqual({ rows: 7, imported: 0, unchanged: 6, rejected: 1 });
    expect(await h.rowCount('award')).toBe(6);
  });

  it('imports awards to enterprises by venture id beside awards to people, refusing a row that mixes the two', async () => {
    const header = ['获奖对象类型', '身份证号', '企业编号', '获奖人姓名', '奖项名称', '奖项级别', '获奖年份', '所属县区代码'];
    const file = csvFile([header,
      ['企业', '', 501, '', '返乡创业优秀企业', '市级', 2019, people[8].regionCode],
      ['VENTURE', '', 502, '', '返乡创业优秀企业', '省级', 2020, people[9].regionCode],
      ['个人', people[8].citizenId, '', people[8].name, '青年创业示范', '县级', 2019, people[8].regionCode],
      ['企业', people[9].citizenId, 503, '', '返乡创业优秀企业', '市级', 2019, people[9].regionCode],
      ['企业', '', 0, '', '返乡创业优秀企业', '市级', 2019, people[9].regionCode],
      ['个人', people[10].citizenId, '', '', '青年创业示范', '县级', 2019, people[10].regionCode],
    ]);
    const first = await h.importFile('awards', file);
    expect(first.counts).toEqual({ rows: 6, imported: 3, unchanged: 0, rejected: 3 });
    expect(first.rejections).toEqual([
      { row: 5, column: '身份证号', value: people[9].citizenId, reason: expect.stringContaining('not for an award to an enterprise') },
      { row: 6, column: '企业编号', value: '0', reason: expect.stringContaining('is not an id') },
      { row: 7, column: '获奖人姓名', value: '', reason: expect.stringContaining("recipient's name") },
    ]);
    const rows = await h.subgraph.dataSource.query(
      `SELECT recipient_kind, venture_id, person_key, recipient_name, level FROM award WHERE title IN ('返乡创业优秀企业', '青年创业示范') ORDER BY id`);
    expect(rows).toEqual([
      { recipient_kind: 'VENTURE', venture_id: 501, person_key: null, recipient_name: null, level: 'CITY' },
      { recipient_kind: 'VENTURE', venture_id: 502, person_key: null, recipient_name: null, level: 'PROVINCE' },
      { recipient_kind: 'PERSON', venture_id: null, person_key: personKeyOf(people[8].citizenId), recipient_name: people[8].name, level: 'COUNTY' },
    ]);
    const again = await h.importFile('awards', file);
    expect(again.counts).toEqual({ rows: 6, imported: 0, unchanged: 3, rejected: 3 });
  });

  it('imports published stories from XLSX; a re-import creates nothing', async () => {
    const header = ['标题', '内容摘要', '主人公身份证号', '主人公姓名', '创业项目编号', '所属县区代码', '发布渠道', '发布日期'];
    const rows = people.slice(0, 4).map((p, i) => [`${p.name}的返乡路`, '回乡办起了合作社', p.citizenId, p.name, 100 + i, p.regionCode, i % 2 ? '微信公众号' : 'TV', new Date(Date.UTC(2019, i, 8))]);
    const file = await xlsxFile([header, ...rows, ['无名', '摘要', '320102199001011235', '某人', 7, '320102', '报纸', '2019-01-01']]);
    const first = await h.importFile('stories', file);
    expect(first.counts).toEqual({ rows: 5, imported: 4, unchanged: 0, rejected: 1 });
    expect(first.rejections).toEqual([{ row: 6, column: '主人公身份证号', value: '320102199001011235', reason: expect.stringContaining('is not a valid citizen ID') }]);
    const [story] = await h.subgraph.dataSource.query(`SELECT channel, to_char(published_on, 'YYYY-MM-DD') AS on FROM success_story WHERE protagonist_person_key = $1`, [personKeyOf(people[1].citizenId)]);
    expect(story).toEqual({ channel: 'WECHAT', on: '2019-02-08' });
    const again = await h.importFile('stories', file);
    expect(again.counts).toEqual({ rows: 5, imported: 0, unchanged: 4, rejected: 1 });
    expect(await h.rowCount('success_story')).toBe(4);
  });
});
