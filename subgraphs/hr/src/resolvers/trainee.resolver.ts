import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { ownerOnly } from '@rg/access';
import { paginate, PageArgs } from '@rg/data-helpers';
import { Enrolment, FollowUp, Loan, Trainee, Venture } from '../entities';
import type { HrContext } from './context';
import { TraineeConnection, TraineeFilter } from './trainee-types';
import { countFromTally } from './trainee-tally';

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
    const query = ctx.dataSource.getRepository(Trainee).createQueryBuilder('t');
    if (filter?.regionCode) query.andWhere('t.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.category) query.andWhere('t.category = :category', { category: filter.category });
    if (filter?.gender) query.andWhere('t.gender = :gender', { gender: filter.gender });
    if (filter?.stage) query.andWhere('t.stage = :stage', { stage: filter.stage });
    if (filter?.personKey) query.andWhere('t.person_key = :personKey', { personKey: filter.personKey });
    if (filter?.registeredYear) {
      const [from, to] = yearRange(filter.registeredYear);
      query.andWhere('t.registered_on >= :rFrom AND t.registered_on < :rTo', { rFrom: from, rTo: to });
    }
    if (filter?.trainedYear) {
      const [from, to] = yearRange(filter.trainedYear);
      query.andWhere('t.first_completed_on >= :tFrom AND t.first_completed_on < :tTo', { tFrom: from, tTo: to });
    }
    return paginate(query, page, countFromTally(ctx.dataSource, filter) ?? undefined);
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
