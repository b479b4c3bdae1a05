import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { csvFile } from '@rg/record-import';
import { hrSubgraph } from '../index';

let h: SubgraphHarness;
beforeAll(async () => {
  h = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => h.stop());

describe('hr enrolment import', () => {
  it('enrols the demo province’s trainees named by citizen ID, and a re-import creates nothing', async () => {
    const { trainees, courses, enrolments } = h.world.hr;
    const late = [...courses].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    const pairs: Array<[string, number, string]> = [];
    for (const trainee of trainees.slice(0, 40)) {
      const course = late.find((c) => !enrolments.some((e) => e.traineeId === trainee.id && e.courseId === c.id) && c.startsOn >= trainee.registeredOn);
      if (course && pairs.length < 5) pairs.push([trainee.citizenId, course.id, course.startsOn]);
    }
    expect(pairs).toHaveLength(5);
    const header = ['身份证号', '课程编号', '报名日期'];
    const rows = pairs.map(([id, course, startsOn]) => [id, course, startsOn]);
    const [id0, course0, startsOn0] = pairs[0];
    const afterStart = new Date(Date.parse(`${startsOn0}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const other = trainees.slice(100).find((t) => !enrolments.some((e) => e.traineeId === t.id && e.courseId === course0))!;
    const file = csvFile([header, ...rows, [id0, 999_999, startsOn0], [other.citizenId, course0, afterStart]]);
    const before = await h.rowCount('enrolment');
    const first = await h.importFile('enrolments', file);
    expect(first.counts).toEqual({ rows: 7, imported: 5, unchanged: 0, rejected: 2 });
    expect(first.rejections).toEqual([
      { row: 7, column: '课程编号', value: '999999', reason: 'no such course' },
      { row: 8, column: '报名日期', value: afterStart, reason: 'must not be after the course starts' },
    ]);
    expect(await h.rowCount('enrolment')).toBe(before + 5);
    const again = await h.importFile('enrolments', csvFile([header, ...rows]));
    expect(again.counts).toEqual({ rows: 5, imported: 0, unchanged: 5, rejected: 0 });
    expect(await h.rowCount('enrolment')).toBe(before + 5);
  });
});
