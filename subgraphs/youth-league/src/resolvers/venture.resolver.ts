import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award, SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { Venture } from './stubs';

/** Nullable for the reason given in trainee.resolver.ts: hr's venture must survive youth-league being down. */
@Resolver(() => Venture)
export class VenturePublicityResolver {
  @FieldResolver(() => [SuccessStory], {
    nullable: true, description: 'youth-league: published success stories about the venture (null only if youth-league is down)',
  })
  async stories(@Root() venture: Venture, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory[]> {
    const id = Number(venture.id);
    return Number.isInteger(id) ? ctx.loaders.publishedStoriesByVenture.load(id) : [];
  }

  @FieldResolver(() => [Award], {
    nullable: true, description: 'youth-league: awards to the venture as an enterprise (null only if youth-league is down)',
  })
  async awards(@Root() venture: Venture, @Ctx() ctx: YouthLeagueContext): Promise<Award[]> {
    const id = Number(venture.id);
    return Number.isInteger(id) ? ctx.loaders.awardsByVenture.load(id) : [];
  }
}
