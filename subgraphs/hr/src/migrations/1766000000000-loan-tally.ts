import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * Loans by the borrower's county, year issued and borrower: how many and how much. hr's region
 * figures and scorecards read the loan total and the number of borrowers (which disclosure
 * control rests on) from here instead of joining every loan to its borrower for each question.
 * A trainee's county never changes, so the key taken from the borrower stays right.
 */
export const LOAN_TALLY: TallySpec = {
  source: 'loan',
  tally: 'loan_tally',
  join: 'JOIN trainee borrower ON borrower.id = src.borrower_id',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'borrower.region_code' },
    { name: 'issued_year', type: 'smallint', expression: 'extract(year FROM src.issued_on)::smallint' },
    { name: 'borrower_id', type: 'int', expression: 'src.borrower_id' },
  ],
  measures: [
    { name: 'loans', type: 'int', expression: '1' },
    { name: 'amount_yuan', type: 'bigint', expression: 'src.amount_yuan' },
  ],
};

export const CreateLoanTally1766000000000 = tallyMigration('CreateLoanTally1766000000000', LOAN_TALLY);
