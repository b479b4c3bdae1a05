export * from './world';
export {
  generateWorld, generateWorldInSteps, worldInProgress, recordsAsGenerated, DEFAULT_SEED, DEFAULT_TRAINEES, MAX_TRAINEES, type WorldInProgress,
} from './generate';
export {
  expectedScorecard, expectedScorecardCounts, expectedScorecardNotes, expectedRegionFigures, DEMO_REFERENCE_DATE,
  type IndicatorValue, type RegionFigures, type ScorecardCounts,
} from './ground-truth';
export { expectedTarget } from './expected-targets';
export { rosterPeople, type RosterPerson } from './roster';
export { expectedMonthlyStatistics, type MonthFigures } from './monthly-ground-truth';
export {
  expectedProgramme, expectedLeagueTable, expectedEligibilityFindings, type ProgrammeCounts, type ExpectedFinding, type ExpectedLeagueRow,
} from './ground-truth-programme';
export { DEBARRED_INSTITUTIONS, DOUBLE_SUBSIDIES } from './hr-institutions';
export { LOANS_ABOVE_CAP, LOANS_WITHOUT_VENTURE } from './hr-outcomes';
export { UNTRAINED_RESPONDENTS_PER_TRAINEE } from './hr-survey';
export { PLANTED as SUPPORT_PRIORITY_PLANTED } from './support-priority';
export { expectedSupportPriority, expectedSupportCaseFindings, type SupportCaseFindingTruth } from './ground-truth-priority';
// Demonstration designations and enterprise awards
export { DESIGNATIONS_PER_KIND, REVOKED_KINDS, ENTERPRISE_AWARDS } from './demonstrations';
export {
  expectedDesignations, expectedActiveDesignations, expectedEnterpriseAwards, revokedIn, type DesignationQuery,
} from './ground-truth-designations';
