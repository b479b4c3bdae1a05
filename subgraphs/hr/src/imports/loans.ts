import { In } from 'typeorm';
import { CellProblem, type ImportRecordType } from '@rg/record-import';
import { Loan, Venture } from '../entities';
import { IssueLoanInput, issueLoan } from '../resolvers/venture-mutations.resolver';
import { traineeIdOf } from './trainee-reference';

const keyOf = (borrowerId: number | string, bank: string, issuedOn: string, amount: number) => `${borrowerId}|${bank}|${issuedOn}|${amount}`;

/**
 * The guaranteed-loan ledger (创业担保贷款台账): a loan is its borrower, bank, day and amount.
 * The per-person cap is issueLoan's, checked row by row against what is already lent.
 */
export const loanImport: ImportRecordType<IssueLoanInput, Loan> = {
  name: 'loans',
  recordType: 'Loan',
  // Each loan locks its borrower so the cap holds: one batch at a time, no lock cycles.
  concurrency: 1,
  columns: [
    { field: 'borrowerCitizenId', header: '借款人身份证号', required: true },
    { field: 'amountYuan', header: '贷款金额（元）', kind: 'int', required: true },
    { field: 'bank', header: '经办银行', required: true },
    { field: 'issuedOn', header: '发放日期', kind: 'date', required: true },
    { field: 'interestSubsidised', header: '财政贴息', kind: 'boolean', defaultValue: true },
    { field: 'ventureName', header: '企业名称' },
  ],
  inputClass: IssueLoanInput,
  columnOf: { borrowerId: 'borrowerCitizenId', ventureId: 'ventureName' },
  async toInput(values, tx) {
    const borrowerId = await traineeIdOf(tx, values.borrowerCitizenId, 'borrowerCitizenId');
    let ventureId: string | undefined;
    if (values.ventureName !== undefined) {
      const venture = await tx.getRepository(Venture).findOneBy({ founderId: Number(borrowerId), name: String(values.ventureName) });
      if (!venture) throw new CellProblem('ventureName', 'the borrower has no venture of this name');
      ventureId = String(venture.id);
    }
    return Object.assign(new IssueLoanInput(), {
      borrowerId, ventureId, amountYuan: values.amountYuan, bank: values.bank, issuedOn: values.issuedOn, interestSubsidised: values.interestSubsidised,
    });
  },
  naturalKey: (input) => keyOf(input.borrowerId, input.bank.trim(), input.issuedOn, input.amountYuan),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(Loan).findBy({ borrowerId: In(inputs.map((i) => Number(i.borrowerId))) });
    return new Map(found.map((l) => [keyOf(l.borrowerId, l.bank, l.issuedOn, l.amountYuan), l]));
  },
  differs(existing, input) {
    if (existing.interestSubsidised !== input.interestSubsidised) return 'interestSubsidised';
    if ((existing.ventureId === null ? undefined : String(existing.ventureId)) !== input.ventureId) return 'ventureName';
    return null;
  },
  write: issueLoan,
};
