import { findRegion, allCities, type RegionLevel } from '@rg/regions';

/**
 * The targets of the provincial returnee-entrepreneurship plan (2016–2020) that analysts measure, per region level.
 * A null target means the policy sets none at that level: the figure is reported, not judged.
 */
export type IndicatorName =
  | 'trained' | 'passRate' | 'openingRate6m' | 'jobsPerVenture' | 'survivalRate1y'
  | 'loansIssuedYuan' | 'newParks' | 'poorTraineeShare' | 'poorWomenTrainees' | 'poorWomenSupportedShare'
  | 'storiesPublished' | 'womenSupportCasesOpened'
  | 'wishingToTrain' | 'trainingWishesMet' | 'followUpCoverage6m' | 'followUpCoverage12m' | 'nonFounderEmploymentRate'
  | 'followUpJobs6m' | 'followUpJobs12m' | 'followUpOutputYuan6m' | 'followUpOutputYuan12m' | 'eligibilityFindings';

const CITIES = allCities().length;
/** Trained per city per year (004/003); Jiangsu has no municipality, so 1,500 everywhere. */
const TRAINED_PER_CITY = 1500;
/** Guaranteed loans per city per year: the lower of the cities the policies name (Leshan 2021). */
const LOANS_PER_CITY_YUAN = 200_000_000;
/** 20 new returnee parks over 2016–2020 (000): four a year, province-wide. */
const NEW_PARKS_PER_YEAR = 20 / 5;

const TARGETS: Record<IndicatorName, Partial<Record<RegionLevel, number>>> = {
  trained: { CITY: TRAINED_PER_CITY, PROVINCE: TRAINED_PER_CITY * CITIES },
  passRate: { COUNTY: 0.8, CITY: 0.8, PROVINCE: 0.8 },
  openingRate6m: { COUNTY: 0.5, CITY: 0.5, PROVINCE: 0.5 },
  jobsPerVenture: { COUNTY: 4, CITY: 4, PROVINCE: 4 },
  survivalRate1y: { COUNTY: 0.8, CITY: 0.8, PROVINCE: 0.8 },
  loansIssuedYuan: { CITY: LOANS_PER_CITY_YUAN, PROVINCE: LOANS_PER_CITY_YUAN * CITIES },
  newParks: { PROVINCE: NEW_PARKS_PER_YEAR },
  poorTraineeShare: {},
  poorWomenTrainees: {},
  poorWomenSupportedShare: {},
  storiesPublished: {},
  womenSupportCasesOpened: {},
  wishingToTrain: {},
  /** Everyone surveyed who wants training gets it (000 §3.1): all of them, at every level. */
  trainingWishesMet: { COUNTY: 1, CITY: 1, PROVINCE: 1 },
  followUpCoverage6m: {},
  followUpCoverage12m: {},
  nonFounderEmploymentRate: {},
  followUpJobs6m: {},
  followUpJobs12m: {},
  followUpOutputYuan6m: {},
  followUpOutputYuan12m: {},
  eligibilityFindings: {},
};

export interface IndicatorValue {
  value: number;
  target: number | null;
  met: boolean | null;
}

export function targetOf(indicator: IndicatorName, regionCode: string): number | null {
  const level = findRegion(regionCode)?.level;
  if (!level) return null;
  return TARGETS[indicator][level] ?? null;
}

export function judge(indicator: IndicatorName, regionCode: string, value: number): IndicatorValue {
  const target = targetOf(indicator, regionCode);
  return { value, target, met: target === null ? null : value >= target };
}

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
