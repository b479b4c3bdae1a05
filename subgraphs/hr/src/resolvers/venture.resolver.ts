import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsInt, IsOptional, Max, Min, MaxLength } from 'class-validator';
import { Connection, paginate, PageArgs } from '@rg/data-helpers';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { IsRegionCode } from '@rg/input-validation';
import { Loan, Trainee, Venture } from '../entities';
import type { HrContext } from './context';
import { forbidden } from '@rg/api-errors';
import { FOUNDER_TRAINED_SQL } from './founder-training.resolver';

@ObjectType()
export class VentureConnection extends Connection(Venture) {}

@InputType()
export class VentureFilter {
  @Field({ nullable: true, description: 'GB/T 2260 code at any level' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  openedYear?: number;

  @Field({ nullable: true })
  @IsOptional()
  operating?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  industry?: string;

  @Field({ nullable: true, description: 'Only ventures whose founder had (true) or had not (false) completed a course by the opening; signed-in roles' })
  @IsOptional()
  founderTrained?: boolean;
}

@Resolver(() => Venture)
export class VentureResolver {
  @Query(() => Venture, { nullable: true })
  venture(@Arg('id', () => ID) id: string, @Ctx() ctx: HrContext): Promise<Venture | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.ventureById.load(numeric) : Promise.resolve(null);
  }

  @Query(() => VentureConnection)
  ventures(
    @Arg('filter', () => VentureFilter, { nullable: true }) filter: VentureFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: HrContext,
  ): Promise<VentureConnection> {
    const query = ctx.dataSource.getRepository(Venture).createQueryBuilder('v');
    if (filter?.regionCode) query.andWhere('v.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.openedYear) {
      const [from, to] = yearRange(filter.openedYear);
      query.andWhere('v.opened_on >= :from AND v.opened_on < :to', { from, to });
    }
    if (filter?.operating === true) query.andWhere('v.closed_on IS NULL');
    if (filter?.operating === false) query.andWhere('v.closed_on IS NOT NULL');
    if (filter?.industry) query.andWhere('v.industry = :industry', { industry: filter.industry });
    if (typeof filter?.founderTrained === 'boolean') {
      // Whether a named person trained is not for the public, so neither is filtering by it.
      if (ctx.viewer.role === 'public') throw forbidden('founderTrained: filtering by training is for signed-in roles');
      query.andWhere(filter.founderTrained ? FOUNDER_TRAINED_SQL : `NOT ${FOUNDER_TRAINED_SQL}`);
    }
    return paginate(query, page);
  }

  @Authorized()
  @FieldResolver(() => Trainee)
  async founder(@Root() venture: Venture, @Ctx() ctx: HrContext): Promise<Trainee> {
    return (await ctx.loaders.traineeById.load(venture.founderId))!;
  }

  @Authorized()
  @FieldResolver(() => [Loan])
  loans(@Root() venture: Venture, @Ctx() ctx: HrContext): Promise<Loan[]> {
    return ctx.loaders.loansByVenture.load(venture.id);
  }
}
