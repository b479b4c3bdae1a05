import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { LOAN_CAP_YUAN } from '@rg/scorecard';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { GuaranteeType, Loan } from '../entities';
import type { HrContext } from './context';

@InputType({ description: "A loan's guarantee, the interest the state paid, and how it ended; fields left out are left as they are" })
export class RecordLoanDetailInput {
  @Field(() => ID) loanId: string;
  @Field(() => GuaranteeType, { nullable: true }) @IsOptional() guaranteeType?: GuaranteeType;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(LOAN_CAP_YUAN) interestSubsidyYuan?: number;
  @Field({ nullable: true }) @IsOptional() @IsPastDate() repaidOn?: string;
  @Field({ nullable: true }) @IsOptional() @IsPastDate() defaultedOn?: string;
}

/** recordLoanDetail's checks and write: a loan ends repaid or in default, never both, and not before it was issued. */
export async function recordLoanDetail(tx: EntityManager, input: RecordLoanDetailInput): Promise<Loan> {
  const repo = tx.getRepository(Loan);
  const loan = await repo.findOne({ where: { id: parseId('input.loanId', input.loanId) }, lock: { mode: 'pessimistic_write' } });
  if (!loan) throw badUserInput('input.loanId', 'no such loan');
  const next = {
    guaranteeType: input.guaranteeType ?? loan.guaranteeType,
    interestSubsidyYuan: input.interestSubsidyYuan ?? loan.interestSubsidyYuan,
    repaidOn: input.repaidOn ?? loan.repaidOn,
    defaultedOn: input.defaultedOn ?? loan.defaultedOn,
  };
  for (const field of ['repaidOn', 'defaultedOn'] as const) {
    const day = next[field];
    if (day !== null && day < loan.issuedOn) throw badUserInput(`input.${field}`, 'must not be before the loan was issued');
  }
  if (next.repaidOn !== null && next.defaultedOn !== null) {
    throw badUserInput(input.defaultedOn ? 'input.defaultedOn' : 'input.repaidOn', 'a loan is either repaid or in default, not both');
  }
  if (next.interestSubsidyYuan !== null && !loan.interestSubsidised && next.interestSubsidyYuan > 0) {
    throw badUserInput('input.interestSubsidyYuan', 'the loan was issued without interest subsidy');
  }
  if (next.interestSubsidyYuan !== null && next.interestSubsidyYuan > loan.amountYuan) {
    throw badUserInput('input.interestSubsidyYuan', 'must not exceed the amount lent');
  }
  Object.assign(loan, next);
  return repo.save(loan);
}

@Resolver()
export class LoanDetailResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => Loan, { description: "Records a loan's guarantee type, interest subsidy paid, repayment or default" })
  async recordLoanDetail(@Arg('input') input: RecordLoanDetailInput, @Ctx() ctx: HrContext): Promise<Loan> {
    return ctx.transaction(async (tx) => {
      const loan = await recordLoanDetail(tx, input);
      await ctx.audit.write(tx, 'Loan', [loan.id]);
      return loan;
    });
  }
}
