import { countiesUnder, findRegion } from '@rg/regions';
import type { IndicatorName } from '@rg/scorecard';

/**
 * The policy targets the scorecard must judge by, written out plainly from the notices as the
 * project documents them (docs/TARGETS.md), independently of the departments' seeded rows:
 * for the plan years 2016–2020 only; counts per city (province: 13 cities; a county: an even
 * share of its city's, rounded up), rates at every level, new parks for the province alone.
 */
export function expectedTarget(indicator: IndicatorName, regionCode: string, year: number): number | null {
  const region = findRegion(regionCode);
  if (!region || year < 2016 || year > 2020) return null;
  const perCity = (city: number) => {
    if (region.level === 'PROVINCE') return city * 13;
    if (region.level === 'CITY') return city;
    return Math.ceil(city / countiesUnder(region.parentCode!).length);
  };
  switch (indicator) {
    case 'trained': return perCity(1500);
    case 'loansIssuedYuan': return perCity(20_000_000); // 1,500 × 50 % ventures × (400 M yuan / 15,000 entrepreneurs)
    case 'passRate': return 0.8;
    case 'openingRate6m': return 0.5;
    case 'jobsPerVenture': return 4;
    case 'survivalRate1y': return 0.8;
    case 'newParks': return region.level === 'PROVINCE' ? 4 : null;
    case 'trainingWishesMet': return 1; // everyone surveyed who wants training is trained
    default: return null;
  }
}
