import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { rosterPeople } from '@rg/demo-province';
import { csvFile } from '@rg/record-import';
import { hrSubgraph } from '@rg/hr';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', 'dist', 'import-cli.js');
let h: SubgraphHarness;
let dir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, HR_URL: h.subgraph.url, IMPORT_TOKEN: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  h = await startSubgraphHarness(hrSubgraph, { seed: false });
  dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('writes templates with the Chinese headers, as CSV and as XLSX', async () => {
    const csv = path.join(dir, 'trainees-template.csv');
    expect((await cli(['template', 'hr', 'trainees', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe('\uFEFF身份证号,姓名,人员类别,创业阶段,手机号码,登记日期,性别,所属县区代码,出生日期\n');
    const xlsx = path.join(dir, 'trainees-template.xlsx');
    expect((await cli(['template', 'hr', 'trainees', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1, 4)).toEqual(['身份证号', '姓名', '人员类别']);
  });

  it('sends a file to the department, writes the report of rejected rows and exits 1 when there are any', async () => {
    const people = [...rosterPeople(4, 23)];
    const rows = people.map((p) => [p.citizenId, p.name, '退役军人', '成长期']);
    rows[2][3] = '倒闭';
    const file = path.join(dir, 'roster.csv');
    writeFileSync(file, csvFile([['身份证号', '姓名', '人员类别', '创业阶段'], ...rows], 'gbk'));
    const first = await cli(['hr', 'trainees', file]);
    const report = path.join(dir, 'roster.rejected.csv');
    expect(first.stdout.trim().split('\n').pop()).toBe(`imported 3, unchanged 0, rejected 1 (report: ${report})`);
    expect(first.code).toBe(1);
    expect(readFileSync(report, 'utf8')).toBe(`\uFEFFrow,column,value,reason\n4,创业阶段,倒闭,"must be one of 创业意识 (AWARENESS), 初创期 (STARTUP), 成长期 (GROWTH)"\n`);

    rows.splice(2, 1);
    writeFileSync(file, csvFile([['身份证号', '姓名', '人员类别', '创业阶段'], ...rows]));
    const second = await cli(['hr', 'trainees', file]);
    expect(second.stdout.trim().split('\n').pop()).toBe(`imported 0, unchanged 3, rejected 0 (report: ${report})`);
    expect(second.code).toBe(0);
  });

  it('exits 1 naming the problem when the file is refused, and 2 for an unknown record type', async () => {
    const file = path.join(dir, 'wrong.csv');
    writeFileSync(file, csvFile([['身份证号', '名字'], ['x', 'y']]));
    const refused = await cli(['hr', 'trainees', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused (400): unknown header "名字" (column 2)');
    expect(await h.rowCount('trainee')).toBe(3);
    expect((await cli(['hr', 'parks', file])).code).toBe(2);
  });
});
