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

/** What a region's scorecard shows at once: one year with every indicator (the table), one indicator across the plan years (the chart). */
export interface FirstScreen {
  regionCode: string;
  year: number;
  charted: string;
  years: number[];
}

/**
 * The first screen in one request, two `scorecards` fields: the year's card with every
 * indicator, and the charted indicator for each plan year. About a fifth of the five full
 * cards, so the gateway and the departments answer it sooner; the view asks for the rest
 * once the chart is drawn. Answered as cards by year, the shown year's complete and the
 * others holding the charted indicator only.
 */
async function requestFirstScreen(screen: FirstScreen, signal?: AbortSignal): Promise<ScorecardAnswer[]> {
  const query = `query WorkbenchFirstScreen($regionCodes: [ID!]!, $year: [Int!]!, $years: [Int!]!) {
    table: scorecards(regionCodes: $regionCodes, years: $year) { regionCode year ${indicatorSelection(ALL_FIELDS)} }
    chart: scorecards(regionCodes: $regionCodes, years: $years) { regionCode year ${indicatorSelection([screen.charted])} } }`;
  const { table, chart } = await graphqlData<{ table: ScorecardAnswer[]; chart: ScorecardAnswer[] }>(
    query, { regionCodes: [screen.regionCode], year: [screen.year], years: screen.years }, signal);
  const byYear = new Map<number, ScorecardAnswer>();
  for (const card of [...chart, ...table]) byYear.set(card.year, { ...byYear.get(card.year), ...card });
  return [...byYear.values()];
}

/**
 * Requests started before the view that shows them was loaded, each taken once by the view,
 * and only while fresh: a view first shown long after the page opened asks again.
 */
const started = new Map<string, { answer: Promise<ScorecardAnswer[]>; at: number }>();
const FRESH_MS = 30_000;
const screenKey = (screen: FirstScreen) => JSON.stringify([screen.regionCode, screen.year, screen.charted, screen.years]);

/** Asks for a first screen now, for a view that is still loading (see first-view.ts). */
export function prefetchFirstScreen(screen: FirstScreen): void {
  markOnce(MARKS.scorecardRequest);
  const answer = requestFirstScreen(screen);
  answer.then(() => markOnce(MARKS.scorecardAnswer), () => undefined); // the view that takes it reports a failure
  started.set(screenKey(screen), { answer, at: Date.now() });
}

/** The first screen of a region's scorecard: the one asked for ahead if it is fresh, else a new request. */
export function fetchFirstScreen(screen: FirstScreen, signal?: AbortSignal): Promise<ScorecardAnswer[]> {
  const key = screenKey(screen);
  const early = started.get(key);
  started.delete(key);
  if (early && Date.now() - early.at < FRESH_MS) return early.answer;
  return requestFirstScreen(screen, signal);
}

/**
 * Scorecards for every region × year with the given indicators (all by default): one
 * `scorecards` request (each department answers all of them with a constant number of
 * statements), split only when the set is larger than the API's cap.
 */
export function fetchScorecards(regionCodes: string[], years: number[], signal?: AbortSignal, fields: string[] = ALL_FIELDS): Promise<ScorecardAnswer[]> {
  return requestScorecards(regionCodes, years, fields, signal);
}
