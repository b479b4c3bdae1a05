import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { entityRows, paginateRows, PageArgs } from '@rg/data-helpers';
import { Enrolment, FollowUp, Loan, Trainee, Venture } from '../entities';
import type { HrContext } from './context';
import { TraineeConnection, TraineeFilter } from './trainee-types';
import { countFromTally } from './trainee-tally';
import { traineeFilter } from './trainee-filter';

@Resolver(() => Trainee)
export class TraineeResolver {
  @Authorized()
  @Query(() => Trainee, { nullable: true })
  trainee(@Arg('id', () => ID) id: string, @Ctx() ctx: HrContext): Promise<Trainee | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.traineeById.load(numeric) : Promise.resolve(null);
  }

  @Authorized()
  @Query(() => TraineeConnection)
  trainees(
    @Arg('filter', () => TraineeFilter, { nullable: true }) filter: TraineeFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: HrContext,
  ): Promise<TraineeConnection> {
    return paginateRows(entityRows(ctx.dataSource, Trainee), traineeFilter(filter), page, countFromTally(ctx.dataSource, filter) ?? undefined);
  }

  @FieldResolver(() => [Venture], { description: 'Businesses this trainee opened' })
  ventures(@Root() trainee: Trainee, @Ctx() ctx: HrContext): Promise<Venture[]> {
    return ctx.loaders.venturesByFounder.load(trainee.id);
  }

  @FieldResolver(() => [Enrolment])
  enrolments(@Root() trainee: Trainee, @Ctx() ctx: HrContext): Promise<Enrolment[]> {
    return ctx.loaders.enrolmentsByTrainee.load(trainee.id);
  }

  @FieldResolver(() => [Loan], { description: 'Guaranteed start-up loans to this trainee' })
  loans(@Root() trainee: Trainee, @Ctx() ctx: HrContext): Promise<Loan[]> {
    return ctx.loaders.loansByBorrower.load(trainee.id);
  }

  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => [FollowUp], { nullable: true, description: "hr's own service records: hr staff and admins" })
  followUps(@Root() trainee: Trainee, @Ctx() ctx: HrContext): Promise<FollowUp[]> {
    return ctx.loaders.followUpsByTrainee.load(trainee.id);
  }
}
