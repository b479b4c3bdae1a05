export * from './world';
export { generateWorld, DEFAULT_SEED, DEFAULT_TRAINEES, MAX_TRAINEES } from './generate';
export {
  expectedScorecard, expectedScorecardCounts, expectedRegionFigures, type RegionFigures, type ScorecardCounts,
} from './ground-truth';
export { rosterPeople, type RosterPerson } from './roster';
export { expectedMonthlyStatistics, type MonthFigures } from './monthly-ground-truth';
