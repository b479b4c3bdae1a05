import {
  expectedProgramme, expectedRegionFigures, expectedSupportPriority, expectedScorecard, expectedScorecardCounts, expectedScorecardNotes, type RegionFigures, type World,
} from '@rg/demo-province';
import type { IndicatorName } from '@rg/scorecard';

/**
 * What disclosure control must answer, written out plainly from the generated world's
 * ground truth and docs/ACCESS.md ("Disclosure control"), independently of the kit's code.
 */
export const THRESHOLD = 5;
const small = (n: number) => n > 0 && n < THRESHOLD;

export const SMALL = (unit = 'people') => `fewer than ${THRESHOLD} ${unit}: suppressed to protect privacy`;
export const REFUSED = (department: string) => `${department} refused a key set of fewer than ${THRESHOLD} people: suppressed to protect privacy`;
export const WITHHELD = `poverty withheld a key set of fewer than ${THRESHOLD} people: suppressed to protect privacy`;

export interface Expected {
  value: number | null;
  /** Why the figure is withheld from this caller; null when it is given. */
  note: string | null;
}

/** An indicator also says why a figure that is given is not judged: no target, or a cohort not yet old enough. */
export interface ExpectedIndicator extends Expected {
  unjudged: string | null;
}

/** Region figures withheld below the threshold, and the people count each rests on. */
export const CONTROLLED_REGION_FIGURES: Array<[keyof RegionFigures, keyof RegionFigures, string]> = [
  ['traineeCount', 'traineeCount', 'people'],
  ['loansIssuedYuan', 'borrowerCount', 'people'],
  ['poorHouseholdCount', 'poorHouseholdCount', 'households'],
  ['poorPopulation', 'poorPopulation', 'people'],
  ['exitedHouseholdCount', 'exitedHouseholdCount', 'households'],
  ['womenSupportCaseCount', 'womenSupportCaseCount', 'support cases'],
  ['openWomenSupportCaseCount', 'openWomenSupportCaseCount', 'support cases'],
];
/** Figures over records the public can list anyway (ventures, parks, published stories, awards): always exact. */
export const PUBLIC_RECORD_REGION_FIGURES: Array<keyof RegionFigures> = ['ventureCount', 'jobsCreated', 'parkCount', 'storyCount', 'awardCount'];

export function expectedRegion(world: World, code: string, exact: boolean): Partial<Record<keyof RegionFigures, Expected>> {
  const f = expectedRegionFigures(world, code);
  const result: Partial<Record<keyof RegionFigures, Expected>> = {};
  for (const name of PUBLIC_RECORD_REGION_FIGURES) result[name] = { value: f[name], note: null };
  for (const [name, people, unit] of CONTROLLED_REGION_FIGURES) {
    result[name] = { value: f[name], note: !exact && small(f[people]) ? SMALL(unit) : null };
  }
  return result;
}

export const INDICATORS: IndicatorName[] = ['trained', 'passRate', 'openingRate6m', 'jobsPerVenture', 'survivalRate1y',
  'loansIssuedYuan', 'newParks', 'poorTraineeShare', 'poorWomenTrainees', 'poorWomenSupportedShare', 'storiesPublished',
  'womenSupportCasesOpened', 'wishingToTrain', 'trainingWishesMet', 'followUpCoverage6m', 'followUpCoverage12m',
  'nonFounderEmploymentRate', 'followUpJobs6m', 'followUpJobs12m', 'followUpOutputYuan6m', 'followUpOutputYuan12m',
  // Priority of the poor for every support policy; returnee entrepreneurs trained or not.
  'poorBorrowerShare', 'poorWomenBorrowers', 'poorFounderShare', 'poorWomenFounders', 'poorParkEntrantShare',
  'returneeVentures', 'trainedFounderShare'];

/** Indicators poverty computes from another department's key set: refused for a set of 1 … 4 people, whoever asks. */
export const KEY_SET_INDICATORS: IndicatorName[] = ['poorTraineeShare', 'poorWomenTrainees', 'poorWomenSupportedShare',
  'poorBorrowerShare', 'poorWomenBorrowers', 'poorFounderShare', 'poorWomenFounders', 'poorParkEntrantShare'];

export function expectedIndicators(world: World, code: string, year: number, exact: boolean): Record<IndicatorName, ExpectedIndicator> {
  const v = expectedScorecard(world, code, year);
  const c = expectedScorecardCounts(world, code, year);
  const p = expectedProgramme(world, code, year).counts;
  const s = expectedSupportPriority(world, code, year).counts;
  const count = (n: number, unit = 'people') => (!exact && small(n) ? SMALL(unit) : null);
  const share = (numerator: number, denominator: number) =>
    (!exact && [numerator, denominator - numerator, denominator].some(small) ? SMALL() : null);
  // Key sets of 1 … 4 people are refused between departments whoever asks.
  const poorWomenShare = small(c.womenTrained) || small(c.poorWomen) ? WITHHELD : share(c.poorWomenSupported, c.poorWomen);
  const notes: Record<IndicatorName, string | null> = {
    trained: count(c.trained),
    passRate: share(c.passes, c.completions),
    openingRate6m: share(c.openedWithin6m, c.firstTrained),
    jobsPerVenture: null,
    survivalRate1y: null,
    loansIssuedYuan: count(c.borrowers),
    newParks: null,
    poorTraineeShare: small(c.trained) ? REFUSED('poverty') : share(c.poorTrainees, c.trained),
    poorWomenTrainees: small(c.womenTrained) ? REFUSED('poverty') : count(c.poorWomen),
    poorWomenSupportedShare: poorWomenShare,
    storiesPublished: null,
    womenSupportCasesOpened: count(c.casesOpened, 'support cases'),
    wishingToTrain: count(p.wishingToTrain),
    trainingWishesMet: share(p.wishingToTrainTrained, p.wishingToTrain),
    followUpCoverage6m: share(p.visitedWithin6m, p.followUpCohort),
    followUpCoverage12m: share(p.visitedWithin12m, p.followUpCohort),
    nonFounderEmploymentRate: share(p.nonFoundersEmployed, p.nonFounders),
    followUpJobs6m: count(p.reported6m),
    followUpJobs12m: count(p.reported12m),
    followUpOutputYuan6m: count(p.reported6m),
    followUpOutputYuan12m: count(p.reported12m),
    // For the auditors only (hr staff, admins), who see it exactly; not among INDICATORS.
    eligibilityFindings: null,
    poorBorrowerShare: small(s.borrowers) ? REFUSED('poverty') : share(s.poorBorrowers, s.borrowers),
    poorWomenBorrowers: small(s.womenBorrowers) ? REFUSED('poverty') : count(s.poorWomenBorrowers),
    poorFounderShare: small(s.founders) ? REFUSED('poverty') : share(s.poorFounders, s.founders),
    poorWomenFounders: small(s.womenFounders) ? REFUSED('poverty') : count(s.poorWomenFounders),
    poorParkEntrantShare: small(s.parkEntrants) ? REFUSED('poverty') : share(s.poorParkEntrants, s.parkEntrants),
    returneeVentures: null,
    trainedFounderShare: share(s.trainedFounderVentures, s.ventures),
    // For the auditors only (womens-federation staff, admins); not among INDICATORS.
    supportCaseFindings: null,
  };
  const unjudged = expectedScorecardNotes(world, code, year);
  const result = {} as Record<IndicatorName, ExpectedIndicator>;
  for (const name of INDICATORS) result[name] = { value: v[name].value, note: notes[name], unjudged: unjudged[name] };
  return result;
}
