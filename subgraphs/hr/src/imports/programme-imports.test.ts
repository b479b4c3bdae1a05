import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { csvFile } from '@rg/record-import';
import { composeCitizenId } from '@rg/person-key';
import { hrSubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => h.stop());

describe('hr survey import', () => {
  it('records answers by citizen ID, rejects bad rows by column, and a re-import creates nothing', async () => {
    const header = ['身份证号', '调查日期', '调查单位', '返乡日期', '创业意愿', '培训意愿', '意向行业', '主要需求'];
    const ids = [0, 1, 2].map((n) => composeCitizenId('320321', `1987-0${n + 1}-11`, 991 - 2 * n));
    const rows = ids.map((id) => [id, '2021-03-01', '乡镇劳动保障所', '2020-11-20', '是', '是', '农村电商', '场地']);
    const file = csvFile([header, ...rows,
      [`${ids[0].slice(0, 17)}${ids[0][17] === '1' ? '2' : '1'}`, '2021-03-01', '村民委员会', '', '是', '否', '', ''],
      [ids[1], '2021-03-02', '村民委员会', '2021-03-05', '否', '是', '', ''],
      [ids[2], '2021-03-03', '村民委员会', '', '也许', '是', '', '']]);
    const before = await h.rowCount('survey_response');
    const first = await h.importFile('survey-responses', file);
    expect(first.counts).toEqual({ rows: 6, imported: 3, unchanged: 0, rejected: 3 });
    expect(first.rejections.map((r: any) => [r.row, r.column])).toEqual([[5, '身份证号'], [6, '返乡日期'], [7, '创业意愿']]);
    expect(await h.rowCount('survey_response')).toBe(before + 3);
    const again = await h.importFile('survey-responses', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 3, imported: 0, unchanged: 3, rejected: 0 });
  });
});

describe('hr training-subsidy import', () => {
  it('pays by citizen ID and course, refusing a second payment for the same level', async () => {
    const { trainees, enrolments, subsidies, courses, debarments } = h.world.hr;
    const paid = new Set(subsidies.map((s) => s.enrolmentId));
    const barred = new Set(debarments.map((d) => d.institutionId));
    const institutionOf = new Map(courses.map((c) => [c.id, c.institutionId]));
    const citizenOf = new Map(trainees.map((t) => [t.id, t.citizenId]));
    const unpaid = enrolments.filter((e) => e.completedOn && !paid.has(e.id) && !barred.has(institutionOf.get(e.courseId)!)
      && !enrolments.some((o) => o.traineeId === e.traineeId && o.id !== e.id && paid.has(o.id)));
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    const [a, b] = unpaid;
    const already = subsidies.find((s) => s.kind === 'COMPLETION')!;
    const alreadyEnrolment = enrolments.find((e) => e.id === already.enrolmentId)!;
    const header = ['身份证号', '课程编号', '补贴类型', '补贴金额（元）', '发放日期'];
    const rows = [a, b].map((e) => [citizenOf.get(e.traineeId)!, e.courseId, '培训补贴', 1200, '2021-06-01']);
    const file = csvFile([header, ...rows,
      [citizenOf.get(alreadyEnrolment.traineeId)!, alreadyEnrolment.courseId, '培训补贴', 1200, '2021-06-01'],
      [citizenOf.get(a.traineeId)!, 999_999, '培训补贴', 1200, '2021-06-01']]);
    const before = await h.rowCount('training_subsidy');
    const first = await h.importFile('training-subsidies', file);
    expect(first.counts).toEqual({ rows: 4, imported: 2, unchanged: 0, rejected: 2 });
    expect(first.rejections.map((r: any) => [r.row, r.column])).toEqual([[4, '课程编号'], [5, '课程编号']]);
    expect(await h.rowCount('training_subsidy')).toBe(before + 2);
    const again = await h.importFile('training-subsidies', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 2, imported: 0, unchanged: 2, rejected: 0 });
  });
});
