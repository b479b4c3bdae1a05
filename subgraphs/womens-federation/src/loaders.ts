import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { entityRows, loaderByGroup, loaderByKey, loaderOfValues } from '@rg/data-helpers';
import { WomenSupportCase } from './entities';
import { regionFigures, type WomensFederationRegionFigures } from './figures/region-figures';
import { monthlyFigures, type WomensFederationMonthFigures } from './figures/monthly-figures';
import {
  scorecardFigures, supportedShares, type SupportedShare, type WomensFederationScorecardFigures,
} from './figures/scorecard-figures';
import { supportCaseFindings, supportCaseKeySets, type SupportCaseFindingRow } from './figures/support-case-checks';

export function createLoaders(db: DataSource) {
  const cases = () => db.getRepository(WomenSupportCase);
  const caseRows = entityRows(db, WomenSupportCase);
  return {
    caseById: loaderByKey((ids: readonly number[]) => cases().findBy({ id: In([...ids]) }), (c) => c.id),
    // Every page of trainees asks it, so in plain SQL (entity-rows.ts).
    casesByPersonKey: loaderByGroup(
      (keys: readonly string[]) => caseRows.select('WHERE person_key = ANY($1::bpchar[]) ORDER BY id', [keys]),
      (c) => c.personKey,
    ),
    regionFigures: loaderOfValues<string, WomensFederationRegionFigures | null>((codes) => regionFigures(db, codes), null),
    /** Keyed by region-year ("regionCode:year"): the twelve months at once. */
    monthlyFigures: loaderOfValues<string, WomensFederationMonthFigures[] | null>((keys) => monthlyFigures(db, keys), null),
    scorecardFigures: loaderOfValues<string, WomensFederationScorecardFigures | null>(
      (keys) => scorecardFigures(db, keys), null,
    ),
    supportedShares: loaderOfValues<string, SupportedShare>(
      (keys) => supportedShares(db, keys), { people: 0, supported: 0, refused: false },
    ),
    // The support-case priority check against the registry (support-case-checks.ts).
    supportCaseKeySets: loaderOfValues<string, string>((keys) => supportCaseKeySets(db, keys), ''),
    supportCaseFindings: loaderOfValues<string, SupportCaseFindingRow[]>((keys) => supportCaseFindings(db, keys), []),
  };
}

export type WomensFederationLoaders = ReturnType<typeof createLoaders>;
