import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { paginate, PageArgs } from '@rg/data-helpers';
import { IncubatorPark, Residency } from '../entities';
import type { AgricultureContext } from './context';
import { IncubatorParkConnection, IncubatorParkFilter } from './park-types';
import { Venture, ventureStub } from './venture.resolver';

@Resolver(() => IncubatorPark)
export class IncubatorParkResolver {
  @Query(() => IncubatorPark, { nullable: true })
  incubatorPark(@Arg('id', () => ID) id: string, @Ctx() ctx: AgricultureContext): Promise<IncubatorPark | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.parkById.load(numeric) : Promise.resolve(null);
  }

  @Query(() => IncubatorParkConnection)
  incubatorParks(
    @Arg('filter', () => IncubatorParkFilter, { nullable: true }) filter: IncubatorParkFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: AgricultureContext,
  ): Promise<IncubatorParkConnection> {
    const query = ctx.dataSource.getRepository(IncubatorPark).createQueryBuilder('p');
    if (filter?.regionCode) query.andWhere('p.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.level) query.andWhere('p.level = :level', { level: filter.level });
    if (filter?.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter?.openedYear) {
      const [from, to] = yearRange(filter.openedYear);
      query.andWhere('p.opened_on >= :from AND p.opened_on < :to', { from, to });
    }
    // Containment (@>) rather than = ANY, so the GIN index on industries serves it.
    if (filter?.industry) query.andWhere('p.industries @> ARRAY[:industry]::text[]', { industry: filter.industry });
    return paginate(query, page);
  }

  @FieldResolver(() => Int, { description: 'Ventures resident now (open residencies)' })
  occupancy(@Root() park: IncubatorPark, @Ctx() ctx: AgricultureContext): Promise<number> {
    return ctx.loaders.occupancyByPark.load(park.id);
  }

  @FieldResolver(() => [Residency], { description: 'Every residency, past and present, oldest first' })
  residencies(@Root() park: IncubatorPark, @Ctx() ctx: AgricultureContext): Promise<Residency[]> {
    return ctx.loaders.residenciesByPark.load(park.id);
  }

  /**
   * From the same loader as `residencies`: one statement for both, and the ventures' own
   * lookups that follow start together, so a page costs the same statements every time.
   */
  @FieldResolver(() => [Venture], { description: 'Ventures resident now' })
  async residents(@Root() park: IncubatorPark, @Ctx() ctx: AgricultureContext): Promise<Venture[]> {
    const residencies = await ctx.loaders.residenciesByPark.load(park.id);
    return residencies.filter((r) => r.leftOn === null).map((r) => ventureStub(r.ventureId));
  }
}

@Resolver(() => Residency)
export class ResidencyResolver {
  @FieldResolver(() => IncubatorPark)
  async park(@Root() residency: Residency, @Ctx() ctx: AgricultureContext): Promise<IncubatorPark> {
    return (await ctx.loaders.parkById.load(residency.parkId))!;
  }

  @FieldResolver(() => Venture)
  venture(@Root() residency: Residency): Venture {
    return ventureStub(residency.ventureId);
  }
}
