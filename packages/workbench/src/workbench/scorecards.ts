import { graphqlData } from './api';
import { INDICATOR_SELECTION, type ScorecardAnswer } from './indicators';

/** The API answers at most this many region-years in one `scorecards` request (SCORECARDS_MAX_REGION_YEARS, 200 by default). */
const REGION_YEARS_PER_REQUEST = 200;

/**
 * Scorecards for every region × year, every indicator: one `scorecards` request (each
 * department answers all of them with a constant number of statements), split only when the
 * set is larger than the API's cap.
 */
export async function fetchScorecards(regionCodes: string[], years: number[], signal?: AbortSignal): Promise<ScorecardAnswer[]> {
  const perRequest = Math.max(1, Math.floor(REGION_YEARS_PER_REQUEST / years.length));
  const batches: string[][] = [];
  for (let i = 0; i < regionCodes.length; i += perRequest) batches.push(regionCodes.slice(i, i + perRequest));
  const query = `query WorkbenchScorecards($regionCodes: [ID!]!, $years: [Int!]!) { scorecards(regionCodes: $regionCodes, years: $years) { regionCode year ${INDICATOR_SELECTION} } }`;
  const answers = await Promise.all(batches.map((codes) => graphqlData<{ scorecards: ScorecardAnswer[] }>(query, { regionCodes: codes, years }, signal)));
  return answers.flatMap((a) => a.scorecards);
}
