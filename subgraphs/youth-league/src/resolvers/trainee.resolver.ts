import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award, SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { Trainee } from './stubs';

@Resolver(() => Trainee)
export class TraineePublicityResolver {
  @FieldResolver(() => [SuccessStory], { description: "youth-league: the person's published success stories" })
  stories(@Root() trainee: Trainee, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory[]> {
    return ctx.loaders.publishedStoriesByPersonKey.load(trainee.personKey);
  }

  @FieldResolver(() => [Award], { description: "youth-league: the person's entrepreneur awards" })
  awards(@Root() trainee: Trainee, @Ctx() ctx: YouthLeagueContext): Promise<Award[]> {
    return ctx.loaders.awardsByPersonKey.load(trainee.personKey);
  }
}
