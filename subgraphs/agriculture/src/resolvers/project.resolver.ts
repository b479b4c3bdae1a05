import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { countyCodesFor } from '@rg/region-scorecard';
import { paginate, PageArgs } from '@rg/data-helpers';
import { RecommendedProject } from '../entities';
import type { AgricultureContext } from './context';
import { RecommendedProjectConnection, RecommendedProjectFilter } from './park-types';

@Resolver(() => RecommendedProject)
export class RecommendedProjectResolver {
  @Query(() => RecommendedProjectConnection, { description: 'The project library (创业项目库)' })
  recommendedProjects(
    @Arg('filter', () => RecommendedProjectFilter, { nullable: true }) filter: RecommendedProjectFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: AgricultureContext,
  ): Promise<RecommendedProjectConnection> {
    const query = ctx.dataSource.getRepository(RecommendedProject).createQueryBuilder('r');
    if (filter?.regionCode) query.andWhere('r.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.industry) query.andWhere('r.industry = :industry', { industry: filter.industry });
    if (filter?.maxInvestmentYuan !== undefined && filter?.maxInvestmentYuan !== null) {
      query.andWhere('r.investment_yuan <= :maxInvestment', { maxInvestment: filter.maxInvestmentYuan });
    }
    return paginate(query, page);
  }
}
