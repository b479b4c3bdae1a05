import type { World } from '@rg/demo-province';
import { prepareCorpus } from './corpus-kit';
import { addHrCases } from './hr-cases';
import { addHrProgrammeCases } from './hr-programme-cases';
import { addAgricultureCases } from './agriculture-cases';
import { addPovertyCases } from './poverty-cases';
import { addYouthLeagueCases } from './youth-league-cases';
import { addWomensFederationCases } from './womens-federation-cases';
import { addPolicyTargetCases } from './policy-target-cases';
import { addDesignationCases } from './designation-cases';

export { doc, MUTATIONS, type Case, type Department, type Fixtures } from './corpus-kit';

/** The whole corpus: the five departments' cases on one seeded world. */
export function buildCorpus(world: World) {
  const corpus = prepareCorpus(world);
  addHrCases(corpus);
  addHrProgrammeCases(corpus);
  addAgricultureCases(corpus);
  addPovertyCases(corpus);
  addYouthLeagueCases(corpus);
  addWomensFederationCases(corpus);
  addPolicyTargetCases(corpus);
  addDesignationCases(corpus);
  return { cases: corpus.cases, BASE: corpus.BASE, FIXTURES: corpus.FIXTURES };
}
