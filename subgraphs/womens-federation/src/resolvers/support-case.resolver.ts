import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { paginate, PageArgs } from '@rg/data-helpers';
import { WomenSupportCase } from '../entities';
import type { WomensFederationContext } from './context';
import { WomenSupportCaseConnection, WomenSupportCaseFilter } from './support-case-types';

@Resolver(() => WomenSupportCase)
export class WomenSupportCaseResolver {
  @Authorized()
  @Query(() => WomenSupportCase, { nullable: true })
  womenSupportCase(@Arg('id', () => ID) id: string, @Ctx() ctx: WomensFederationContext): Promise<WomenSupportCase | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.caseById.load(numeric) : Promise.resolve(null);
  }

  // Nullable so that a query also asking other departments still gets their part when the federation is down.
  @Authorized()
  @Query(() => WomenSupportCaseConnection, { nullable: true })
  womenSupportCases(
    @Arg('filter', () => WomenSupportCaseFilter, { nullable: true }) filter: WomenSupportCaseFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: WomensFederationContext,
  ): Promise<WomenSupportCaseConnection> {
    const query = ctx.dataSource.getRepository(WomenSupportCase).createQueryBuilder('c');
    if (filter?.regionCode) query.andWhere('c.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.supportType) query.andWhere('c.support_type = :supportType', { supportType: filter.supportType });
    if (filter?.outcome) query.andWhere('c.outcome = :outcome', { outcome: filter.outcome });
    if (filter?.openedYear) {
      const [from, to] = yearRange(filter.openedYear);
      query.andWhere('c.opened_on >= :from AND c.opened_on < :to', { from, to });
    }
    if (filter?.open === true) query.andWhere('c.closed_on IS NULL');
    if (filter?.open === false) query.andWhere('c.closed_on IS NOT NULL');
    if (typeof filter?.poorPriority === 'boolean') query.andWhere('c.poor_priority = :poor', { poor: filter.poorPriority });
    return paginate(query, page);
  }
}
