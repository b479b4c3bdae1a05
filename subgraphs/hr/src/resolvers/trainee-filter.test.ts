import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@rg/dev-postgres';
import { allCounties, countiesUnder } from '@rg/regions';
import { hrSubgraph } from '../index';
import { traineeFilter } from './trainee-filter';
import type { TraineeFilter } from './trainee-types';

/**
 * A page of the trainees list filtered by a county and a category is read off the
 * (county, category, id) index in id order, on a table large enough for the planner to choose:
 * the same SQL the list runs (its filter, ORDER BY id, LIMIT), planned by PostgreSQL.
 */
let hr: SubgraphHarness;
const counties = allCounties().slice(0, 26).map((county) => county.code);
const CATEGORIES = ['MIGRANT_WORKER', 'REGISTERED_POOR', 'COLLEGE_GRADUATE', 'VETERAN'];

beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
  // 40,000 trainees spread over 26 counties, four categories and five years of training.
  await hr.subgraph.dataSource.query(`
    INSERT INTO trainee (citizen_id, person_key, person_key_prefix, name, gender, birth_year, region_code, category, stage, registered_on, first_completed_on)
    SELECT lpad(n::text, 18, '0'), lpad(n::text, 35, 'k'), n, '学员', 'FEMALE', 1990, ($1::text[])[1 + n % 26],
           ($2::text[])[1 + (n / 26) % 4], 'AWARENESS', date '2016-01-01' + (n % 1500), date '2016-03-01' + (n * 7 % 1800)
    FROM generate_series(1, 40000) AS n`, [counties, CATEGORIES]);
  // Statistics from every row, not ANALYZE's default random sample of 30,000: with a sample the
  // estimates, and so the plan this test asserts, changed from one run to the next.
  await hr.subgraph.dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL default_statistics_target = 1000');
    await manager.query('ANALYZE trainee');
  });
}, 120_000);
afterAll(() => hr?.stop());

interface PageAnswer { trainees: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string | null } } }

async function planOfPage(filter: TraineeFilter): Promise<string> {
  const { conditions, parameters } = traineeFilter(filter);
  const rows: Array<{ 'QUERY PLAN': string }> = await hr.subgraph.dataSource.query(
    `EXPLAIN (COSTS OFF) SELECT * FROM trainee WHERE ${conditions.join(' AND ')} ORDER BY id ASC LIMIT $${parameters.length + 1}`,
    [...parameters, 21]);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('a page of trainees of one county and category', () => {
  it('is read from the (county, category, id) index in id order, with a year or without', async () => {
    for (const filter of [
      { regionCode: counties[3], category: 'VETERAN' },
      { regionCode: counties[3], category: 'VETERAN', trainedYear: 2018 },
    ] as TraineeFilter[]) {
      const plan = await planOfPage(filter);
      expect(plan).toMatch(/Index Scan using trainee_region_category_id_idx on trainee\n\s+Index Cond: \(\(region_code = /);
      expect(plan).not.toContain('Sort');
    }
  });

  it('answers what the table holds, page after page, for a county and for a city', async () => {
    const city = counties[0].slice(0, 4) + '00';
    const cityCounties = countiesUnder(city);
    for (const [filter, where, params] of [
      [{ regionCode: counties[3], category: 'VETERAN', trainedYear: 2018 },
        "region_code = $1 AND category = 'VETERAN' AND first_completed_on >= '2018-01-01' AND first_completed_on < '2019-01-01'", [counties[3]]],
      [{ regionCode: city, category: 'REGISTERED_POOR' }, "region_code = ANY($1) AND category = 'REGISTERED_POOR'", [cityCounties]],
    ] as Array<[TraineeFilter, string, unknown[]]>) {
      const expected: Array<{ id: number }> = await hr.subgraph.dataSource.query(`SELECT id FROM trainee WHERE ${where} ORDER BY id LIMIT 50`, params);
      expect(expected.length).toBe(50);
      const seen: number[] = [];
      let after: string | null = null;
      while (seen.length < 50) {
        const { data, errors }: GraphQLResponse<PageAnswer> = await hr.query(
          `query($f: TraineeFilter, $a: String) { trainees(filter: $f, first: 20, after: $a) { edges { node { id } } pageInfo { endCursor } } }`,
          { f: filter, a: after }, 'hr');
        expect(errors).toBeUndefined();
        seen.push(...data!.trainees.edges.map((edge) => Number(edge.node.id)));
        after = data!.trainees.pageInfo.endCursor;
      }
      expect(seen.slice(0, 50)).toEqual(expected.map((row) => row.id));
    }
  });
});
