/**
 * The indicators of the provincial returnee-entrepreneurship plan (2016–2020) that analysts
 * measure. Their targets are records (packages/policy-targets), kept per region and year by
 * the department that owns the indicator.
 */
export type IndicatorName =
  | 'trained' | 'passRate' | 'openingRate6m' | 'jobsPerVenture' | 'survivalRate1y'
  | 'loansIssuedYuan' | 'newParks' | 'poorTraineeShare' | 'poorWomenTrainees' | 'poorWomenSupportedShare'
  | 'storiesPublished' | 'womenSupportCasesOpened'
  | 'wishingToTrain' | 'trainingWishesMet' | 'followUpCoverage6m' | 'followUpCoverage12m' | 'nonFounderEmploymentRate'
  | 'followUpJobs6m' | 'followUpJobs12m' | 'followUpOutputYuan6m' | 'followUpOutputYuan12m' | 'eligibilityFindings'
  // Priority of the poor for every support policy (000 §3.1), returnee entrepreneurs trained or not, support-case checks.
  | 'poorBorrowerShare' | 'poorWomenBorrowers' | 'poorFounderShare' | 'poorWomenFounders' | 'poorParkEntrantShare'
  | 'returneeVentures' | 'trainedFounderShare' | 'supportCaseFindings';

/** A ratio that is 0 rather than NaN for an empty cohort. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Days within which a venture counts as opened "within six months" of training. */
export const OPENING_WINDOW_DAYS = 183;
/** A venture "survives one year" if not closed within this many days of opening. */
export const SURVIVAL_DAYS = 365;
/** Follow-up waves: a visit up to 6 months after the first completed course is the first wave, up to 12 months the second. */
export const FOLLOW_UP_WAVE_DAYS = { sixMonths: 183, twelveMonths: 365 } as const;
/** Per-person cap on a guaranteed start-up loan (Nanyang 2019, 001). */
export const LOAN_CAP_YUAN = 150_000;
/** The five-year plan's years (000). */
export const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020] as const;
