import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate, IsText } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { todayInBeijing } from '@rg/beijing-date';
import { Award, AwardLevel, AwardRecipientKind, StoryChannel, SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';
import { IsCountyCode, IsPersonKey, IsYearSince } from '@rg/input-validation';

@InputType({ description: 'A success story to publish; protagonist and venture are hr records named by key' })
export class PublishStoryInput {
  @Field()
  @IsText(100)
  title: string;

  @Field()
  @IsText(2000)
  summary: string;

  @Field({ description: "hr's person key of the protagonist" })
  @IsPersonKey()
  protagonistPersonKey: string;

  @Field()
  @IsText(50)
  protagonistName: string;

  @Field(() => ID, { description: "hr's venture id" })
  ventureId: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @IsCountyCode()
  regionCode: string;

  @Field(() => StoryChannel)
  channel: StoryChannel;

  @Field({ nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @IsPastDate()
  publishedOn?: string;
}

@InputType({
  description: 'An award to a person (personKey and recipientName) or to an enterprise (recipientKind VENTURE and ventureId); '
    + 'each holds a given title at most once a year',
})
export class GrantAwardInput {
  @Field(() => AwardRecipientKind, { defaultValue: AwardRecipientKind.PERSON })
  recipientKind: AwardRecipientKind;

  @Field({ nullable: true, description: "The recipient's person key (PERSON)" })
  @IsOptional()
  @IsPersonKey()
  personKey?: string;

  @Field({ nullable: true, description: "The recipient's name (PERSON)" })
  @IsOptional()
  @IsText(50)
  recipientName?: string;

  @Field(() => ID, { nullable: true, description: "hr's venture id (VENTURE)" })
  ventureId?: string;

  @Field({ description: 'e.g. 返乡创业之星' })
  @IsText(50)
  title: string;

  @Field(() => AwardLevel)
  level: AwardLevel;

  @Field(() => Int, { description: '2000 to the current year' })
  @IsYearSince(2000)
  year: number;

  @Field({ description: 'County-level GB/T 2260 code' })
  @IsCountyCode()
  regionCode: string;
}

const DUPLICATE = 'the recipient already holds this award for the year';

/** PostgreSQL unique_violation: a concurrent grant won the race past the existence check. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

@Resolver()
export class PublicityMutationResolver {
  @Authorized(ownerOnly('youth-league'))
  @Mutation(() => SuccessStory, { description: 'Publishes a success story (青春创富故事汇)' })
  async publishStory(@Arg('input') input: PublishStoryInput, @Ctx() ctx: YouthLeagueContext): Promise<SuccessStory> {
    return ctx.transaction(async (tx) => {
      const story = await publishStory(tx, input);
      await ctx.audit.write(tx, 'SuccessStory', [story.id]);
      return story;
    });
  }

  @Authorized(ownerOnly('youth-league'))
  @Mutation(() => Award, { description: 'Grants an entrepreneur award (e.g. 返乡创业之星)' })
  async grantAward(@Arg('input') input: GrantAwardInput, @Ctx() ctx: YouthLeagueContext): Promise<Award> {
    try {
      return await ctx.transaction(async (tx) => {
        const award = await grantAward(tx, input);
        await ctx.audit.write(tx, 'Award', [award.id]);
        return award;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw badUserInput('input.title', DUPLICATE);
      throw error;
    }
  }
}

/** publishStory's write, shared with the story import. Auditing is the caller's. */
export async function publishStory(tx: EntityManager, input: PublishStoryInput): Promise<SuccessStory> {
  const ventureId = parseId('input.ventureId', input.ventureId);
  const repo = tx.getRepository(SuccessStory);
  return repo.save(repo.create({
    title: input.title.trim(),
    summary: input.summary.trim(),
    protagonistPersonKey: input.protagonistPersonKey,
    protagonistName: input.protagonistName.trim(),
    ventureId,
    regionCode: input.regionCode,
    publishedOn: input.publishedOn ?? todayInBeijing(),
    channel: input.channel,
  }));
}

/** The recipient the kind names: a person's key and name, or hr's venture id (youth-league checks its form only). */
function recipientOf(input: GrantAwardInput): Pick<Award, 'personKey' | 'recipientName' | 'ventureId'> {
  const given = (value: unknown) => value !== undefined && value !== null;
  if ((input.recipientKind ?? AwardRecipientKind.PERSON) === AwardRecipientKind.VENTURE) {
    for (const field of ['personKey', 'recipientName'] as const) {
      if (given(input[field])) throw badUserInput(`input.${field}`, 'not for an award to an enterprise');
    }
    if (!given(input.ventureId)) throw badUserInput('input.ventureId', 'an award to an enterprise names its venture');
    return { personKey: null, recipientName: null, ventureId: parseId('input.ventureId', input.ventureId!) };
  }
  if (given(input.ventureId)) throw badUserInput('input.ventureId', 'only for an award to an enterprise (recipientKind VENTURE)');
  if (!given(input.personKey)) throw badUserInput('input.personKey', 'an award to a person names its recipient');
  if (!given(input.recipientName)) throw badUserInput('input.recipientName', "an award to a person gives the recipient's name");
  return { personKey: input.personKey!, recipientName: input.recipientName!.trim(), ventureId: null };
}

/** grantAward's check (one title a recipient a year) and write, shared with the award import. */
export async function grantAward(tx: EntityManager, input: GrantAwardInput): Promise<Award> {
  const recipient = recipientOf(input);
  const title = input.title.trim();
  const repo = tx.getRepository(Award);
  const holder = recipient.ventureId === null ? { personKey: recipient.personKey! } : { ventureId: recipient.ventureId };
  if (await repo.existsBy({ ...holder, title, year: input.year })) {
    throw badUserInput('input.title', DUPLICATE);
  }
  return repo.save(repo.create({
    ...recipient,
    recipientKind: input.recipientKind ?? AwardRecipientKind.PERSON,
    title,
    level: input.level,
    year: input.year,
    regionCode: input.regionCode,
  }));
}
