import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsInt, Max, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { LOAN_CAP_YUAN } from '@rg/scorecard';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate, IsText } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { BusinessStatus, FollowUp, GuaranteeType, Loan, Mentor, Trainee, Venture } from '../entities';
import type { HrContext } from './context';

@InputType()
export class RecordVentureInput {
  @Field(() => ID)
  founderId: string;

  @Field()
  @IsText(100)
  name: string;

  @Field()
  @IsText(50)
  industry: string;

  @Field()
  @IsPastDate()
  openedOn: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100000)
  jobsCreated: number;
}

@InputType({ description: `A guaranteed start-up loan; at most ${LOAN_CAP_YUAN} yuan per person in all` })
export class IssueLoanInput {
  @Field(() => ID)
  borrowerId: string;

  @Field(() => ID, { nullable: true })
  ventureId?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1000)
  @Max(LOAN_CAP_YUAN)
  amountYuan: number;

  @Field()
  @IsText(100)
  bank: string;

  @Field()
  @IsPastDate()
  issuedOn: string;

  @Field({ defaultValue: true })
  interestSubsidised: boolean;

  @Field(() => GuaranteeType, { nullable: true, description: 'How the loan is guaranteed' })
  guaranteeType?: GuaranteeType;
}

@InputType()
export class RecordFollowUpInput {
  @Field(() => ID)
  traineeId: string;

  @Field(() => ID, { nullable: true })
  mentorId?: string;

  @Field()
  @IsPastDate()
  visitedOn: string;

  @Field(() => BusinessStatus)
  businessStatus: BusinessStatus;

  @Field()
  @IsText(500)
  helpGiven: string;
}

@Resolver()
export class VentureMutationResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => Venture, { description: 'Records a business a trainee opened (开业)' })
  async recordVenture(@Arg('input') input: RecordVentureInput, @Ctx() ctx: HrContext): Promise<Venture> {
    return ctx.transaction(async (tx) => {
      const venture = await recordVenture(tx, input);
      await ctx.audit.write(tx, 'Venture', [venture.id]);
      return venture;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => Loan, { description: 'Issues a guaranteed start-up loan within the per-person cap' })
  async issueLoan(@Arg('input') input: IssueLoanInput, @Ctx() ctx: HrContext): Promise<Loan> {
    return ctx.transaction(async (tx) => {
      const loan = await issueLoan(tx, input);
      await ctx.audit.write(tx, 'Loan', [loan.id]);
      return loan;
    });
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => FollowUp, { description: 'Records a follow-up visit (跟踪帮扶)' })
  async recordFollowUp(@Arg('input') input: RecordFollowUpInput, @Ctx() ctx: HrContext): Promise<FollowUp> {
    const traineeId = parseId('input.traineeId', input.traineeId);
    const mentorId = input.mentorId ? parseId('input.mentorId', input.mentorId) : null;
    return ctx.transaction(async (tx) => {
      if (!(await tx.getRepository(Trainee).existsBy({ id: traineeId }))) throw badUserInput('input.traineeId', 'no such trainee');
      if (mentorId !== null && !(await tx.getRepository(Mentor).existsBy({ id: mentorId }))) {
        throw badUserInput('input.mentorId', 'no such mentor');
      }
      const repo = tx.getRepository(FollowUp);
      const visit = await repo.save(repo.create({
        traineeId, mentorId, visitedOn: input.visitedOn, businessStatus: input.businessStatus, helpGiven: input.helpGiven.trim(),
      }));
      await ctx.audit.write(tx, 'FollowUp', [visit.id]);
      return visit;
    });
  }
}

/** recordVenture's checks and write, shared with the venture import. Auditing is the caller's. */
export async function recordVenture(tx: EntityManager, input: RecordVentureInput): Promise<Venture> {
  const founderId = parseId('input.founderId', input.founderId);
  const founder = await tx.getRepository(Trainee).findOneBy({ id: founderId });
  if (!founder) throw badUserInput('input.founderId', 'no such trainee');
  if (input.openedOn < founder.registeredOn) throw badUserInput('input.openedOn', 'must not be before the founder registered');
  const repo = tx.getRepository(Venture);
  return repo.save(repo.create({
    founderId, name: input.name.trim(), industry: input.industry.trim(), regionCode: founder.regionCode,
    openedOn: input.openedOn, jobsCreated: input.jobsCreated, closedOn: null,
  }));
}

/** issueLoan's checks (the borrower's venture, the per-person cap) and write, shared with the loan import. */
export async function issueLoan(tx: EntityManager, input: IssueLoanInput): Promise<Loan> {
  const borrowerId = parseId('input.borrowerId', input.borrowerId);
  const ventureId = input.ventureId ? parseId('input.ventureId', input.ventureId) : null;
  // Locking the borrower serialises concurrent loans to one person, so the cap holds.
  const borrower = await tx.getRepository(Trainee).findOne({ where: { id: borrowerId }, lock: { mode: 'pessimistic_write' } });
  if (!borrower) throw badUserInput('input.borrowerId', 'no such trainee');
  if (ventureId !== null) {
    const venture = await tx.getRepository(Venture).findOneBy({ id: ventureId });
    if (!venture || venture.founderId !== borrowerId) throw badUserInput('input.ventureId', 'is not a venture of the borrower');
  }
  const [{ total }] = await tx.query('SELECT coalesce(sum(amount_yuan), 0) AS total FROM loan WHERE borrower_id = $1', [borrowerId]);
  if (Number(total) + input.amountYuan > LOAN_CAP_YUAN) {
    throw badUserInput('input.amountYuan', `would take the borrower past the ${LOAN_CAP_YUAN}-yuan cap (already ${total})`);
  }
  const repo = tx.getRepository(Loan);
  return repo.save(repo.create({
    borrowerId, ventureId, amountYuan: input.amountYuan, bank: input.bank.trim(), issuedOn: input.issuedOn,
    interestSubsidised: input.interestSubsidised, repaidOn: null,
    guaranteeType: input.guaranteeType ?? null, interestSubsidyYuan: null, defaultedOn: null,
  }));
}
