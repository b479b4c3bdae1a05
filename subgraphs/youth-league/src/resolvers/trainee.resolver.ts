import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award, SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { Trainee } from './stubs';

/**
 * Contributions to hr's Trainee are nullable lists: were they non-null, youth-league being down
 * would null the whole trainee in the gateway's answer instead of just these fields.
 */
@Resolver(() => Trainee)
export class TraineePublicityResolver {
  @Authorized()
  @FieldResolver(() => [SuccessStory], {
    nullable: true, description: "youth-league: the person's published success stories (null only if youth-league is down)",
  })
  stories(@Root() trainee: Trainee, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory[]> {
    return ctx.loaders.publishedStoriesByPersonKey.load(trainee.personKey);
  }

  @Authorized()
  @FieldResolver(() => [Award], {
    nullable: true, description: "youth-league: the person's entrepreneur awards (null only if youth-league is down)",
  })
  awards(@Root() trainee: Trainee, @Ctx() ctx: YouthLeagueContext): Promise<Award[]> {
    return ctx.loaders.awardsByPersonKey.load(trainee.personKey);
  }
}
