import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { countiesUnder } from '@rg/regions';
import { composeCitizenId } from '@rg/person-key';
import { csvFile, sendImport } from '@rg/record-import';
import { signToken } from '@rg/access';
import { hrSubgraph } from './index';

let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

const COUNT = `query($f: TraineeFilter) { trainees(filter: $f, first: 1) { totalCount } }`;
const totalCount = async (f: Record<string, unknown> | null): Promise<number> => {
  const { data, errors } = await hr.query(COUNT, { f }, 'analyst');
  expect(errors).toBeUndefined();
  return data.trainees.totalCount;
};
const tallyMatchesTrainees = async () => {
  const [difference] = await hr.subgraph.dataSource.query(`
    WITH actual AS (SELECT region_code, category, extract(year FROM registered_on)::smallint AS registered_year,
        coalesce(extract(year FROM first_completed_on)::smallint, 0::smallint) AS trained_year, count(*)::int AS trainees
      FROM trainee GROUP BY 1, 2, 3, 4),
    kept AS (SELECT region_code, category, registered_year, trained_year, trainees FROM trainee_tally WHERE trainees <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
         + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows`);
  return difference.rows === 0;
};

describe('trainee_tally: totalCount from counts kept with the writes', () => {
  it('answers every filter with the count the generated province holds', async () => {
    const trainees = hr.world.hr.trainees;
    const xuzhou = new Set(countiesUnder('320300'));
    const trainedIn = (t: (typeof trainees)[number]) => {
      const completions = hr.world.hr.enrolments.filter((e) => e.traineeId === t.id && e.completedOn).map((e) => e.completedOn!);
      return completions.length ? Number(completions.sort()[0].slice(0, 4)) : null;
    };
    expect(await totalCount(null)).toBe(trainees.length);
    expect(await totalCount({ regionCode: '320300', category: 'REGISTERED_POOR' }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && t.category === 'REGISTERED_POOR').length);
    expect(await totalCount({ regionCode: '320300', trainedYear: 2018 }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && trainedIn(t) === 2018).length);
    expect(await totalCount({ registeredYear: 2017, category: 'VETERAN' }))
      .toBe(trainees.filter((t) => t.registeredOn.startsWith('2017') && t.category === 'VETERAN').length);
    // Not a key of the tally: counted on the trainee table.
    expect(await totalCount({ regionCode: '320300', gender: 'FEMALE' }))
      .toBe(trainees.filter((t) => xuzhou.has(t.regionCode) && t.gender === 'FEMALE').length);
    expect(await tallyMatchesTrainees()).toBe(true);
  });

  it('counts a registration, a completion and an imported roster as soon as they commit', async () => {
    const filter = { regionCode: '320321', category: 'VETERAN' };
    const before = await totalCount(filter);
    const register = await hr.query(
      `mutation($input: RegisterTraineeInput!) { registerTrainee(input: $input) { id } }`,
      { input: { citizenId: composeCitizenId('320321', '1988-02-02', 57), name: '赵六', category: 'VETERAN', stage: 'STARTUP', registeredOn: '2019-04-01' } },
      'hr');
    expect(register.errors).toBeUndefined();
    expect(await totalCount(filter)).toBe(before + 1);

    const trainedBefore = await totalCount({ ...filter, trainedYear: 2020 });
    const course = hr.world.hr.courses.find((c) => c.startsOn > '2020-03-01' && c.endsOn < '2020-12-01')!;
    const enrol = await hr.query(`mutation($i: EnrolInput!) { enrol(input: $i) { id } }`,
      { i: { traineeId: register.data.registerTrainee.id, courseId: String(course.id), enrolledOn: course.startsOn } }, 'hr');
    expect(enrol.errors).toBeUndefined();
    const done = await hr.query(`mutation($i: RecordCompletionInput!) { recordCompletion(input: $i) { id } }`,
      { i: { enrolmentId: enrol.data.enrol.id, completedOn: course.endsOn, passed: true, satisfaction: 4 } }, 'hr');
    expect(done.errors).toBeUndefined();
    expect(await totalCount({ ...filter, trainedYear: 2020 })).toBe(trainedBefore + 1);
    expect(await totalCount(filter)).toBe(before + 1);

    const roster = [1, 2, 3].map((n) => [composeCitizenId('320321', `1991-0${n}-11`, 70 + n), `钱${n}`, '退役军人', '初创期', '2019-06-01']);
    const answer = await sendImport(hr.subgraph.url.replace('/graphql', '/import/trainees'),
      csvFile([['身份证号', '姓名', '人员类别', '创业阶段', '登记日期'], ...roster]), { token: await signToken('hr') });
    expect(answer.counts).toEqual({ rows: 3, imported: 3, unchanged: 0, rejected: 0 });
    expect(await totalCount(filter)).toBe(before + 4);
    expect(await totalCount({ ...filter, registeredYear: 2019 })).toBeGreaterThanOrEqual(4);
    expect(await tallyMatchesTrainees()).toBe(true);
  });
});
