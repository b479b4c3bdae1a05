import { graphqlData } from './api';
import { INDICATOR_SELECTION, type ScorecardAnswer } from './indicators';

/**
 * Scorecards for region-years, every indicator. One `scorecard` per alias: the gateway allows
 * 15 aliases a request, so larger sets go in several requests.
 */
export async function fetchScorecards(regionCodes: string[], years: number[], signal?: AbortSignal): Promise<ScorecardAnswer[]> {
  const pairs = regionCodes.flatMap((regionCode) => years.map((year) => ({ regionCode, year })));
  const batches: (typeof pairs)[] = [];
  for (let i = 0; i < pairs.length; i += 15) batches.push(pairs.slice(i, i + 15));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const fields = batch.map((p, i) => `s${i}: scorecard(regionCode: "${p.regionCode}", year: ${p.year}) { regionCode year ${INDICATOR_SELECTION} }`);
      const data = await graphqlData<Record<string, ScorecardAnswer>>(`query WorkbenchScorecards { ${fields.join(' ')} }`, {}, signal);
      return batch.map((_, i) => data[`s${i}`]);
    }),
  );
  return answers.flat();
}
