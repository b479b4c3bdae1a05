import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { forbidden } from '@rg/api-errors';
import { paginate, PageArgs } from '@rg/data-helpers';
import { SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { seesDrafts, visibleStory } from './drafts';
import { SuccessStoryConnection, SuccessStoryFilter } from './story-types';
import { Trainee, traineeStub, Venture, ventureStub } from './stubs';

@Resolver(() => SuccessStory)
export class SuccessStoryResolver {
  @Query(() => SuccessStory, { nullable: true, description: 'A published story; drafts for youth-league staff and admins' })
  successStory(@Arg('id', () => ID) id: string, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? visibleStory(ctx, ctx.loaders.storyById.load(numeric)) : Promise.resolve(null);
  }

  // Nullable so that a query also asking other departments still gets their part when youth-league is down.
  @Query(() => SuccessStoryConnection, {
    nullable: true, description: 'Published stories; drafts too with includeDrafts (youth-league staff and admins)',
  })
  successStories(
    @Arg('filter', () => SuccessStoryFilter, { nullable: true }) filter: SuccessStoryFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: YouthLeagueContext,
  ): Promise<SuccessStoryConnection> {
    if (filter?.includeDrafts && !seesDrafts(ctx)) throw forbidden('drafts are for youth-league staff and admins only');
    const query = ctx.dataSource.getRepository(SuccessStory).createQueryBuilder('s');
    if (!filter?.includeDrafts) query.andWhere('s.published_on IS NOT NULL');
    if (filter?.regionCode) query.andWhere('s.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.channel) query.andWhere('s.channel = :channel', { channel: filter.channel });
    if (filter?.publishedYear) {
      const [from, to] = yearRange(filter.publishedYear);
      query.andWhere('s.published_on >= :from AND s.published_on < :to', { from, to });
    }
    return paginate(query, page);
  }

  @Authorized()
  @FieldResolver(() => Trainee, { nullable: true, description: 'hr resolves it; null if the person is not a trainee' })
  protagonist(@Root() story: SuccessStory): Trainee {
    return traineeStub(story.protagonistPersonKey);
  }

  @FieldResolver(() => Venture)
  venture(@Root() story: SuccessStory): Venture {
    return ventureStub(story.ventureId);
  }
}
