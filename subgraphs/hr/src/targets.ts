import type { IndicatorName } from '@rg/scorecard';

/** hr's indicators that the policy sets targets for: hr keeps those targets in its own database. */
export const HR_TARGETED_INDICATORS: readonly IndicatorName[] = [
  'trained', 'passRate', 'openingRate6m', 'jobsPerVenture', 'survivalRate1y', 'loansIssuedYuan', 'trainingWishesMet',
];
