import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * Borrowers and the amount they borrowed by county and year issued: a tally of loan_tally (a
 * row per borrower and year), kept by triggers on it, so a scorecard reads a row per county-year
 * instead of counting a province-year's 47,000 borrowers on every question. A borrower's row
 * moves between `borrowers` 0 and 1 as its loans are issued or deleted, which the update
 * trigger carries over; its amount is its loans' amount, 0 when it has none left.
 */
export const BORROWER_TALLY: TallySpec = {
  source: 'loan_tally',
  tally: 'borrower_tally',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'region_code' },
    { name: 'issued_year', type: 'smallint', expression: 'issued_year' },
  ],
  measures: [
    { name: 'borrowers', type: 'int', expression: '(loans > 0)::int' },
    { name: 'amount_yuan', type: 'bigint', expression: 'amount_yuan' },
  ],
};

export const CreateBorrowerTally1766520000000 = tallyMigration('CreateBorrowerTally1766520000000', BORROWER_TALLY);
