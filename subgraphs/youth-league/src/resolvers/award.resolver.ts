import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { countyCodesFor } from '@rg/region-scorecard';
import { paginate, PageArgs } from '@rg/data-helpers';
import { Award } from '../entities';
import type { YouthLeagueContext } from './context';
import { AwardConnection, AwardFilter } from './story-types';
import { Trainee, traineeStub, Venture, ventureStub } from './stubs';

@Resolver(() => Award)
export class AwardResolver {
  // Nullable for the reason given on successStories.
  @Query(() => AwardConnection, { nullable: true, description: 'Entrepreneur awards (返乡创业之星 and others)' })
  awards(
    @Arg('filter', () => AwardFilter, { nullable: true }) filter: AwardFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: YouthLeagueContext,
  ): Promise<AwardConnection> {
    const query = ctx.dataSource.getRepository(Award).createQueryBuilder('a');
    if (filter?.regionCode) query.andWhere('a.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.year) query.andWhere('a.year = :year', { year: filter.year });
    if (filter?.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter?.recipientKind) query.andWhere('a.recipient_kind = :kind', { kind: filter.recipientKind });
    return paginate(query, page);
  }

  @Authorized()
  @FieldResolver(() => Trainee, { nullable: true, description: 'hr resolves it; null if the person is not a trainee' })
  recipient(@Root() award: Award): Trainee | null {
    return award.personKey === null ? null : traineeStub(award.personKey);
  }

  @FieldResolver(() => Venture, { nullable: true, description: 'The enterprise awarded (VENTURE); hr resolves it' })
  venture(@Root() award: Award): Venture | null {
    return award.ventureId === null ? null : ventureStub(award.ventureId);
  }
}
