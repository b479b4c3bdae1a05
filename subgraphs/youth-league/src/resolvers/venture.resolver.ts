import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { Venture } from './stubs';

@Resolver(() => Venture)
export class VenturePublicityResolver {
  @FieldResolver(() => [SuccessStory], { description: 'youth-league: published success stories about the venture' })
  async stories(@Root() venture: Venture, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory[]> {
    const id = Number(venture.id);
    return Number.isInteger(id) ? ctx.loaders.publishedStoriesByVenture.load(id) : [];
  }
}
