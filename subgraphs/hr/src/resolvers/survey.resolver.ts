import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { parseCitizenId, personKeyOf, personKeyPrefix } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { ownerOnly } from '@rg/access';
import { Connection, paginate, PageArgs } from '@rg/data-helpers';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { IsCitizenId, IsPastDate, IsRegionCode, IsText } from '@rg/input-validation';
import { SurveyResponse } from '../entities';
import type { HrContext } from './context';

@ObjectType()
export class SurveyResponseConnection extends Connection(SurveyResponse) {}

@InputType({ description: 'All conditions must hold' })
export class SurveyResponseFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level: county, city or province' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => Int, { nullable: true, description: 'Year of the survey' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  intendsToStart?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  intendsToTrain?: boolean;
}

@InputType({ description: 'The citizen ID is turned into the person key and not kept; gender and home county come from it' })
export class RecordSurveyResponseInput {
  @Field()
  @IsCitizenId()
  citizenId: string;

  @Field()
  @IsPastDate()
  surveyedOn: string;

  @Field()
  @IsText(100)
  surveyedBy: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsPastDate()
  returnedOn?: string;

  @Field()
  @IsBoolean()
  intendsToStart: boolean;

  @Field()
  @IsBoolean()
  intendsToTrain: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsText(50)
  desiredIndustry?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsText(500)
  needs?: string;
}

@Resolver(() => SurveyResponse)
export class SurveyResponseResolver {
  @Authorized()
  @Query(() => SurveyResponseConnection, { description: 'The returnee survey (摸底调查): who means to start a business or to train' })
  surveyResponses(
    @Arg('filter', () => SurveyResponseFilter, { nullable: true }) filter: SurveyResponseFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: HrContext,
  ): Promise<SurveyResponseConnection> {
    const query = ctx.dataSource.getRepository(SurveyResponse).createQueryBuilder('s');
    if (filter?.regionCode) query.andWhere('s.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.year) {
      const [from, to] = yearRange(filter.year);
      query.andWhere('s.surveyed_on >= :from AND s.surveyed_on < :to', { from, to });
    }
    if (filter?.intendsToStart !== undefined && filter.intendsToStart !== null) {
      query.andWhere('s.intends_to_start = :start', { start: filter.intendsToStart });
    }
    if (filter?.intendsToTrain !== undefined && filter.intendsToTrain !== null) {
      query.andWhere('s.intends_to_train = :train', { train: filter.intendsToTrain });
    }
    return paginate(query, page);
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => SurveyResponse, { description: "Records one returnee's survey answers" })
  async recordSurveyResponse(@Arg('input') input: RecordSurveyResponseInput, @Ctx() ctx: HrContext): Promise<SurveyResponse> {
    return ctx.transaction(async (tx) => {
      const response = await recordSurveyResponse(tx, input);
      await ctx.audit.write(tx, 'SurveyResponse', [response.id]);
      return response;
    });
  }
}

/** recordSurveyResponse's checks and write, shared with the survey import. Auditing is the caller's. */
export async function recordSurveyResponse(tx: EntityManager, input: RecordSurveyResponseInput): Promise<SurveyResponse> {
  const id = parseCitizenId(input.citizenId);
  const region = findRegion(id.regionCode);
  if (!region || region.level !== 'COUNTY') throw badUserInput('input.citizenId', `region ${id.regionCode} is not a Jiangsu county`);
  if (input.returnedOn !== undefined && input.returnedOn !== null && input.returnedOn > input.surveyedOn) {
    throw badUserInput('input.returnedOn', 'must not be after the survey');
  }
  const personKey = personKeyOf(id.value);
  const repo = tx.getRepository(SurveyResponse);
  if (await repo.existsBy({ personKey, surveyedOn: input.surveyedOn })) {
    throw badUserInput('input.surveyedOn', 'this person already answered the survey on this day');
  }
  const response = repo.create({
    personKey,
    personKeyPrefix: personKeyPrefix(personKey).toString(),
    gender: id.gender as SurveyResponse['gender'],
    regionCode: id.regionCode,
    surveyedOn: input.surveyedOn,
    surveyedBy: input.surveyedBy.trim(),
    returnedOn: input.returnedOn ?? null,
    intendsToStart: input.intendsToStart,
    intendsToTrain: input.intendsToTrain,
    desiredIndustry: input.desiredIndustry?.trim() ?? null,
    needs: input.needs?.trim() ?? null,
  });
  await repo.insert(response);
  return response;
}
