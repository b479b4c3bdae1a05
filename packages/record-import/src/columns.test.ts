import iconv from 'iconv-lite';
import { CellProblem, ImportRefused, cellValue, dateText, mapHeaders, type ImportColumn } from './columns';
import { detectEncoding } from './csv-reader';

const COLUMNS: ImportColumn[] = [
  { field: 'citizenId', header: '身份证号', required: true },
  { field: 'stage', header: '创业阶段', kind: 'enum', labels: { 初创期: 'STARTUP', 成长期: 'GROWTH' }, required: true },
  { field: 'phone', header: '手机号码' },
];

describe('headers', () => {
  it('accepts the Chinese headers and the English field names, in any order, ignoring blank trailing cells', () => {
    expect(mapHeaders(['stage', '身份证号', ''], COLUMNS).map((c) => c?.field ?? null)).toEqual(['stage', 'citizenId', null]);
  });
  it('refuses an unknown header, a missing required column and a column given twice, naming them', () => {
    expect(() => mapHeaders(['身份证号', '创业阶段', '备注'], COLUMNS)).toThrow(ImportRefused);
    expect(() => mapHeaders(['身份证号', '创业阶段', '备注'], COLUMNS)).toThrow(/unknown header "备注" \(column 3\)/);
    expect(() => mapHeaders(['身份证号', '手机号码'], COLUMNS)).toThrow('missing required column 创业阶段 (stage)');
    expect(() => mapHeaders(['身份证号', 'citizenId', '创业阶段'], COLUMNS)).toThrow('column 身份证号 (citizenId) appears twice');
  });
});

describe('cells', () => {
  it('reads dates typed as text in the usual Chinese spellings', () => {
    expect(['2019-03-05', '2019/3/5', '2019.3.5', '2019年3月5日', '20190305'].map(dateText)).toEqual(Array(5).fill('2019-03-05'));
    expect(dateText('3/5/2019')).toBeNull();
  });
  it('takes enum labels and API names, and names the allowed values otherwise', () => {
    expect(cellValue(COLUMNS[1], '初创期')).toBe('STARTUP');
    expect(cellValue(COLUMNS[1], 'growth')).toBe('GROWTH');
    expect(() => cellValue(COLUMNS[1], '倒闭')).toThrow(new CellProblem('stage', 'must be one of 初创期 (STARTUP), 成长期 (GROWTH)'));
  });
  it('reads whole numbers with thousands separators and refuses fractions', () => {
    const amount: ImportColumn = { field: 'amountYuan', header: '贷款金额（元）', kind: 'int' };
    expect(cellValue(amount, '100,000')).toBe(100_000);
    expect(() => cellValue(amount, '1.5')).toThrow('must be a whole number');
  });
});

describe('encoding', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(detectEncoding(Buffer.from('身份证号,姓名\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('身份证号,姓名\n', 'gbk'))).toBe('gb18030');
    // A sample cut inside a character is still UTF-8.
    expect(detectEncoding(Buffer.from('身份证号', 'utf8').subarray(0, 4))).toBe('utf-8');
  });
});
