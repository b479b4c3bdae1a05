import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { PROVINCE_CODE } from '@rg/regions';
import {
  cardBatch, cardParameters, CARDS_CTE, decodeKeySet, flaggedPrefixes, keySetBytes, keySetSql, scorecardKey,
} from '@rg/region-scorecard';
import { hrSubgraph } from '../index';

let hr: SubgraphHarness;
beforeAll(async () => {
  hr = await startSubgraphHarness(hrSubgraph);
});
afterAll(() => hr?.stop());

const KEY_SETS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard {
  regionCode year traineeKeySet womenTraineeFlags trained { value } } } }`;

/** The women's own key set, read back from their flags in the trainee set. */
const womenKeySet = (card: { traineeKeySet: string; womenTraineeFlags: string }) =>
  flaggedPrefixes(keySetBytes(card.traineeKeySet), Buffer.from(card.womenTraineeFlags, 'base64')).toString('base64');

describe("the scorecard's cohort key sets", () => {
  it('are the bytes PostgreSQL builds from the whole cohort sorted at once, for province, city and county cards', async () => {
    const cards = [[PROVINCE_CODE, 2019], [PROVINCE_CODE, 2016], ['320300', 2019], ['320100', 2020], ['320321', 2019], ['320321', 2030]] as const;
    const keys = cards.map(([regionCode, year]) => scorecardKey(regionCode, year));
    // The oracle: the statement the scorecard ran before the cohort index, every card's cohort
    // joined to its counties and sorted as rows.
    const batch = cardBatch(keys);
    const rows: Array<{ card: number; key_set: string | null; women_key_set: string | null }> = await hr.subgraph.dataSource.query(
      `WITH ${CARDS_CTE},
       cohort AS (
         SELECT c.card, k.person_key_prefix AS prefix, k.gender
         FROM completion_tally k JOIN cards c ON c.county = k.region_code AND c.year = k.completed_year
         WHERE k.region_code = ANY($4) AND k.completed_year = ANY($3::smallint[]) AND k.completions > 0)
       SELECT card, ${keySetSql()} AS key_set, ${keySetSql(" FILTER (WHERE gender = 'FEMALE')")} AS women_key_set
       FROM cohort GROUP BY card`,
      cardParameters(batch).slice(0, 4),
    );
    const expected = new Map(rows.map((row) => [Number(row.card), row]));
    const { data, errors } = await hr.query(KEY_SETS, {
      r: cards.map(([regionCode, year]) => ({ __typename: 'Scorecard', regionCode, year })),
    }, 'admin');
    expect(errors).toBeUndefined();
    data._entities.forEach((card: any, i: number) => {
      const oracle = expected.get(i);
      expect(card.traineeKeySet).toBe(oracle?.key_set ?? '');
      expect(womenKeySet(card)).toBe(oracle?.women_key_set ?? '');
      // One prefix a trained person, ascending.
      const prefixes = decodeKeySet(card.traineeKeySet);
      expect(prefixes).toHaveLength(card.trained.value ?? 0);
      expect(prefixes.every((p, k) => k === 0 || prefixes[k - 1] <= p)).toBe(true);
    });
    expect(decodeKeySet(data._entities[0].traineeKeySet).length).toBeGreaterThan(decodeKeySet(data._entities[2].traineeKeySet).length);
    expect(decodeKeySet(womenKeySet(data._entities[2])).length).toBeGreaterThan(0);
    expect(data._entities[5].traineeKeySet).toBe('');
  });
});
