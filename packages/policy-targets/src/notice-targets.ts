import { allCities, countiesUnder, findRegion, PROVINCE_CODE, type Region } from '@rg/regions';
import { PLAN_YEARS, type IndicatorName } from '@rg/scorecard';

/**
 * The targets the policy notices set, as the rows a department starts with (its migration
 * inserts them; admins change them afterwards). docs/TARGETS.md gives the reasoning for each
 * number; this file is that reasoning as code.
 *
 * The provincial plan (2016–2020) sets province-wide goals; the national start-up training
 * notice sets yearly goals per city; no notice sets county figures. A city breaks its yearly
 * target down to its counties (the practice of the municipal notices), so a county's share of
 * a count is its city's figure split evenly over the city's county-level divisions, rounded up;
 * a rate applies unchanged at every level.
 */
export interface TargetRow {
  indicator: IndicatorName;
  regionCode: string;
  year: number;
  value: number;
  unit: string;
  source: string;
}

/** People trained per city per year (the national notice; 3,000 only for municipalities, which Jiangsu has none of). */
export const TRAINED_PER_CITY = 1500;
/** Nanyang's 2019 plan: 400 million yuan of guaranteed loans for 15,000 new returnee entrepreneurs. */
export const LOAN_YUAN_PER_NEW_ENTREPRENEUR = 400_000_000 / 15_000;
/** Opening-rate target: half of those trained open a venture within six months. */
export const OPENING_SHARE = 0.5;
/** Guaranteed loans per city per year: the ventures the city's trained cohort should open, each lent Nanyang's average. */
export const LOANS_PER_CITY_YUAN = Math.round(TRAINED_PER_CITY * OPENING_SHARE * LOAN_YUAN_PER_NEW_ENTREPRENEUR);
/** The provincial plan: 20 new returnee parks by 2020, i.e. four a plan year, province-wide. */
export const NEW_PARKS_PER_YEAR = 20 / PLAN_YEARS.length;

interface Rule {
  unit: string;
  source: string;
  /** The figure for a region, or null where the notices set none at its level. */
  valueFor(region: Region): number | null;
}

/** A count set per city: the province sums its cities, a county takes an even share of its city's. */
function perCity(cityValue: number): (region: Region) => number {
  return (region) => {
    if (region.level === 'PROVINCE') return cityValue * allCities().length;
    if (region.level === 'CITY') return cityValue;
    return Math.ceil(cityValue / countiesUnder(region.parentCode!).length);
  };
}

const everywhere = (value: number) => () => value;
const COUNTY_SPLIT = 'county: its city\'s figure split evenly over the city\'s county-level divisions, rounded up';

export const NOTICE_RULES: Partial<Record<IndicatorName, Rule>> = {
  trained: {
    unit: 'people',
    source: `national start-up training notice, goals: at least 1,500 people trained a year per city; province: the sum of its 13 cities; ${COUNTY_SPLIT}`,
    valueFor: perCity(TRAINED_PER_CITY),
  },
  passRate: { unit: 'share', source: 'national start-up training notice, goals: pass rate of at least 80 %', valueFor: everywhere(0.8) },
  openingRate6m: {
    unit: 'share',
    source: 'national start-up training notice, goals: at least 50 % open a business within six months of training and services',
    valueFor: everywhere(OPENING_SHARE),
  },
  jobsPerVenture: {
    unit: 'jobs per venture',
    source: 'provincial plan notice §2: each venture creates jobs at a ratio of 1:4 (the province\'s own figure; the national notice asks 1:5)',
    valueFor: everywhere(4),
  },
  survivalRate1y: {
    unit: 'share',
    source: 'national start-up training notice, goals: at least 80 % of the businesses opened still operating after a year',
    valueFor: everywhere(0.8),
  },
  loansIssuedYuan: {
    unit: 'yuan',
    source: 'derived, the provincial plan setting none: per city, the ventures its trained cohort should open '
      + '(1,500 trained × 50 % opening) each lent the average of Nanyang\'s 2019 plan (400 million yuan for 15,000 new '
      + `returnee entrepreneurs), 20,000,000 yuan; province: the sum of its 13 cities; ${COUNTY_SPLIT}`,
    valueFor: perCity(LOANS_PER_CITY_YUAN),
  },
  trainingWishesMet: {
    unit: 'share',
    source: 'provincial plan notice §3.1: every returnee the spring survey finds wishing to train is trained once, at every level',
    valueFor: everywhere(1),
  },
  newParks: {
    unit: 'parks',
    source: 'provincial plan notice §2: 20 new returnee parks province-wide by 2020, four a plan year; none set for cities or counties',
    valueFor: (region) => (region.level === 'PROVINCE' ? NEW_PARKS_PER_YEAR : null),
  },
};

/** Every region the targets are set for: the province, its cities and its counties. */
function jiangsuRegions(): Region[] {
  const province = findRegion(PROVINCE_CODE)!;
  const cities = allCities();
  const counties = cities.flatMap((city) => countiesUnder(city.code).map((code) => findRegion(code)!));
  return [province, ...cities, ...counties];
}

/** The notices' targets for the given indicators, per region and plan year. */
export function noticeTargets(indicators: readonly IndicatorName[]): TargetRow[] {
  const rows: TargetRow[] = [];
  const regions = jiangsuRegions();
  for (const indicator of indicators) {
    const rule = NOTICE_RULES[indicator];
    if (!rule) continue;
    for (const region of regions) {
      const value = rule.valueFor(region);
      if (value === null) continue;
      for (const year of PLAN_YEARS) rows.push({ indicator, regionCode: region.code, year, value, unit: rule.unit, source: rule.source });
    }
  }
  return rows;
}
