import { graphqlData } from './api';
import { INDICATORS, indicatorSelection, type ScorecardAnswer } from './indicators';
import { MARKS, markOnce } from './timing';

/** The API answers at most this many region-years in one `scorecards` request (SCORECARDS_MAX_REGION_YEARS, 200 by default). */
const REGION_YEARS_PER_REQUEST = 200;

const ALL_FIELDS = INDICATORS.map((i) => i.field);

async function requestScorecards(regionCodes: string[], years: number[], fields: string[], signal?: AbortSignal): Promise<ScorecardAnswer[]> {
  const perRequest = Math.max(1, Math.floor(REGION_YEARS_PER_REQUEST / years.length));
  const batches: string[][] = [];
  for (let i = 0; i < regionCodes.length; i += perRequest) batches.push(regionCodes.slice(i, i + perRequest));
  const query = `query WorkbenchScorecards($regionCodes: [ID!]!, $years: [Int!]!) { scorecards(regionCodes: $regionCodes, years: $years) { regionCode year ${indicatorSelection(fields)} } }`;
  const answers = await Promise.all(batches.map((codes) => graphqlData<{ scorecards: ScorecardAnswer[] }>(query, { regionCodes: codes, years }, signal)));
  return answers.flatMap((a) => a.scorecards);
}

/**
 * Requests started before the view that shows them was loaded, each taken once by the view,
 * and only while fresh: a view first shown long after the page opened asks again.
 */
const started = new Map<string, { answer: Promise<ScorecardAnswer[]>; at: number }>();
const FRESH_MS = 30_000;
const startedKey = (regionCodes: string[], years: number[], fields: string[]) => JSON.stringify([regionCodes, years, fields]);

/** Asks for every indicator of these region-years now, for a view that is still loading (see first-view.ts). */
export function prefetchScorecards(regionCodes: string[], years: number[]): void {
  markOnce(MARKS.scorecardRequest);
  const answer = requestScorecards(regionCodes, years, ALL_FIELDS);
  answer.then(() => markOnce(MARKS.scorecardAnswer), () => undefined);
  answer.catch(() => undefined); // the view that takes it reports the failure
  started.set(startedKey(regionCodes, years, ALL_FIELDS), { answer, at: Date.now() });
}

/**
 * Scorecards for every region × year with the given indicators (all by default): one
 * `scorecards` request (each department answers all of them with a constant number of
 * statements), split only when the set is larger than the API's cap.
 */
export function fetchScorecards(regionCodes: string[], years: number[], signal?: AbortSignal, fields: string[] = ALL_FIELDS): Promise<ScorecardAnswer[]> {
  const key = startedKey(regionCodes, years, fields);
  const early = started.get(key);
  started.delete(key);
  if (early && Date.now() - early.at < FRESH_MS) return early.answer;
  return requestScorecards(regionCodes, years, fields, signal);
}
