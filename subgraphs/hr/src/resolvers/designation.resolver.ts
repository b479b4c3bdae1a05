import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { forbidden } from '@rg/api-errors';
import { paginate, PageArgs } from '@rg/data-helpers';
import { countyCodesFor } from '@rg/region-scorecard';
import { Designation, DesignationKind, DesignationReview, DesignationReviewResult, Trainee, Venture } from '../entities';
import type { HrContext } from './context';
import { Region } from './region.resolver';
import { DesignationConnection, DesignationCount, DesignationFilter, IncubatorPark } from './designation-types';

const parkStub = (id: number): IncubatorPark => ({ id: String(id) });
const PERSONAL_ROLES = ownerOnly('hr');

@Resolver(() => Designation)
export class DesignationResolver {
  @Query(() => DesignationConnection, {
    description: 'Demonstration designations (示范县, 示范园区, 示范项目, 助力脱贫攻坚优秀项目, 明星企业, 返乡创业明星), revoked ones included',
  })
  designations(
    @Arg('filter', () => DesignationFilter, { nullable: true }) filter: DesignationFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: HrContext,
  ): Promise<DesignationConnection> {
    const query = ctx.dataSource.getRepository(Designation).createQueryBuilder('d');
    if (filter?.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter?.level) query.andWhere('d.level = :level', { level: filter.level });
    if (filter?.regionCode) query.andWhere('d.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.year) query.andWhere('d.year = :year', { year: filter.year });
    return paginate(query, page);
  }

  @Query(() => Designation, { nullable: true })
  designation(@Arg('id', () => ID) id: string, @Ctx() ctx: HrContext): Promise<Designation | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.designationById.load(numeric) : Promise.resolve(null);
  }

  @FieldResolver(() => [DesignationReview], { description: 'The yearly reviews, oldest first' })
  reviews(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<DesignationReview[]> {
    return ctx.loaders.reviewsByDesignation.load(designation.id);
  }

  @FieldResolver(() => Boolean, { description: 'In force: no review has revoked it' })
  async active(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<boolean> {
    return (await this.revokedIn(designation, ctx)) === null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The year a review revoked it; null while in force' })
  async revokedIn(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<number | null> {
    const reviews = await ctx.loaders.reviewsByDesignation.load(designation.id);
    return reviews.find((r) => r.result === DesignationReviewResult.REVOKED)?.year ?? null;
  }

  @FieldResolver(() => IncubatorPark, { nullable: true, description: 'The park designated (PARK); agriculture resolves it' })
  park(@Root() designation: Designation): IncubatorPark | null {
    return designation.parkId === null ? null : parkStub(designation.parkId);
  }

  @FieldResolver(() => Venture, { nullable: true, description: 'The star enterprise (VENTURE)' })
  venture(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<Venture | null> {
    return designation.ventureId === null ? Promise.resolve(null) : ctx.loaders.ventureById.load(designation.ventureId);
  }

  @Authorized()
  @FieldResolver(() => Trainee, { nullable: true, description: 'The entrepreneur star (PERSON): signed-in roles, as any trainee' })
  trainee(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<Trainee | null> {
    return designation.traineeId === null ? Promise.resolve(null) : ctx.loaders.traineeById.load(designation.traineeId);
  }

  @Authorized(PERSONAL_ROLES)
  @FieldResolver(() => String, { nullable: true, description: "The entrepreneur star's name (PERSON): hr staff and admins only, as Trainee.name" })
  async personName(@Root() designation: Designation, @Ctx() ctx: HrContext): Promise<string | null> {
    if (designation.traineeId === null) return null;
    return (await ctx.loaders.traineeById.load(designation.traineeId))?.name ?? null;
  }
}

@Resolver(() => DesignationReview)
export class DesignationReviewResolver {
  /**
   * The reviewing body's note. About a county, park, project or enterprise it is public; about
   * an entrepreneur star it is about a person, so hr staff and admins only, as a trainee's name.
   */
  @FieldResolver(() => String, { nullable: true, description: "The reviewing body's note; for a PERSON designation hr staff and admins only" })
  async note(@Root() review: DesignationReview, @Ctx() ctx: HrContext): Promise<string | null> {
    const designation = await ctx.loaders.designationById.load(review.designationId);
    if (designation?.kind === DesignationKind.PERSON && !PERSONAL_ROLES.includes(ctx.viewer.role)) {
      const who = ctx.viewer.role === 'public' ? 'the public' : `role ${ctx.viewer.role}`;
      throw forbidden(`DesignationReview.note of a PERSON designation is not available to ${who}`);
    }
    return review.note;
  }
}

@Resolver(() => Venture)
export class VentureDesignationResolver {
  @FieldResolver(() => [Designation], { description: 'Designations of the venture as a star enterprise (明星企业), oldest first' })
  designations(@Root() venture: Venture, @Ctx() ctx: HrContext): Promise<Designation[]> {
    return ctx.loaders.designationsByVenture.load(venture.id);
  }
}

@Resolver(() => IncubatorPark)
export class ParkDesignationResolver {
  // Nullable: were it not, hr being down would null agriculture's whole park in the gateway's answer.
  @FieldResolver(() => [Designation], {
    nullable: true, description: 'hr: designations of the park as a demonstration park (示范园区), oldest first (null only if hr is down)',
  })
  async designations(@Root() park: IncubatorPark, @Ctx() ctx: HrContext): Promise<Designation[]> {
    const id = Number(park.id);
    return Number.isInteger(id) ? ctx.loaders.designationsByPark.load(id) : [];
  }
}

@Resolver(() => Region)
export class DesignationRegionResolver {
  @FieldResolver(() => [DesignationCount], {
    nullable: true,
    description: 'hr: demonstration designations in force in the region (designated, not revoked), per kind; public records, counted exactly',
  })
  async activeDesignations(@Root() region: Region, @Ctx() ctx: HrContext): Promise<DesignationCount[]> {
    const counts = await ctx.loaders.activeDesignationCounts.load(region.code);
    return Object.values(DesignationKind).map((kind) => ({ kind, count: counts?.[kind] ?? 0 }));
  }
}
