import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SuccessStory } from '../entities';
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
}
