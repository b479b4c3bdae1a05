/**
 * Per-county profiles: size and performance. The scorecard is only interesting if cities
 * differ in size and counties straddle the targets, so both are drawn here once per world.
 */
import { allCities, allCounties, PROVINCE_CODE } from '@rg/regions';
import { Rng, WeightedTable } from './rng';

export interface CountyProfile {
  index: number;
  code: string;
  name: string;
  cityIndex: number;
  /** Relative share of the province's trainees. */
  weight: number;
  /** Probability that a completed enrolment passes the exam (target 0.8). */
  passRate: number;
  /** Intended six-month opening rate of the county's trained cohort (target 0.5). */
  openingRate: number;
  /** Probability that a venture closes within its first year (survival target 0.8). */
  earlyCloseRate: number;
  /** Mean jobs created per venture (target 4). */
  jobsMean: number;
}

export interface CityProfile {
  index: number;
  code: string;
  name: string;
  /** Indices into Geography.counties. */
  counties: number[];
}

export interface Geography {
  provinceCode: string;
  counties: CountyProfile[];
  cities: CityProfile[];
  /** Picks a county index by trainee weight. */
  countyTable: WeightedTable<number>;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function buildGeography(rng: Rng): Geography {
  const cities: CityProfile[] = allCities()
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c, index) => ({ index, code: c.code, name: c.name, counties: [] }));
  const cityIndexByCode = new Map(cities.map((c) => [c.code, c.index]));
  const citySize = cities.map(() => rng.real(0.5, 2));

  const counties: CountyProfile[] = allCounties()
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c, index) => {
      const cityIndex = cityIndexByCode.get(c.parentCode!)!;
      cities[cityIndex].counties.push(index);
      // One latent "how well run" factor drives pass, opening and survival together, with
      // noise, so good counties tend to be good on all three but not in lockstep.
      const performance = rng.next();
      return {
        index,
        code: c.code,
        name: c.name,
        cityIndex,
        weight: citySize[cityIndex] * rng.real(0.4, 1.6),
        passRate: 0.72 + 0.2 * clamp01(0.75 * performance + 0.25 * rng.next()),
        openingRate: 0.4 + 0.22 * clamp01(0.7 * performance + 0.3 * rng.next()),
        earlyCloseRate: 0.2 - 0.08 * clamp01(0.6 * performance + 0.4 * rng.next()),
        jobsMean: 3.5 + 1.6 * rng.next(),
      };
    });
  const countyTable = new WeightedTable(
    counties.map((c) => c.index),
    counties.map((c) => c.weight),
  );
  return { provinceCode: PROVINCE_CODE, counties, cities, countyTable };
}
